// PDF benchmarks: `smallpay invoice pdf <n>` in a fresh process (median), PDFs per second in a batch of
// 1,000 one-page invoices and of 100 invoices of 100 lines (each one process, wall time including start-up
// and the store), and the naive pdfkit floor measured in the same run. Prints a Markdown table.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateStore } from './generate-store.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'smallpay.js');
const work = join(root, 'bench', '.stores', 'pdf');
const env = { ...process.env, SMALLPAY_NOW: '2026-11-25', NO_COLOR: '1' };
const IBAN = 'DE89370400440532013000';

function timed(args, store) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [bin, ...args], { env: { ...env, SMALLPAY_STORE: store }, stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== 0) throw new Error(`smallpay ${args.join(' ')} failed: ${result.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const onePage = join(work, 'one-page.json');
const long = join(work, 'hundred-lines.json');
generateStore(onePage, 1000, { iban: IBAN });
generateStore(long, 100, { iban: IBAN, lines: 100 });

const fresh = median(Array.from({ length: 5 }, () => timed(['invoice', 'pdf', 'INV-2024-0001', '--out', join(work, 'one.pdf')], onePage)));
const batchMs = timed(['invoice', 'pdf', '--all', '--out', join(work, 'batch-1')], onePage);
const longMs = timed(['invoice', 'pdf', '--all', '--out', join(work, 'batch-100')], long);
const pages = readdirSync(join(work, 'batch-1')).length;
const naive = spawnSync(process.execPath, [join(root, 'bench', 'pdfkit-naive.cjs'), '200'], { encoding: 'utf8' }).stdout.trim();

console.log('| PDF benchmark | figure |');
console.log('|---|---:|');
console.log(`| \`smallpay invoice pdf <n>\`, fresh process, one page (median of 5) | ${fresh.toFixed(0)} ms |`);
console.log(`| batch of ${pages} one-page invoices, one process | ${((1000 * pages) / batchMs).toFixed(1)} PDFs/s (${(batchMs / 1000).toFixed(1)} s) |`);
console.log(`| batch of 100 invoices of 100 lines, one process | ${((1000 * 100) / longMs).toFixed(1)} PDFs/s (${(longMs / 1000).toFixed(1)} s) |`);
console.log(`| naive pdfkit, same font, new document per invoice | ${naive} PDFs/s |`);
rmSync(work, { recursive: true, force: true });
