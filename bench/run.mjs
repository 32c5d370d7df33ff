// Benchmarks of the built CLI: stores of 1,000, 10,000 and 100,000 invoices; the median wall time of each
// command over several runs, next to `node -e 0` measured in the same run, and each command's peak memory.
// Usage: npm run bench [-- --sizes 1000,10000 --runs 7]
// Prints a Markdown table; docs/performance.md records the figures and what they mean.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateStore } from './generate-store.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'smallpay.js');
const work = join(root, 'bench', '.stores');
const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
};
const sizes = argument('sizes', '1000,10000,100000').split(',').map(Number);
const runs = Number(argument('runs', '5'));
const env = { ...process.env, SMALLPAY_NOW: '2026-11-25', NO_COLOR: '1' };

function time(command, args, extraEnv = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { env: { ...env, ...extraEnv }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  return ms;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function peakMemoryMiB(args, store) {
  const file = join(work, 'rss.txt');
  rmSync(file, { force: true });
  spawnSync(process.execPath, ['--import', join(root, 'bench', 'max-rss.mjs'), bin, ...args], {
    env: { ...env, SMALLPAY_STORE: store, SMALLPAY_BENCH_RSS_FILE: file },
    stdio: 'ignore',
  });
  return Number(readFileSync(file, 'utf8').trim()) / 1024;
}

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
console.log(`SmallPay benchmark: node ${process.version}, ${runs} runs each, median wall time; peak memory (max RSS) from one more run.\n`);
console.log('| invoices | command | median ms | vs `node -e 0` | peak MiB |');
console.log('|---:|---|---:|---:|---:|');

for (const size of sizes) {
  const pristine = join(work, `store-${size}.json`);
  generateStore(pristine, size);
  const store = join(work, `work-${size}.json`);
  copyFileSync(pristine, store);
  // One write so the store carries its validation stamp, as any store written by smallpay does.
  time(process.execPath, [bin, 'customer', 'add', '--name', 'Bench Customer', '--email', 'bench@customer.test'], { SMALLPAY_STORE: store });
  const middle = `INV-2025-${String(Math.max(1, Math.floor(size / 6))).padStart(4, '0')}`;
  // Issue 10: 20 lines, each with a line allowance, two VAT rates, a document discount and a charge.
  const twentyLines = join(work, 'twenty-lines.json');
  writeFileSync(
    twentyLines,
    JSON.stringify({
      customer: 'customer-1',
      items: Array.from({ length: 20 }, (_, index) => ({
        description: `Workshop day ${index + 1}`,
        quantity: String(1 + (index % 3)),
        unit: 'day',
        unitPrice: '95.00',
        taxRate: index % 4 === 0 ? '7' : '19',
        allowances: [{ percent: '10', reason: 'Loyalty' }],
      })),
      allowances: [{ percent: '5', reason: 'Early order' }],
      charges: [{ amount: '12.50', reason: 'Shipping', taxCategory: 'S', taxRate: '19' }],
    }),
  );
  const commands = [
    ['--version'],
    ['invoice', 'list', '--json'],
    ['invoice', 'show', middle],
    ['invoice', 'new', '--customer', 'customer-1', '--item', 'Benchmark', '--price', '10'],
    ['invoice', 'new', '--input', twentyLines],
  ];
  const baseline = [];
  const timings = commands.map(() => []);
  for (let run = 0; run < runs; run += 1) {
    // Interleaved, so that a slow moment of the machine hits every command alike.
    baseline.push(time(process.execPath, ['-e', '0']));
    commands.forEach((args, index) => timings[index].push(time(process.execPath, [bin, ...args], { SMALLPAY_STORE: store })));
  }
  const base = median(baseline);
  console.log(`| ${size.toLocaleString('en')} | \`node -e 0\` | ${base.toFixed(0)} | 1.00× | |`);
  commands.forEach((args, index) => {
    const ms = median(timings[index]);
    const label =
      args[0] === 'invoice' && args[1] === 'show'
        ? 'invoice show <n>'
        : args.includes('--input')
          ? 'invoice new --input (20 lines with allowances)'
          : args.slice(0, args[0] === '--version' ? 1 : 2).join(' ') + (args.includes('--json') ? ' --json' : '');
    console.log(`| ${size.toLocaleString('en')} | \`smallpay ${label}\` | ${ms.toFixed(0)} | ${(ms / base).toFixed(2)}× | ${peakMemoryMiB(args, store).toFixed(0)} |`);
  });
}
rmSync(work, { recursive: true, force: true });
