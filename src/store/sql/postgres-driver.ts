/** The PostgreSQL driver (driver.ts): a placeholder until the PostgreSQL work replaces this file. */
import { StoreError } from '../errors.js';
import type { OpenOptions } from '../store.js';
import type { StoreLocator } from '../locator.js';
import type { SqlDriver } from './driver.js';

export async function openPostgresDriver(locator: Extract<StoreLocator, { engine: 'postgres' }>, _options: OpenOptions): Promise<SqlDriver> {
  throw new StoreError('io', `store ${locator.label}: PostgreSQL stores are not available in this build`);
}
