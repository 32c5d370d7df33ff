/** SQLite and PostgreSQL behind the store interface (issue 13): being built. */
import { StoreError } from '../errors.js';
import type { OpenOptions, Store } from '../store.js';
import type { StoreLocator } from '../locator.js';

export async function openSqlStore(locator: StoreLocator, _options: OpenOptions): Promise<Store> {
  throw new StoreError('io', `store ${locator.label}: ${locator.engine} stores are not available in this build`);
}
