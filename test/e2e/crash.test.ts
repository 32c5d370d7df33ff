import { existsSync, lstatSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CRASH_STEPS } from '../../src/platform/atomic-write.js';
import { validateDocument } from '../../src/store/schema.js';
import { type Sandbox, collect, sandbox, seedBusiness, spawnCli, testEngine } from '../support/cli.js';

let box: Sandbox;
beforeAll(async () => {
  box = sandbox();
  await seedBusiness(box);
});
afterAll(() => box.cleanup());

const ROUNDS = 20;
const PROCESSES = 6;
// A lock left by a killed writer is taken over after 2 s instead of the default 10 s.
const env = { SMALLPAY_STORE: '', SMALLPAY_LOCK_STALE: '2', SMALLPAY_LOCK_TIMEOUT: '30' };

const invoiceNumbers = (file: string) => validateDocument(JSON.parse(readFileSync(file, 'utf8'))).invoices.map((invoice) => invoice.number);

// The proof: the writer kills itself (SMALLPAY_CRASH_AT) at each step of the write, so every step is hit.
// The steps are the JSON file's own (and a PDF's); a database's transaction is its own proof, tested below.
const jsonOnly = it.runIf(testEngine === 'json');
describe('a writer killed at each step of the atomic write', () => {
  // Up to the rename the old file is the store; from the rename on, the new one.
  const expectations: Record<(typeof CRASH_STEPS)[number], 'old' | 'new'> = {
    'after-temp-write': 'old',
    'after-fsync': 'old',
    'after-backup': 'old',
    'after-rename': 'new',
    'after-dir-fsync': 'new',
  };
  for (const step of CRASH_STEPS) {
    jsonOnly(`leaves the ${expectations[step]} store, valid, when killed ${step}`, async () => {
      const crashBox = sandbox();
      try {
        await seedBusiness(crashBox);
        await crashBox.ok(['invoice', 'new', '--customer', 'globex', '--item', 'first', '--price', '10']);
        const before = readFileSync(crashBox.store, 'utf8');
        const killed = await crashBox.run(['invoice', 'new', '--customer', 'globex', '--item', 'second', '--price', '20'], { env: { SMALLPAY_CRASH_AT: step } });
        expect(killed.signal).toBe('SIGKILL');
        expect(killed.stdout).toBe('');
        if (expectations[step] === 'old') expect(readFileSync(crashBox.store, 'utf8')).toBe(before);
        expect(invoiceNumbers(crashBox.store)).toEqual(expectations[step] === 'old' ? ['INV-2026-0001'] : ['INV-2026-0001', 'INV-2026-0002']);
        // The .bak is always a sound store too, and no step leaves a link or a half file in its place.
        expect(lstatSync(crashBox.store).isFile()).toBe(true);
        // The .bak rotates right before the rename: from then on it is the old store.
        const backupRotated = step !== 'after-temp-write' && step !== 'after-fsync';
        expect(invoiceNumbers(`${crashBox.store}.bak`)).toEqual(backupRotated ? ['INV-2026-0001'] : []);
        await crashBox.ok(['verify'], { env: { SMALLPAY_LOCK_STALE: '2' } });
        // The next writer takes over the dead one's lock, removes its temporary file, and numbers on without a gap.
        const next = await crashBox.ok(['invoice', 'new', '--customer', 'globex', '--item', 'third', '--price', '30'], { env: { SMALLPAY_LOCK_STALE: '2' } });
        expect(next.stdout.trim()).toBe(expectations[step] === 'old' ? 'INV-2026-0002' : 'INV-2026-0003');
        expect(readdirSync(dirname(crashBox.store)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
        expect(existsSync(`${crashBox.store}.lock`)).toBe(false);
      } finally {
        crashBox.cleanup();
      }
    });
  }

  it('leaves a PDF whole or absent, never half written', async () => {
    const crashBox = sandbox();
    try {
      await seedBusiness(crashBox);
      await crashBox.ok(['invoice', 'new', '--customer', 'globex', '--item', 'first', '--price', '10']);
      const out = join(crashBox.home, 'INV-1.pdf');
      const killed = await crashBox.run(['invoice', 'pdf', 'INV-2026-0001', '--out', out], { env: { SMALLPAY_CRASH_AT: 'after-fsync' } });
      expect(killed.signal).toBe('SIGKILL');
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(crashBox.home).filter((name) => name.startsWith('.INV-1.pdf.'))).toHaveLength(1); // the dead writer's temp file
      const renamed = await crashBox.run(['invoice', 'pdf', 'INV-2026-0001', '--out', out], { env: { SMALLPAY_CRASH_AT: 'after-rename' } });
      expect(renamed.signal).toBe('SIGKILL');
      const text = readFileSync(out, 'latin1');
      expect(text.startsWith('%PDF-')).toBe(true);
      expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    } finally {
      crashBox.cleanup();
    }
  });

  jsonOnly('refuses a misspelt step rather than never crashing', async () => {
    const crashBox = sandbox();
    try {
      const result = await crashBox.run(['init', '--name', 'Ada', '--email', 'ada@example.com'], { env: { SMALLPAY_CRASH_AT: 'after-rename-typo' } });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^smallpay: SMALLPAY_CRASH_AT: 'after-rename-typo' is not <step>\[@<n>\]/);
    } finally {
      crashBox.cleanup();
    }
  });
});

// Random kill moments on top: start-up, waiting for the lock, reading, writing.
describe('processes killed with SIGKILL while writing', () => {
  it('never corrupt the store nor lose an invoice whose command reported success', async () => {
    env.SMALLPAY_STORE = box.store;
    const succeeded: { number: string; description: string }[] = [];
    let killed = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const runs = Array.from({ length: PROCESSES }, (_, index) => {
        const description = `round ${round} process ${index}`;
        const child = spawnCli(['invoice', 'new', '--customer', 'globex', '--item', description, '--price', '10'], { home: box.home, env });
        const result = collect(child);
        // Kill about half of them, at a random moment of their life (start-up, waiting, reading, writing).
        if (Math.random() < 0.5) {
          setTimeout(() => child.kill('SIGKILL'), 40 + Math.random() * 400);
        }
        return result.then((outcome) => ({ outcome, description }));
      });
      for (const { outcome, description } of await Promise.all(runs)) {
        if (outcome.signal === 'SIGKILL') killed += 1;
        else if (outcome.code === 0) succeeded.push({ number: outcome.stdout.trim(), description });
        else throw new Error(`a run failed without being killed: ${outcome.stderr}`);
      }
      // After every round the store reads and validates, by itself (a JSON file: parsed and validated as text) and through the CLI.
      const doc = testEngine === 'json' ? validateDocument(JSON.parse(readFileSync(box.store, 'utf8'))) : await box.read();
      const numbers = doc.invoices.map((invoice) => invoice.number);
      expect(new Set(numbers).size).toBe(numbers.length);
      for (const { number, description } of succeeded) {
        expect(doc.invoices.find((invoice) => invoice.number === number)?.items[0]?.description).toBe(description);
      }
    }
    expect(killed).toBeGreaterThan(0);
    expect(succeeded.length).toBeGreaterThan(0);
    const listed = JSON.parse((await box.ok(['invoice', 'list', '--json'], { env })).stdout) as { number: string }[];
    // Numbers are given inside the atomic write, so even killed writers leave no gap.
    expect(listed.map((invoice) => invoice.number)).toEqual(listed.map((_, i) => `INV-2026-${String(i + 1).padStart(4, '0')}`));
    await box.ok(['verify'], { env });
    // 120 processes, and on SQLite each killed writer's WAL is recovered by the next: more than the default minute on two busy cores.
  }, 240_000);
});
