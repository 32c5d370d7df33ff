// Ledger export benchmark: `smallpay export hledger` and `export beancount` of a store of 100,000 invoices
// (about 160,000 transactions with their payments and voids) to a file. Goal: hledger under 10 s.
// With SMALLPAY_TIMINGS the CLI prints the export's own time (building the text, after loading the store);
// bench/cpu-time.mjs records each run's CPU time, which a shared machine stretches far less than wall time.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateStore } from './generate-store.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'smallpay.js');
const work = join(root, 'bench', '.stores', 'ledger');
const RUNS = 3;
const SIZE = 100_000;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const store = join(work, 'store.json');
generateStore(store, SIZE);
const cpuFile = join(work, 'cpu.txt');
const env = { ...process.env, SMALLPAY_STORE: store, SMALLPAY_NOW: '2026-11-25', SMALLPAY_TIMINGS: '1', SMALLPAY_BENCH_CPU_FILE: cpuFile };
const cpuHook = join(root, 'bench', 'cpu-time.mjs');
// A first write stamps the store as validated, as every store written by smallpay is.
spawnSync(process.execPath, [bin, 'customer', 'add', '--name', 'Bench', '--email', 'bench@bench.test'], { env });
console.log('| invoices | command | wall ms (median) | CPU ms (median) | export ms | export CPU ms | transactions | file MB |');
console.log('|---:|---|---:|---:|---:|---:|---:|---:|');
for (const format of ['hledger', 'beancount']) {
  const out = join(work, `books.${format}`);
  const walls = [];
  const exports = [];
  const exportCpus = [];
  writeFileSync(cpuFile, '');
  let count = 0;
  for (let run = 0; run < RUNS; run += 1) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['--import', cpuHook, bin, 'export', format, '--out', out], { env, encoding: 'utf8' });
    walls.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (result.status !== 0) throw new Error(`smallpay export ${format} failed: ${result.stderr}`);
    const timings = /timings: export ([\d.]+) ms, (\d+) transactions, cpu ([\d.]+) ms/.exec(result.stderr);
    if (!timings) throw new Error(`no timings from smallpay export ${format}: ${result.stderr}`);
    exports.push(Number(timings[1]));
    count = Number(timings[2]);
    exportCpus.push(Number(timings[3]));
  }
  const megabytes = statSync(out).size / 1e6;
  const cpus = readFileSync(cpuFile, 'utf8').trim().split('\n').map(Number);
  console.log(`| ${SIZE.toLocaleString('en')} | \`smallpay export ${format} --out FILE\` | ${median(walls).toFixed(0)} | ${median(cpus).toFixed(0)} | ${median(exports).toFixed(0)} | ${median(exportCpus).toFixed(0)} | ${count.toLocaleString('en')} | ${megabytes.toFixed(1)} |`);
}
rmSync(work, { recursive: true, force: true });
