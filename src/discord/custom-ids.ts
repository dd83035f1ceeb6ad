/**
 * Button ids. Discord gives a button nothing but its custom id (100 characters), so the id carries what the
 * click needs: the key of the answer it belongs to (the id of the message or interaction that asked),
 * or the page offset.
 */

export type ButtonAction =
  | { kind: 'more'; key: string }
  | { kind: 'vote'; vote: 'up' | 'down'; key: string }
  | { kind: 'articles'; offset: number }
  /** The "what was wrong?" form opened by 👎 (a modal's custom id, same format). */
  | { kind: 'why'; key: string };

export function encodeButton(action: ButtonAction): string {
  switch (action.kind) {
    case 'more':
      return `more:${action.key}`;
    case 'vote':
      return `vote:${action.vote}:${action.key}`;
    case 'articles':
      return `articles:${action.offset}`;
    case 'why':
      return `why:${action.key}`;
  }
}

const KEY = '(\\d{1,20})';
const PATTERNS: ReadonlyArray<readonly [RegExp, (match: RegExpExecArray) => ButtonAction]> = [
  [new RegExp(`^more:${KEY}$`), (m) => ({ kind: 'more', key: m[1]! })],
  [new RegExp(`^vote:(up|down):${KEY}$`), (m) => ({ kind: 'vote', vote: m[1] === 'up' ? 'up' : 'down', key: m[2]! })],
  [/^articles:(\d{1,9})$/, (m) => ({ kind: 'articles', offset: Number(m[1]) })],
  [new RegExp(`^why:${KEY}$`), (m) => ({ kind: 'why', key: m[1]! })],
];

/** The action a custom id names, or null for ids this bot did not make (or an older format). */
export function decodeButton(customId: string): ButtonAction | null {
  for (const [pattern, build] of PATTERNS) {
    const match = pattern.exec(customId);
    if (match !== null) return build(match);
  }
  return null;
}
