/**
 * Entities in a sentence, with offsets into the sentence text: dates, numbers and durations from
 * wink-nlp's recogniser, names from proper-noun runs, and quoted phrases. Used to match what a
 * question asks for and to pick the answering span. Whether a name is a person, a place or an
 * organisation is told apart separately (classifyNames), and only for questions that ask for one.
 */
import { wink } from '../wink.js';
import { controlRanges, hasControls } from '../control-text.js';

export type EntityType = 'person' | 'place' | 'org' | 'name' | 'date' | 'number' | 'duration' | 'quote';

export interface Entity {
  type: EntityType;
  /** Offsets into the sentence text. */
  start: number;
  end: number;
  text: string;
}


const WINK_TYPES: Record<string, EntityType | undefined> = {
  DATE: 'date',
  TIME: 'date',
  DURATION: 'duration',
  CARDINAL: 'number',
  MONEY: 'number',
  PERCENT: 'number',
  ORDINAL: 'number',
};

const ORG_WORDS = /\b(university|agency|organi[sz]ation|council|court|bank|ministry|society|institute|news|tv|media|party|army|forces|company|corporation|group|association|union|committee|department|office)\b/i;
const CONNECTORS = new Set(['of', 'the', 'for', 'de']);

export function findEntities(text: string): Entity[] {
  const nlp = wink();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out() as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const offsets = tokenOffsets(text, values);
  const entities: Entity[] = [];

  const spans = doc.entities().out(its.span) as unknown as Array<[number, number]>;
  const types = doc.entities().out(its.type) as string[];
  spans.forEach(([first, last], i) => {
    const type = WINK_TYPES[types[i] ?? ''];
    const a = offsets[first];
    const b = offsets[last];
    if (type && a && b) entities.push({ type, start: a.start, end: b.end, text: text.slice(a.start, b.end) });
  });

  for (const [first, last] of properNounRuns(values, pos)) {
    const a = offsets[first]!;
    const b = offsets[last]!;
    const name = text.slice(a.start, b.end);
    entities.push({ type: ORG_WORDS.test(name) || /^[A-Z]{2,6}$/.test(name) ? 'org' : 'name', start: a.start, end: b.end, text: name });
  }

  for (const match of text.matchAll(/“([^”]{2,300})”|"([^"]{2,300})"/g)) {
    const inner = match[1] ?? match[2] ?? '';
    const start = match.index + 1;
    entities.push({ type: 'quote', start, end: start + inner.length, text: inner });
  }
  // A number inside a colour code (`\x1b[31m`) is not the article's: no entity touches a control sequence.
  const controls = hasControls(text) ? controlRanges(text) : [];
  const clean = controls.length === 0 ? entities : entities.filter((e) => !controls.some((c) => c.start < e.end && e.start < c.end));
  return clean.sort((x, y) => x.start - y.start || y.end - x.end);
}

/** Maps each token back to its place in the text (wink keeps token values verbatim). */
function tokenOffsets(text: string, values: readonly string[]): Array<{ start: number; end: number } | undefined> {
  const out: Array<{ start: number; end: number } | undefined> = [];
  let cursor = 0;
  for (const value of values) {
    const at = text.indexOf(value, cursor);
    if (at < 0) {
      out.push(undefined);
      continue;
    }
    out.push({ start: at, end: at + value.length });
    cursor = at + value.length;
  }
  return out;
}

/** Runs of proper nouns, allowing inner connectors ("University of Tokyo"), as inclusive token ranges. */
function properNounRuns(values: readonly string[], pos: readonly string[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let i = 0;
  while (i < values.length) {
    if (pos[i] !== 'PROPN') {
      i++;
      continue;
    }
    let end = i;
    while (end + 1 < values.length) {
      if (pos[end + 1] === 'PROPN') end++;
      else if (CONNECTORS.has(values[end + 1]!.toLowerCase()) && pos[end + 2] === 'PROPN') end += 2;
      else break;
    }
    runs.push([i, end]);
    i = end + 1;
  }
  return runs;
}

export type NameClassifier = (name: string) => EntityType;

let classifier: Promise<NameClassifier> | null = null;

/**
 * compromise's lexicon tells people, places and organisations apart. It takes a second or more to
 * load, so it is loaded on the first question that asks for a person, place or organisation.
 */
export function loadNameClassifier(): Promise<NameClassifier> {
  classifier ??= import('compromise').then(({ default: nlp }) => {
    const seen = new Map<string, EntityType>();
    return (name: string): EntityType => {
      let type = seen.get(name);
      if (!type) {
        const doc = nlp(name);
        type = doc.organizations().found ? 'org' : doc.people().found ? 'person' : doc.places().found ? 'place' : 'name';
        if (seen.size > 50_000) seen.clear();
        seen.set(name, type);
      }
      return type;
    };
  });
  return classifier;
}

/** The same entities with unclassified names typed as person, place or organisation where the lexicon knows. */
export function classifyNames(entities: readonly Entity[], classify: NameClassifier): Entity[] {
  return entities.map((e) => (e.type === 'name' ? { ...e, type: classify(e.text) } : e));
}
