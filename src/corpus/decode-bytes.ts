/**
 * Bytes to text with the right charset: the Content-Type header's, else a BOM, else the document's own
 * declaration (`<meta charset>`, `<meta http-equiv>`, `<?xml encoding?>`), else UTF-8. iconv-lite covers the
 * legacy charsets (windows-1252, ISO-8859-x, Shift_JIS, …) that news sites still serve.
 */
import iconv from 'iconv-lite';

export function decodeBody(body: Buffer, contentType: string): string {
  const charset = charsetOf(contentType) ?? bomCharset(body) ?? declaredCharset(body) ?? 'utf-8';
  const usable = iconv.encodingExists(charset) ? charset : 'utf-8';
  return iconv.decode(body, usable);
}

function charsetOf(contentType: string): string | null {
  return /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1]?.toLowerCase() ?? null;
}

function bomCharset(body: Buffer): string | null {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  return null;
}

/** The charset the document declares in its first 2 KB (read as Latin-1, which keeps ASCII intact). */
function declaredCharset(body: Buffer): string | null {
  const head = body.subarray(0, 2048).toString('latin1');
  const found =
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return found?.[1]?.toLowerCase() ?? null;
}
