/** The shipped ranker on small named corpora: each expected first sentence says why it should win. */
import { describe, expect, it } from 'vitest';
import rankerFile from '../../src/answer/models/ranker.json' with { type: 'json' };
import { loadRanker, rankSentences, type RankerFile } from '../../src/answer/rank.js';
import { fixture } from './answer-fixture.js';

const ranker = loadRanker(rankerFile as RankerFile);

function firstFor(question: string, articles: Record<string, readonly string[]>): { text: string; span: string | null } {
  const f = fixture(question, articles);
  const [top] = rankSentences(f.rows, ranker, f.addEntities);
  return { text: top!.sentence.text, span: top!.span ? top!.sentence.text.slice(top!.span.start, top!.span.end) : null };
}

interface Case {
  why: string;
  question: string;
  articles: Record<string, readonly string[]>;
  first: string;
  span: string;
}

describe('the learned ranker', () => {
  it.each<Case>([
    {
      why: 'the only sentence with a figure beside "IT"; the lead restates the question without one',
      question: 'How many IT jobs is ABN Amro cutting?',
      articles: {
        abn: [
          'ABN Amro, the Dutch bank, is to cut jobs in its IT department as profits fall.',
          'About 1,200 jobs will go in IT while investment banking is spared.',
          'The bank said its shares rose on the news.',
        ],
      },
      first: 'About 1,200 jobs will go in IT while investment banking is spared.',
      span: 'About 1,200',
    },
    {
      why: 'a "who" question wants the sentence naming a person, not the one announcing the inquiry',
      question: 'Who will lead the inquiry into the rail crash?',
      articles: {
        crash: [
          'An inquiry into the rail crash will begin next month.',
          'The inquiry will be led by retired judge John Smith, the ministry said.',
          'Twelve passengers were hurt in the crash.',
        ],
      },
      first: 'The inquiry will be led by retired judge John Smith, the ministry said.',
      span: 'John Smith',
    },
    {
      why: 'when two sentences restate the event, a "why" question wants the one giving the reason, and the span is the reason clause',
      question: 'Why did Argonaut Games sack 100 staff?',
      articles: {
        argonaut: [
          'Argonaut Games has sacked about 100 staff at its London studio.',
          'Argonaut Games sacked the 100 staff because of a severe cash crisis.',
          'Argonaut made several Harry Potter games.',
        ],
      },
      first: 'Argonaut Games sacked the 100 staff because of a severe cash crisis.',
      span: 'because of a severe cash crisis',
    },
    {
      why: 'a "when" question wants the sentence with a date beside "arrived in Beijing"',
      question: 'When did Kim arrive in Beijing?',
      articles: {
        kim: [
          'Kim’s arrival in Beijing drew the attention of the world.',
          'Kim arrived in Beijing on Tuesday by armoured train.',
          'He is expected to attend the parade.',
        ],
      },
      first: 'Kim arrived in Beijing on Tuesday by armoured train.',
      span: 'Tuesday',
    },
  ])('$why', ({ question, articles, first, span }) => {
    const top = firstFor(question, articles);
    expect(top.text).toBe(first);
    expect(top.span).toBe(span);
  });

  it('ranks every candidate, shortlisted ones first, and gives entity features only to the shortlist', () => {
    const sentences = Array.from({ length: 20 }, (_, i) => `Report number ${i + 1} on the harbour dredging was filed by the council.`);
    const f = fixture('Who filed the harbour dredging report?', { harbour: sentences });
    let checked = 0;
    const ranked = rankSentences(f.rows, ranker, (row) => {
      checked++;
      f.addEntities(row);
    });
    expect(ranked).toHaveLength(20);
    expect(checked).toBe(ranker.shortlist);
    expect(ranked.slice(0, ranker.shortlist).every((r) => r.shortlisted)).toBe(true);
    expect(ranked.slice(ranker.shortlist).some((r) => r.shortlisted)).toBe(false);
  });
});
