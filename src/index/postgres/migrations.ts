/**
 * The PostgreSQL schema as ordered, versioned migrations. A migration is never edited once released: a change is a
 * new entry with the next version. The vector columns have no dimension here: the store fixes it (and builds the
 * HNSW index) when an embedder first writes, since the dimension belongs to the embedder, not to the schema.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles, sentences and passages with vectors and full-text search',
    sql: `
      CREATE TABLE store_meta (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        embedder_id text NOT NULL,
        dimension integer NOT NULL,
        generation bigint NOT NULL,
        next_label bigint NOT NULL,
        committed_at timestamptz NOT NULL DEFAULT now()
      );
      -- An article's text and metadata; its sentences and passages are rows of their own.
      CREATE TABLE articles (
        id text PRIMARY KEY,
        content_hash text NOT NULL,
        text text NOT NULL,
        meta jsonb NOT NULL,
        generation bigint NOT NULL
      );
      -- Offsets into articles.text: every quote is text[start_offset, end_offset).
      CREATE TABLE sentences (
        article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        idx integer NOT NULL,
        start_offset integer NOT NULL,
        end_offset integer NOT NULL,
        paragraph integer NOT NULL,
        kind text NOT NULL,
        embedding vector,
        PRIMARY KEY (article_id, idx),
        CHECK (0 <= start_offset AND start_offset <= end_offset)
      );
      CREATE TABLE passages (
        label bigint PRIMARY KEY,
        article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        idx integer NOT NULL,
        sentence_start integer NOT NULL,
        sentence_end integer NOT NULL,
        start_offset integer NOT NULL,
        end_offset integer NOT NULL,
        text text NOT NULL,
        embedding vector,
        tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED
      );
      CREATE INDEX passages_article ON passages (article_id);
      CREATE INDEX passages_tsv ON passages USING gin (tsv);
    `,
  },
];
