/**
 * What Discord checks when commands are registered (PUT .../commands), so a definition Discord would refuse
 * fails here too: slash command names lowercase without spaces, descriptions 1–100 characters; context-menu
 * names 1–32 characters (spaces and capitals allowed), with no description and no options.
 */

const SLASH_NAME = /^[-_\p{Ll}\p{Lo}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

export function commandProblems(command: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const type = Number(command.type ?? 1);
  const name = String(command.name ?? '');
  const description = command.description;
  if (type === 1) {
    if (!SLASH_NAME.test(name)) problems.push(`name "${name}": must match ${SLASH_NAME.source}`);
    if (typeof description !== 'string' || description.length < 1 || description.length > 100) problems.push(`${name}: description must be 1-100 characters`);
  } else if (type === 2 || type === 3) {
    if (name.length < 1 || name.length > 32) problems.push(`name "${name}": must be 1-32 characters`);
    if (description !== undefined && description !== '') problems.push(`${name}: context menu commands cannot have a description`);
    if (Array.isArray(command.options) && command.options.length > 0) problems.push(`${name}: context menu commands cannot have options`);
  } else {
    problems.push(`${name}: unknown command type ${type}`);
  }
  return problems;
}
