import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { shortHash } from '../../src/log-privacy.js';
import { createLogger } from '../../src/logger.js';

const QUESTION = 'What did Putin call Xi at the parade?';
const USER = '1300000000000000777';

function logOnce(mode: string | undefined): { raw: string; line: Record<string, unknown> } {
  const lines: string[] = [];
  const config = parseConfig({ LOG_QUESTIONS: mode, LOG_LEVEL: 'info' });
  const logger = createLogger(config, { destination: { write: (line: string) => lines.push(line) } });
  logger.info({ event: 'question', question: QUESTION, user: USER, guild: '1300000000000000100', status: 'answered' }, 'question answered');
  return { raw: lines.join(''), line: JSON.parse(lines[0]!) as Record<string, unknown> };
}

describe('LOG_QUESTIONS', () => {
  it('hashes question text and user ids by default', () => {
    const { raw, line } = logOnce(undefined);
    expect(raw).not.toContain(QUESTION);
    expect(raw).not.toContain(USER);
    expect(line).toMatchObject({ questionHash: shortHash(QUESTION), userHash: shortHash(USER), guild: '1300000000000000100', status: 'answered' });
  });

  it('drops them with none', () => {
    const { raw, line } = logOnce('none');
    expect(raw).not.toContain(QUESTION);
    expect(raw).not.toContain(USER);
    expect(line).not.toHaveProperty('questionHash');
    expect(line).toMatchObject({ event: 'question', status: 'answered' });
  });

  it('keeps them as they are with full', () => {
    expect(logOnce('full').line).toMatchObject({ question: QUESTION, user: USER });
  });

  it('refuses other values, naming the setting', () => {
    expect(() => parseConfig({ LOG_QUESTIONS: 'some' })).toThrow(/LOG_QUESTIONS/);
  });
});
