/** The throwaway PostgreSQL cluster lives in bench/lib (benchmarks start one too; bench/ never imports from test/). */
export * from '../../bench/lib/postgres-cluster.js';
