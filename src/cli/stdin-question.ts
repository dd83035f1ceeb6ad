/**
 * `echo "Who won?" | verbatim ask`: with no question on the command line, a question piped on stdin is read whole.
 * A terminal is never read (that would wait silently for typing); null means there is no question to read.
 */
export async function readQuestionFromStdin(stdin: NodeJS.ReadableStream & { isTTY?: boolean }): Promise<string | null> {
  if (stdin.isTTY) return null;
  let text = '';
  stdin.setEncoding('utf8');
  for await (const chunk of stdin) text += chunk as string;
  const question = text.trim();
  return question === '' ? null : question;
}
