/**
 * What a JavaScript developer would assemble instead, on the same paragraphs: a plain MiniSearch with default
 * settings (BM25, whole paragraphs as documents) and a dense vector store (LangChain HNSWLib's behaviour) over
 * the same embedder. Both return paragraphs, never abstain, and quote no sentence.
 */
import MiniSearch from 'minisearch';
import type { Embedder } from '../../src/embedding/embedder.js';
import { LangChainStyleStore } from '../lib/peer-store.js';
import type { SquadContext } from './data.js';
import type { SquadPrediction } from './metrics.js';

export interface BaselineSystem {
  name: string;
  unit: string;
  predict(question: string, questionVector: Float32Array): SquadPrediction;
}

const TOP = 5;

function fromParagraphs(ranked: readonly SquadContext[]): SquadPrediction {
  const top = ranked[0];
  return { ranked: ranked.map((c) => c.id), firstSentence: null, answered: top !== undefined, answer: top?.text ?? '' };
}

export function miniSearchBaseline(contexts: readonly SquadContext[]): BaselineSystem {
  const search = new MiniSearch<SquadContext>({ fields: ['title', 'text'] });
  search.addAll(contexts);
  const byId = new Map(contexts.map((c) => [c.id, c]));
  return {
    name: 'MiniSearch, default settings (BM25)',
    unit: 'paragraph',
    predict: (question) => fromParagraphs(search.search(question).slice(0, TOP).map((hit) => byId.get(hit.id as string)!)),
  };
}

/** Paragraph vectors come from `embedder` (one vector per whole paragraph, as a document store embeds them). */
export async function denseStoreBaseline(contexts: readonly SquadContext[], embedder: Embedder): Promise<BaselineSystem> {
  const vectors = await embedder.embed(contexts.map((c) => c.text));
  const store = LangChainStyleStore.build(vectors, contexts);
  return {
    name: 'dense vector store (LangChain HNSWLib behaviour)',
    unit: 'paragraph',
    predict: (_question, vector) => fromParagraphs(store.search(vector, TOP).map((hit) => hit.document)),
  };
}
