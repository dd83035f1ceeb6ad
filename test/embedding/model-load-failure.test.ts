import { describe, expect, it } from 'vitest';
import { HubTimeoutError } from '../../src/embedding/hub-fetch.js';
import { describeModelLoadFailure } from '../../src/embedding/model-load-failure.js';

function fetchFailed(code: string): Error {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(`getaddrinfo ${code} huggingface.co`), { code }) });
}

describe('describeModelLoadFailure', () => {
  it.each([
    // Transformers.js' wording when MODELS_DIR (local files only) lacks a file: name the file.
    [new Error('`local_files_only=true` or `env.allowRemoteModels=false` and file was not found locally at "/m/x/onnx/model_quantized.onnx".'), 'model file not found: /m/x/onnx/model_quantized.onnx'],
    // undici hides the DNS code in `cause`: surface it.
    [fetchFailed('ENOTFOUND'), 'the Hugging Face Hub is unreachable (ENOTFOUND)'],
    [fetchFailed('ECONNREFUSED'), 'the Hugging Face Hub is unreachable (ECONNREFUSED)'],
    // Our own deadline (hub-fetch.ts), possibly wrapped by the library.
    [new Error('load failed', { cause: new HubTimeoutError('https://huggingface.co/x', 15_000) }), 'the Hugging Face Hub did not answer within 15 s'],
    // A bare "fetch failed" without a code is still a network problem.
    [new TypeError('fetch failed'), 'the Hugging Face Hub is unreachable'],
    // Anything else: the library's first line, so nothing is hidden.
    [new Error('Unsupported model type: gpt9\nat line 2'), 'Unsupported model type: gpt9'],
    ['a thrown string', 'a thrown string'],
  ])('%s → %s', (error, expected) => {
    expect(describeModelLoadFailure(error)).toBe(expected);
  });

  it('shortens a very long message', () => {
    expect(describeModelLoadFailure(new Error('x'.repeat(500))).length).toBeLessThanOrEqual(200);
  });
});
