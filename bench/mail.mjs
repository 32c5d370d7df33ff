// Mail benchmarks against a local SMTP sink (bench/smtp-sink.mjs): the transport alone, 1,000 messages with a
// PDF attached, pooled (as smallpay sends) and one connection per message; then `smallpay send --unsent` on a
// store of 1,000 invoices, end to end (PDFs rendered, messages sent, the outbox recorded).
import { fork, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nodemailer from 'nodemailer';
import { generateStore } from './generate-store.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = join(root, 'bench', '.stores', 'mail');
const COUNT = 1000;

const sink = fork(join(root, 'bench', 'smtp-sink.mjs'), { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
const port = await new Promise((resolve) => sink.stdout.once('data', (data) => resolve(Number(String(data).trim()))));
const received = () => new Promise((resolve) => { sink.once('message', resolve); sink.send('count'); });

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const store = join(work, 'store.json');
generateStore(store, COUNT, { iban: 'DE89370400440532013000' });
// One PDF, as a realistic attachment for the transport-only runs.
spawnSync(process.execPath, [join(root, 'bin', 'smallpay.js'), 'invoice', 'pdf', 'INV-2024-0001', '--out', join(work, 'one.pdf')], { env: { ...process.env, SMALLPAY_STORE: store, SMALLPAY_NOW: '2026-11-25' } });
const pdf = readFileSync(join(work, 'one.pdf'));

async function transport(pooled, count) {
  const mailer = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ...(pooled ? { pool: true, maxConnections: 3, maxMessages: 500 } : {}) });
  const started = process.hrtime.bigint();
  const inFlight = new Set();
  for (let i = 0; i < count; i += 1) {
    if (inFlight.size >= (pooled ? 3 : 1)) await Promise.race(inFlight);
    const sending = mailer
      .sendMail({ from: 'bench@example.com', to: 'customer@example.com', subject: `Invoice ${i}`, text: 'Attached.', attachments: [{ filename: 'invoice.pdf', content: pdf }] })
      .finally(() => inFlight.delete(sending));
    inFlight.add(sending);
  }
  await Promise.all(inFlight);
  mailer.close();
  return count / (Number(process.hrtime.bigint() - started) / 1e9);
}

const before = await received();
const pooled = await transport(true, COUNT);
// One connection per message is slow (the sink, like real servers, greets after a pause): 200 are enough.
const single = await transport(false, 200);
const started = process.hrtime.bigint();
const run = spawnSync(process.execPath, [join(root, 'bin', 'smallpay.js'), 'send', '--unsent', '--json'], {
  env: { ...process.env, SMALLPAY_STORE: store, SMALLPAY_NOW: '2026-11-25', SMALLPAY_SMTP_URL: `smtp://127.0.0.1:${port}` },
  maxBuffer: 1 << 28,
});
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const summary = JSON.parse(run.stdout);
const total = (await received()) - before;

console.log('| Mail benchmark | figure |');
console.log('|---|---:|');
console.log(`| transport only, pooled (3 connections), ${COUNT} messages with a PDF | ${pooled.toFixed(0)} messages/s |`);
console.log(`| transport only, one connection per message, 200 messages | ${single.toFixed(0)} messages/s |`);
console.log(`| \`smallpay send --unsent\`, the ${summary.sent.length} unpaid of ${COUNT} invoices, end to end (PDF, send, outbox) | ${(summary.sent.length / seconds).toFixed(1)} invoices/s (${seconds.toFixed(1)} s) |`);
console.log(`| messages the sink received (both transports and the send) | ${total} |`);
sink.kill();
rmSync(work, { recursive: true, force: true });
