// Report benchmarks: `smallpay report --json` and `report aging --json` on stores of 10,000 and 100,000
// invoices. With SMALLPAY_TIMINGS the CLI prints how long loading the store and computing the report took;
// the goal is about the report itself, after the store is loaded.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateStore } from './generate-store.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'smallpay.js');
const work = join(root, 'bench', '.stores', 'report');
const RUNS = 5;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
console.log('| invoices | command | wall ms (median) | load ms | report ms |');
console.log('|---:|---|---:|---:|---:|');
for (const size of [10_000, 100_000]) {
  const store = join(work, `store-${size}.json`);
  generateStore(store, size);
  const env = { ...process.env, SMALLPAY_STORE: store, SMALLPAY_NOW: '2026-11-25', SMALLPAY_TIMINGS: '1' };
  // A first write stamps the store as validated, as every store written by smallpay is.
  spawnSync(process.execPath, [bin, 'customer', 'add', '--name', 'Bench', '--email', 'bench@bench.test'], { env });
  for (const args of [['report', '--json'], ['report', 'aging', '--json'], ['report', 'vat', '--from', '2000-01-01', '--to', '2026-11-25', '--basis', 'payment', '--json']]) {
    const walls = [];
    const loads = [];
    const reports = [];
    for (let run = 0; run < RUNS; run += 1) {
      const started = process.hrtime.bigint();
      const result = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 28 });
      walls.push(Number(process.hrtime.bigint() - started) / 1e6);
      const timings = /timings: load ([\d.]+) ms, report ([\d.]+) ms/.exec(result.stderr);
      if (!timings) throw new Error(`no timings from smallpay ${args.join(' ')}: ${result.stderr}`);
      loads.push(Number(timings[1]));
      reports.push(Number(timings[2]));
    }
    console.log(`| ${size.toLocaleString('en')} | \`smallpay ${args.join(' ')}\` | ${median(walls).toFixed(0)} | ${median(loads).toFixed(0)} | ${median(reports).toFixed(1)} |`);
  }
}
rmSync(work, { recursive: true, force: true });
