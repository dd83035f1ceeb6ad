/**
 * Whether the registered commands differ from ours. Discord echoes commands back with extra fields
 * (ids, versions, defaults filled in), so both sides are reduced to the fields we set before comparing.
 */

interface OptionShape {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  autocomplete?: boolean;
  min_length?: number;
  max_length?: number;
  min_value?: number;
  max_value?: number;
  choices?: ReadonlyArray<{ name: string; value: string | number }>;
  channel_types?: readonly number[];
  options?: readonly OptionShape[];
}

export interface CommandShape {
  name: string;
  /** Empty for context-menu commands. */
  description?: string;
  type?: number;
  default_member_permissions?: string | null;
  contexts?: readonly number[] | null;
  options?: readonly OptionShape[];
}

function normaliseOptions(options: readonly OptionShape[] | undefined): unknown[] {
  return (options ?? []).map((o) => ({
    type: o.type,
    name: o.name,
    description: o.description,
    required: o.required ?? false,
    autocomplete: o.autocomplete ?? false,
    min_length: o.min_length ?? null,
    max_length: o.max_length ?? null,
    min_value: o.min_value ?? null,
    max_value: o.max_value ?? null,
    choices: (o.choices ?? []).map(({ name, value }) => ({ name, value })),
    channel_types: [...(o.channel_types ?? [])].sort(),
    options: normaliseOptions(o.options),
  }));
}

function normalise(commands: readonly CommandShape[]): string {
  const reduced = commands
    .map((c) => ({
      name: c.name,
      description: c.description ?? '',
      type: c.type ?? 1,
      default_member_permissions: c.default_member_permissions ?? null,
      contexts: c.contexts === undefined || c.contexts === null ? null : [...c.contexts].sort(),
      options: normaliseOptions(c.options),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return JSON.stringify(reduced);
}

export function commandsDiffer(ours: readonly CommandShape[], registered: readonly CommandShape[]): boolean {
  return normalise(ours) !== normalise(registered);
}
