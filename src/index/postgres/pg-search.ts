/**
 * Candidate searches in PostgreSQL: cosine nearest neighbours through pgvector's HNSW index, and full-text search
 * over passages. Questions are matched on any of their terms (an OR query), as BM25 does, not on all of them.
 */
import type pg from 'pg';
import { efSearchFor } from '../hnsw-index.js';
import type { CandidateSearch } from '../serving-index.js';
import { vectorLiteral } from './vector-literal.js';

/** `hnsw.ef_search` follows the files store's rule for hnswlib's ef (capped at pgvector's maximum, 1000), so both stores trade recall for speed alike. */
export function pgSearch(pool: pg.Pool, passages: number): CandidateSearch {
  const ef = efSearchFor(passages);
  return {
    async dense(vector, k) {
      // SET LOCAL keeps the setting inside this transaction: pooled connections serve other stores' sizes too.
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(`SET LOCAL hnsw.ef_search = ${Math.min(1000, Math.max(k, ef))}`);
        const { rows } = await client.query<{ label: string; distance: number }>(
          'SELECT label, embedding <=> $1::vector AS distance FROM passages ORDER BY embedding <=> $1::vector LIMIT $2',
          [vectorLiteral(vector), k],
        );
        await client.query('COMMIT');
        return rows.map((r) => ({ label: Number(r.label), score: 1 - r.distance }));
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async lexical(query, k) {
      const { rows } = await pool.query<{ label: string; score: number }>(
        `SELECT label, ts_rank(tsv, q) AS score
           FROM passages, (SELECT replace(plainto_tsquery('english', $1)::text, '&', '|')::tsquery AS q) AS question
          WHERE tsv @@ q
          ORDER BY score DESC, label
          LIMIT $2`,
        [query, k],
      );
      return rows.map((r) => ({ label: Number(r.label), score: r.score }));
    },
  };
}
