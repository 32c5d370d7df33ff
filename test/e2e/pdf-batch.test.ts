import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, sandbox, seedBusiness } from '../support/cli.js';

let box: Sandbox;
const COUNT = 26;

beforeAll(async () => {
  box = sandbox();
  await seedBusiness(box);
  await box.ok(['config', 'set', 'iban', 'DE89370400440532013000']);
  for (let i = 0; i < COUNT; i += 1) {
    await box.ok(['invoice', 'new', '--customer', i % 2 ? 'globex' : 'acme', '--item', `Batch work ${i}`, '--qty', String(i + 1), '--price', '12.34', '--tax', '19']);
  }
});
afterAll(() => box.cleanup());

describe('a batch of PDFs on worker threads', () => {
  it('gives the same bytes as one thread, in the order of the list', async () => {
    const parallel = join(box.home, 'parallel');
    const serial = join(box.home, 'serial');
    const inParallel = JSON.parse((await box.ok(['invoice', 'pdf', '--all', '--out', parallel, '--json'], { env: { SMALLPAY_PDF_WORKERS: '2' } })).stdout) as { number: string; sha256: string }[];
    const inSerial = JSON.parse((await box.ok(['invoice', 'pdf', '--all', '--out', serial, '--json'], { env: { SMALLPAY_PDF_WORKERS: '1' } })).stdout) as { number: string; sha256: string }[];
    expect(inParallel.map((entry) => entry.number)).toEqual(Array.from({ length: COUNT }, (_, i) => `INV-2026-${String(i + 1).padStart(4, '0')}`));
    expect(inParallel).toEqual(inSerial.map((entry) => ({ ...entry, path: join(parallel, `${entry.number}.pdf`) })));
    for (const name of readdirSync(serial)) expect(readFileSync(join(parallel, name)).equals(readFileSync(join(serial, name)))).toBe(true);
  });

  it('stops at the first failure with the error of the worker', async () => {
    writeFileSync(join(box.home, 'fails.mjs'), 'export default (view) => { if (view.number.endsWith("13")) throw new Error("thirteen"); return { content: [view.number] }; };');
    const result = await box.run(['invoice', 'pdf', '--all', '--out', join(box.home, 'failing'), '--template', join(box.home, 'fails.mjs')], { env: { SMALLPAY_PDF_WORKERS: '2' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`smallpay: template ${join(box.home, 'fails.mjs')}: thirteen\n`);
  });
});
