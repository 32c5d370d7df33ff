/**
 * better-sqlite3 for tests that open a SQLite file themselves, or undefined where the optional dependency
 * is not installed (its native build failed): those tests are skipped, saying so, instead of failing.
 */
import type DatabaseConstructor from 'better-sqlite3';

export const Database: typeof DatabaseConstructor | undefined = await import('better-sqlite3').then(
  (module) => module.default,
  () => {
    process.stderr.write('better-sqlite3 is not installed: the SQLite store tests are skipped\n');
    return undefined;
  },
);
