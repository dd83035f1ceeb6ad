import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { createLogger, REDACTED, scrubSecrets } from '../../src/logger.js';

const TOKEN = 'MTMwMDAwMDAwMDAwMDAwMDAwMQ.secret-part.do-not-log-me';

function capture(level = 'info') {
  const lines: string[] = [];
  const logger = createLogger(parseConfig({ DISCORD_TOKEN: TOKEN, LOG_LEVEL: level }), { destination: { write: (line: string) => lines.push(line) } });
  return { logger, lines };
}

describe('createLogger', () => {
  it('writes one JSON object a line with the level and fields', () => {
    const { logger, lines } = capture();
    logger.info({ event: 'question', latencyMs: 12 }, 'question answered');
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 30, event: 'question', latencyMs: 12, msg: 'question answered', app: 'verbatim' });
  });

  it('honours the configured level', () => {
    const { logger, lines } = capture('warn');
    logger.info('hidden');
    logger.warn('shown');
    expect(lines.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual(['shown']);
  });

  it.each([
    ['a token field', (l: ReturnType<typeof capture>['logger']) => l.info({ token: TOKEN }, 'login')],
    ['a nested token field', (l: ReturnType<typeof capture>['logger']) => l.info({ config: { discord: { token: TOKEN } } }, 'config')],
    ['an authorization header', (l: ReturnType<typeof capture>['logger']) => l.info({ headers: { authorization: `Bot ${TOKEN}` } }, 'request')],
    ['the token inside a message', (l: ReturnType<typeof capture>['logger']) => l.warn(`request with ${TOKEN} failed`)],
    ['the token inside an error', (l: ReturnType<typeof capture>['logger']) => l.error({ err: new Error(`bad token ${TOKEN}`) }, 'failed')],
  ])('never writes the token: %s', (_why, log) => {
    const { logger, lines } = capture();
    log(logger);
    expect(lines.join('')).not.toContain('secret-part');
    expect(lines.join('')).toContain(REDACTED);
  });
});

describe('scrubSecrets', () => {
  it.each([
    ['every occurrence is replaced', 'a TOKENVALUE1 b TOKENVALUE1', ['TOKENVALUE1'], `a ${REDACTED} b ${REDACTED}`],
    ['no secrets, no change', 'plain line', [], 'plain line'],
    ['a too-short secret is not scrubbed (it would match ordinary text)', 'the cat', ['cat'], 'the cat'],
  ])('%s', (_why, text, secrets, expected) => {
    expect(scrubSecrets(text, secrets)).toBe(expected);
  });
});
