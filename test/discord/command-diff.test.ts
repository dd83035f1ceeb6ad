import { describe, expect, it } from 'vitest';
import { commandsDiffer, type CommandShape } from '../../src/discord/command-diff.js';
import { commandDefinitions } from '../../src/discord/commands.js';

/** What Discord sends back for a registered command: ids, versions and defaults, `required: false` omitted. */
function asDiscordEchoes(commands: CommandShape[]): CommandShape[] {
  const strip = (options: CommandShape['options']): CommandShape['options'] =>
    options?.map(({ required, ...o }) => ({ ...o, ...(required === true ? { required } : {}), options: strip(o.options) }));
  return commands.map((c) => ({
    ...c,
    id: '1300000000000000100',
    application_id: '1300000000000000101',
    version: '1300000000000000102',
    nsfw: false,
    contexts: c.contexts ?? null,
    integration_types: [0],
    description_localizations: null,
    options: strip(c.options),
  })) as CommandShape[];
}

describe('commandsDiffer', () => {
  const ours = commandDefinitions();

  it('sees no difference in what Discord echoes back', () => {
    expect(commandsDiffer(ours, asDiscordEchoes(ours))).toBe(false);
  });

  it('ignores the order Discord lists commands in', () => {
    expect(commandsDiffer(ours, asDiscordEchoes([...ours].reverse()))).toBe(false);
  });

  it.each<[string, (registered: CommandShape[]) => CommandShape[]]>([
    ['nothing registered yet', () => []],
    ['a command missing', (r) => r.slice(1)],
    ['an extra command left from an older version', (r) => [...r, { name: 'old', description: 'gone' }]],
    ['a description changed', (r) => r.map((c, i) => (i === 0 ? { ...c, description: 'old words' } : c))],
    ['the /reindex permission gate removed', (r) => r.map((c) => (c.name === 'reindex' ? { ...c, default_member_permissions: null } : c))],
    ['autocomplete turned off', (r) => r.map((c) => (c.name === 'summary' ? { ...c, options: c.options?.map((s) => ({ ...s, options: s.options?.map((o) => ({ ...o, autocomplete: false })) })) } : c))],
  ])('sees a difference when %s', (_why, change) => {
    expect(commandsDiffer(ours, change(asDiscordEchoes(ours)))).toBe(true);
  });
});

describe('commandDefinitions', () => {
  it.each(['reindex', 'channels', 'feedback', 'source', 'stats'])('gates /%s behind Manage Server', (name) => {
    expect(commandDefinitions().find((c) => c.name === name)?.default_member_permissions).toBe('32');
  });

  it('defines the slash commands, the operators\' commands and the message command', () => {
    const commands = commandDefinitions();
    expect(commands.map((c) => c.name)).toEqual(['ask', 'summary', 'articles', 'reindex', 'help', 'channels', 'feedback', 'source', 'stats', 'Find sources for this message']);
    const summary = commands.find((c) => c.name === 'summary');
    expect(summary && 'options' in summary ? summary.options?.map((o) => o.name) : []).toEqual(['article', 'topic', 'corpus']);
  });

  it('sees a changed channel type or context as a change', () => {
    const ours = commandDefinitions();
    const echoed = ours.map((c) => ({ ...c, id: '1', version: '1' }));
    expect(commandsDiffer(ours, echoed)).toBe(false);
    expect(commandsDiffer(ours, echoed.map((c) => (c.name === 'stats' ? { ...c, contexts: [0, 1] } : c)))).toBe(true);
  });
});
