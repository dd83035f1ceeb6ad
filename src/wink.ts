/**
 * The one wink-nlp instance the analyser (index/tokenize.ts) and the answer step (question, answer type, entities)
 * share, built on first use. Every `winkNLP(model)` call decodes the whole English model again (a few hundred ms and
 * tens of MB each), and loading the model package reads its JSON machines: done once, and only by a process that
 * analyses text — never by `--help`, and not at import.
 */
import { createRequire } from 'node:module';
import type winkNLP from 'wink-nlp';

export type Wink = ReturnType<typeof winkNLP>;

let instance: Wink | null = null;

export function wink(): Wink {
  if (instance === null) {
    // require(), not import(): callers are synchronous, and both packages are CommonJS.
    const require = createRequire(import.meta.url);
    const build = require('wink-nlp') as typeof winkNLP;
    instance = build(require('wink-eng-lite-web-model') as Parameters<typeof winkNLP>[0]);
  }
  return instance;
}
