// What bench/engines.mjs bundles (with esbuild) to load a generated document into a SQLite or PostgreSQL store
// through the store interface's load(), as `store copy` does, without a JSON file in between.
export { parseStoreLocator } from '../src/cli/store-locator.js';
export { openStore } from '../src/store/store.js';
