// Completion benchmark: how long one <TAB> takes (`smallpay __complete`, a new node process each time, as the
// shell scripts run it) next to `node -e 0` and `smallpay --version`, with the demo-sized store and with
// stores of 1,000 and 10,000 invoices (invoice numbers read from the file). Prints a Markdown table.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateStore } from './generate-store.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'smallpay.js');
const work = join(root, 'bench', '.stores', 'completion');
const RUNS = 11;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Median wall time of `node args…`, each run right after a `node -e 0` whose median is returned beside it. */
function time(args, env) {
  const walls = [];
  const baselines = [];
  for (let run = 0; run < RUNS; run += 1) {
    let started = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    baselines.push(Number(process.hrtime.bigint() - started) / 1e6);
    started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { env, encoding: 'utf8', maxBuffer: 1 << 26 });
    walls.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (result.status !== 0 || result.stderr !== '') throw new Error(`${args.join(' ')}: ${result.status} ${result.stderr}`);
  }
  return { wall: median(walls), baseline: median(baselines) };
}

const row = (what, store, { wall, baseline }) =>
  console.log(`| ${what} | ${store} | ${wall.toFixed(0)} | ${baseline.toFixed(0)} | ${(wall / baseline).toFixed(2)}× |`);

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const demo = join(work, 'demo.json');
spawnSync(process.execPath, [bin, 'demo', '--store', demo], { env: { ...process.env, SMALLPAY_NOW: '2026-11-25' } });

console.log(`| what | store | median ms (${RUNS} runs) | \`node -e 0\` ms, interleaved | ratio |`);
console.log('|---|---|---:|---:|---:|');
row('`smallpay --version`', '–', time([bin, '--version'], process.env));
const stores = [['demo (8 invoices)', demo]];
for (const size of [1_000, 10_000]) {
  const path = join(work, `store-${size}.json`);
  generateStore(path, size);
  stores.push([`${size.toLocaleString('en')} invoices, ${(statSync(path).size / 1e6).toFixed(1)} MB`, path]);
}
for (const [label, store] of stores) {
  const env = { ...process.env, SMALLPAY_STORE: store };
  row('`__complete bash smallpay invoice pa` (a verb)', label, time([bin, '__complete', 'bash', 'smallpay', 'invoice', 'pa'], env));
  row("`__complete bash smallpay invoice pay ''` (invoice numbers)", label, time([bin, '__complete', 'bash', 'smallpay', 'invoice', 'pay', ''], env));
}
rmSync(work, { recursive: true, force: true });
