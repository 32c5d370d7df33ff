import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/store/errors.js';
import { serializeDocument } from '../../src/store/atomic-file.js';
import type { Store } from '../../src/store/store.js';
import { openJsonStore as openStore } from '../../src/store/json-store.js';
import { createBusiness } from '../../src/domain/business.js';

let directory: string;
let path: string;
let store: Store;

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'smallpay-store-'));
  path = join(directory, 'nested', 'deeper', 'store.json');
  store = openStore({ path, timeoutMs: 300, staleMs: 2000 });
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

const business = () => createBusiness({ name: 'Ada', email: 'ada@example.com' });

async function expectStoreError(promise: Promise<unknown>, kind: StoreError['kind'], message: RegExp) {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(StoreError);
  expect((error as StoreError).kind).toBe(kind);
  expect((error as StoreError).message).toMatch(message);
}

describe('the store', () => {
  it('reads an empty document before the first write, without creating anything', async () => {
    expect(await store.read()).toMatchObject({ schemaVersion: 4, business: null, invoices: [], outbox: [], recurring: [] });
    expect(() => statSync(path)).toThrow();
  });

  it('creates the file 0600 in folders 0700 on the first write', async () => {
    await store.update((doc) => void (doc.business = business()));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(directory, 'nested')).mode & 0o777).toBe(0o700);
    expect(statSync(join(directory, 'nested', 'deeper')).mode & 0o777).toBe(0o700);
    expect((await store.read()).business?.name).toBe('Ada');
  });

  it('keeps the previous version as .bak and leaves no temporary files', async () => {
    await store.update((doc) => void (doc.business = business()));
    const first = readFileSync(path, 'utf8');
    await store.update((doc) => void (doc.business!.name = 'Ada Lovelace'));
    expect(readFileSync(`${path}.bak`, 'utf8')).toBe(first);
    expect(readFileSync(path, 'utf8')).toContain('Ada Lovelace');
    expect(readdirSync(join(directory, 'nested', 'deeper')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('writes nothing when the change throws', async () => {
    await store.update((doc) => void (doc.business = business()));
    const before = readFileSync(path, 'utf8');
    await expect(
      store.update((doc) => {
        doc.business!.name = 'changed';
        throw new Error('rule broken');
      }),
    ).rejects.toThrow('rule broken');
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('refuses to write a document the change made invalid', async () => {
    await store.update((doc) => void (doc.business = business()));
    const before = readFileSync(path, 'utf8');
    await expect(store.update((doc) => void ((doc.business as any).terms = -1))).rejects.toThrow(/refusing to write an invalid store: business\.terms: must be >= 0/);
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('removes temporary files left by a killed writer', async () => {
    await store.update((doc) => void (doc.business = business()));
    const leftover = `${path}.12345.abc.tmp`;
    writeFileSync(leftover, '{"half": ');
    await store.update((doc) => void (doc.business!.terms = 14));
    expect(() => statSync(leftover)).toThrow();
  });

  it('writes one line per record', () => {
    const text = serializeDocument({ schemaVersion: 1, business: null, invoices: [{ a: 1 }, { b: [2] }], audit: [] });
    expect(text).toBe('{\n  "schemaVersion": 1,\n  "business": null,\n  "invoices": [\n    {"a":1},\n    {"b":[2]}\n  ],\n  "audit": []\n}\n');
  });
});

describe('a damaged store', () => {
  beforeEach(() => mkdirSync(join(directory, 'nested', 'deeper'), { recursive: true }));

  it('names the file, line and column of a JSON error and is never overwritten', async () => {
    writeFileSync(path, '{\n  "schemaVersion": 1,\n  "business": nul\n}\n');
    await expectStoreError(store.read(), 'corrupt', /store .*store\.json is not valid JSON: Unexpected token/);
    const error = (await store.update((doc) => void (doc.business = business())).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/not valid JSON/);
    expect(error.message).not.toContain('\n');
    expect(readFileSync(path, 'utf8')).toBe('{\n  "schemaVersion": 1,\n  "business": nul\n}\n');
  });

  it('says how to restore the backup when there is one', async () => {
    await store.update((doc) => void (doc.business = business()));
    await store.update((doc) => void (doc.business!.terms = 10));
    writeFileSync(path, '');
    const error = (await store.read().catch((e: unknown) => e)) as StoreError;
    expect(error.hint).toBe(`nothing was changed; to restore the previous version: cp '${path}.bak' '${path}'`);
  });

  it('validates a hand-edited file again even though a write stamped it', async () => {
    await store.update((doc) => void (doc.business = business()));
    const text = readFileSync(path, 'utf8').replace('"terms":30', '"terms":"thirty"');
    writeFileSync(path, text);
    await expectStoreError(store.read(), 'corrupt', /business\.terms: must be integer/);
  });

  it('migrates a version 1 store on the next write, keeping the file as it was', async () => {
    const v1 = { schemaVersion: 1, business: null, customers: [], invoices: [], sequences: {}, audit: [] };
    writeFileSync(path, JSON.stringify(v1));
    expect(await store.read()).toMatchObject({ schemaVersion: 4, outbox: [], recurring: [] });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(v1); // reading changes nothing
    await store.update((doc) => void (doc.business = business()));
    expect(JSON.parse(readFileSync(`${path}.v1.bak`, 'utf8'))).toEqual(v1);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ schemaVersion: 4, outbox: [], recurring: [], business: { name: 'Ada' } });
  });

  it('refuses a store written by a newer SmallPay', async () => {
    writeFileSync(path, JSON.stringify({ schemaVersion: 999 }));
    await expectStoreError(store.read(), 'too-new', /newer SmallPay \(schema version 999/);
  });
});

describe('the lock', () => {
  it('times out with a clear error while another process holds the lock', async () => {
    await store.update((doc) => void (doc.business = business()));
    const release = await lockfile.lock(path, { realpath: false, lockfilePath: `${path}.lock` });
    try {
      const started = Date.now();
      await expectStoreError(store.update(() => undefined), 'locked', /is locked by another smallpay process/);
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    } finally {
      await release();
    }
    await store.update((doc) => void (doc.business!.terms = 7));
    expect((await store.read()).business?.terms).toBe(7);
  });

  it('serialises concurrent updates in one process', async () => {
    await store.update((doc) => void (doc.business = business()));
    const slow = openStore({ path, timeoutMs: 10_000, staleMs: 2000 });
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        slow.update((doc) => {
          doc.sequences[`s${i}`] = i;
        }),
      ),
    );
    expect(Object.keys((await store.read()).sequences)).toHaveLength(10);
  });
});
