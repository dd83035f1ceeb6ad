/** The composition root's choice of store, from STORE and DATABASE_URL. */
import type { Config } from '../config.js';
import { filesStore, type IndexStore } from './index-store.js';
import { postgresStore } from './postgres/pg-store.js';

export function createStore(config: Config): IndexStore {
  return config.store.kind === 'postgres' ? postgresStore(config.store.databaseUrl) : filesStore(config.indexDir);
}
