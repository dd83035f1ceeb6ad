/** Moved to bench/lib (bench needs it too; tests import from bench, not the other way round). Kept until the open branches are rebased. */
export * from '../../bench/lib/postgres-cluster.js';
