/**
 * A pool of up to `size` use-worker.js threads, one model each. Jobs queue in order; each goes to whichever loaded
 * worker is free. Idle workers are unref'd, so a process that forgets `close()` can still exit; busy ones keep it alive.
 *
 * Only the first worker starts with the pool: loading a model takes a core for ~0.5 s, and at start-up the other
 * core is opening the index. The rest start the first time jobs wait with every loaded worker busy (an ingest's
 * batches, concurrent questions); a one-shot question never pays for them.
 */
import { Worker } from 'node:worker_threads';
import { VerbatimError } from '../errors.js';
import type { EmbedRequest, WorkerMessage } from './use-worker-protocol.js';

const WORKER_URL = new URL('./use-worker.js', import.meta.url);

interface Job {
  texts: string[];
  resolve: (vectors: Float32Array) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job: (Job & { id: number }) | undefined;
  /** The model has loaded: jobs may go to this worker. */
  ready: boolean;
}

export class UseWorkerPool {
  private slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 0;
  private failure: VerbatimError | undefined;
  private readonly live = new Set<Worker>();
  private closed = false;

  constructor(private readonly size: number) {}

  /** Starts the first worker and waits until it has loaded its model; returns its load time in ms. */
  async start(): Promise<number> {
    this.failure = undefined;
    this.closed = false;
    const first: Slot = { worker: this.spawn(), job: undefined, ready: false };
    this.slots = [first];
    try {
      const loadMs = await this.whenReady(first);
      first.ready = true;
      this.dispatch();
      return loadMs;
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  /** Another worker, once jobs wait and every loaded one is busy; it takes jobs when its model has loaded. */
  private grow(): void {
    if (this.slots.length >= this.size || this.slots.some((slot) => !slot.ready)) return;
    const slot: Slot = { worker: this.spawn(), job: undefined, ready: false };
    this.slots.push(slot);
    this.whenReady(slot).then(
      () => {
        if (!this.slots.includes(slot)) return;
        slot.ready = true;
        this.dispatch();
      },
      (error: unknown) => {
        if (this.slots.includes(slot)) this.breakPool(error instanceof VerbatimError ? error : failed(String(error)));
      },
    );
  }

  /** Threads started and not yet exited (0 after `close()` resolves). */
  get running(): number {
    return this.live.size;
  }

  /** Embeds one batch on the next free worker; resolves with the rows one after another. */
  run(texts: string[]): Promise<Float32Array> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.slots.length === 0) return Promise.reject(failed(this.closed ? 'the embedder was closed' : 'the workers were not started'));
    return new Promise((resolve, reject) => {
      this.queue.push({ texts, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    const slots = this.slots;
    this.slots = [];
    this.closed = true;
    this.failAll(failed('the embedder was closed'), slots);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_URL);
    this.live.add(worker);
    worker.once('exit', () => this.live.delete(worker));
    return worker;
  }

  private whenReady(slot: Slot): Promise<number> {
    return new Promise((resolve, reject) => {
      const onStartupExit = (code: number) => reject(failed(`a worker exited with code ${code} while loading`));
      slot.worker.once('error', reject);
      slot.worker.once('exit', onStartupExit);
      slot.worker.once('message', (message: WorkerMessage) => {
        slot.worker.off('error', reject);
        slot.worker.off('exit', onStartupExit);
        if (message.type !== 'ready') return reject(failed(message.type === 'load-failed' ? message.message : 'unexpected first message'));
        this.watch(slot);
        slot.worker.unref();
        resolve(message.loadMs);
      });
    });
  }

  private watch(slot: Slot): void {
    slot.worker.on('message', (message: WorkerMessage) => {
      const job = slot.job;
      if (!job || !('id' in message) || message.id !== job.id) return;
      slot.job = undefined;
      slot.worker.unref();
      if (message.type === 'result') job.resolve(message.vectors);
      else job.reject(failed(message.message));
      this.dispatch();
    });
    slot.worker.on('error', (error) => this.breakPool(failed(error.message)));
    slot.worker.on('exit', (code) => {
      if (this.slots.includes(slot)) this.breakPool(failed(`a worker stopped unexpectedly (exit code ${code})`));
    });
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      const job = slot.job || !slot.ready ? undefined : this.queue.shift();
      if (!job) continue;
      slot.job = { ...job, id: (this.nextId += 1) };
      slot.worker.ref();
      const request: EmbedRequest = { id: slot.job.id, texts: job.texts };
      slot.worker.postMessage(request);
    }
    if (this.queue.length > 0) this.grow();
  }

  /** A crashed worker leaves the pool unusable: every waiting caller gets the same clear error. */
  private breakPool(error: VerbatimError): void {
    this.failure ??= error;
    const slots = this.slots;
    this.slots = [];
    this.failAll(error, slots);
    for (const slot of slots) void slot.worker.terminate();
  }

  private failAll(error: Error, slots: Slot[]): void {
    for (const slot of slots) slot.job?.reject(error);
    for (const job of this.queue.splice(0)) job.reject(error);
  }
}

function failed(reason: string): VerbatimError {
  return new VerbatimError('EMBEDDER_FAILED', `The Universal Sentence Encoder worker failed: ${reason}.`);
}
