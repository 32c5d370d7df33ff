// `smallpay store copy` of a generated store into each engine (issue 13's goal: 100,000 invoices in under 60 s).
// Usage: npm run build && node bench/store-copy.mjs [--sizes 1000,100000] [--pg postgres://user:pass@host/db]
//   Without --pg (or SMALLPAY_BENCH_PG_URL) PostgreSQL is left out; with it, each size gets business bench<N>
//   in that database, which must not hold that business yet.
// Prints a Markdown table: wall time and peak memory (max RSS) of one copy per size and direction: JSON to
// SQLite, JSON to PostgreSQL, and back from SQLite to a new JSON file.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateStore } from './generate-store.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'smallpay.js');
const work = join(root, 'bench', '.stores', 'copy');
const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
};
const sizes = argument('sizes', '100000').split(',').map(Number);
const pg = argument('pg', process.env.SMALLPAY_BENCH_PG_URL);
const env = { ...process.env, SMALLPAY_NOW: '2026-11-25', NO_COLOR: '1' };

/** One copy: wall time in seconds and peak memory in MiB; throws unless it exits 0. */
function copy(from, to) {
  const rssFile = join(work, 'rss.txt');
  rmSync(rssFile, { force: true });
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', join(root, 'bench', 'max-rss.mjs'), bin, 'store', 'copy', '--to', to], {
    env: { ...env, SMALLPAY_STORE: from, SMALLPAY_BENCH_RSS_FILE: rssFile },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 30,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`store copy ${from} → ${to} failed: ${result.stderr}`);
  return { seconds, mib: Number(readFileSync(rssFile, 'utf8').trim()) / 1024 };
}

const sizeOf = (path) => `${(statSync(path).size / 1024 / 1024).toFixed(1)} MB`;

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
console.log(`store copy benchmark: node ${process.version}; one run each; wall time and peak memory (max RSS).\n`);
console.log('| invoices | from → to | seconds | peak MiB | target size |');
console.log('|---:|---|---:|---:|---:|');
for (const size of sizes) {
  const source = join(work, `store-${size}.json`);
  generateStore(source, size);
  const row = (direction, figures, target) => console.log(`| ${size.toLocaleString('en')} | ${direction} | ${figures.seconds.toFixed(1)} | ${figures.mib.toFixed(0)} | ${target} |`);
  const db = join(work, `copy-${size}.db`);
  row(`JSON (${sizeOf(source)}) → SQLite`, copy(source, `sqlite:${db}`), sizeOf(db));
  if (pg) {
    const url = new URL(pg);
    url.searchParams.set('business', `bench${size}`);
    row('JSON → PostgreSQL', copy(source, url.toString()), '');
  }
  const back = join(work, `back-${size}.json`);
  row('SQLite → JSON', copy(`sqlite:${db}`, back), sizeOf(back));
}
