/**
 * The vector store a JavaScript developer would pick: LangChain.js' HNSWLib store. Its package would not install
 * here (see the results), so this reproduces exactly what it does on hnswlib-node, the same library it wraps:
 * `new HierarchicalNSW('cosine', d)`, `initIndex(n)` with hnswlib's defaults (M 16, efConstruction 200, seed 100),
 * one `addPoint(number[], i)` per document, queries through `searchKnn(number[], k)` at hnswlib's default ef (10),
 * documents looked up by label in an in-memory docstore.
 */
import hnswlib from 'hnswlib-node';

export interface StoreHit<T> {
  document: T;
  /** hnswlib's cosine distance (1 − cosine), as LangChain returns it. */
  distance: number;
}

export class LangChainStyleStore<T> {
  private constructor(
    private readonly index: hnswlib.HierarchicalNSW,
    private readonly docstore: Map<number, T>,
  ) {}

  /** As `HNSWLib.fromDocuments` builds it (the vectors come from the same embedder as ours). */
  static build<T>(vectors: readonly Float32Array[], documents: readonly T[]): LangChainStyleStore<T> {
    const dimension = vectors[0]?.length ?? 1;
    const index = new hnswlib.HierarchicalNSW('cosine', dimension);
    index.initIndex(Math.max(1, vectors.length));
    const docstore = new Map<number, T>();
    vectors.forEach((vector, i) => {
      index.addPoint(Array.from(vector), i);
      docstore.set(i, documents[i]!);
    });
    return new LangChainStyleStore(index, docstore);
  }

  /** As `HNSWLib.load` opens a saved store: the graph file read by hnswlib-node, ef left at its default. */
  static async load<T>(file: string, dimension: number, documents: Map<number, T>): Promise<LangChainStyleStore<T>> {
    const index = new hnswlib.HierarchicalNSW('cosine', dimension);
    await index.readIndex(file);
    return new LangChainStyleStore(index, documents);
  }

  /** `similaritySearchVectorWithScore(query, k)`; LangChain's embedQuery hands it a number[], hence Array.from. */
  search(vector: Float32Array, k: number): StoreHit<T>[] {
    const { neighbors, distances } = this.index.searchKnn(Array.from(vector), Math.min(k, this.index.getCurrentCount()));
    return neighbors.map((label, i) => ({ document: this.docstore.get(label)!, distance: distances[i]! }));
  }
}
