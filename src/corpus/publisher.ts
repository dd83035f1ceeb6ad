import { words } from './line-patterns.js';

const LINE_PREFIX = /^(?:source|via|courtesy(?:\s+of)?|credit|published by|copyright|©)\s*[:–—-]?\s*/i;
/** Words that name news organisations; a bare trailing line needs one to count as a publisher line. */
const MEDIA_WORD =
  /\b(?:news|agency|press|times|post|journal|herald|tribune|gazette|daily|wire|media|telegraph|guardian|chronicle|observer|monitor|dispatch|express|broadcasting|radio|tv|television|network|reuters|afp|ap|xinhua|tass|bbc|cnn|bloomberg|ria|kyodo|yonhap|ani|pti|upi|anadolu)\b/i;
const NAME_WORD = /^(?:[\p{Lu}\p{N}][\p{L}\p{N}&.'’-]*|of|the|and|for|de|&)$/u;

/** `Athens News Agency` or `Source: Reuters` standing as the last line: the publisher's name, else null. */
export function publisherFromLine(line: string): string | null {
  const text = line.replace(/\s+/g, ' ').trim();
  const prefixed = LINE_PREFIX.test(text);
  const name = text.replace(LINE_PREFIX, '').replace(/^(?:©\s*)?(?:\d{4}\s+)?/, '');
  const nameWords = words(name);
  if (nameWords.length === 0 || nameWords.length > 6 || name.length > 50) return null;
  if (!nameWords.every((word) => NAME_WORD.test(word)) || !/^[\p{Lu}\p{N}]/u.test(name)) return null;
  return prefixed || MEDIA_WORD.test(name) ? name : null;
}

/** `…Beijing.” – CNN` closing the story: a dash credit after the last sentence's end. */
const TRAILING_CREDIT = /[.!?…]["”’»)]*\s+[–—-]\s*(\p{Lu}[\p{L}&.'’]*(?:\s+\p{Lu}[\p{L}&.'’]*){0,3})\s*$/u;

export function publisherFromTrailingCredit(lastParagraph: string): string | null {
  return TRAILING_CREDIT.exec(lastParagraph)?.[1] ?? null;
}

/** `…, AFP reported.` ending the lead sentence: the agency credit of a wire story. */
const LEAD_CREDIT =
  /,\s+(?:the\s+)?(\p{Lu}[\p{L}&.'’-]*(?:\s+(?:\p{Lu}[\p{L}&.'’-]*|of|the|and|&)){0,4})\s+(?:news agency\s+)?(?:reported|reports)(?:\s+on\s+\p{Lu}\p{Ll}+)?[.!]?["”’]?$/u;
/**
 * Wire services, whose credit in the lead marks the story as theirs. A newspaper named there
 * (`…, the Financial Times reported.`) is the source of a claim in someone else's story instead.
 */
const WIRE_SERVICE =
  /^(?:AFP|AP|Reuters|Xinhua|TASS|Kyodo|Yonhap|ANI|PTI|UPI|IANS|Anadolu|Bernama|ANSA|EFE|dpa|Interfax|RIA Novosti|Associated Press|Agence France-Presse|Press Association|PA|Bloomberg)$|\bAgency$/;

/**
 * The wire service credited in the lead sentence, or null. Only the lead counts: "X said" or "told
 * Reuters" later in a story names a source of a quote, not the publisher.
 */
export function publisherFromLead(leadSentence: string): string | null {
  const name = LEAD_CREDIT.exec(leadSentence.trim())?.[1];
  return name !== undefined && WIRE_SERVICE.test(name) ? name : null;
}
