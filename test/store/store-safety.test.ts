import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBusiness } from '../../src/domain/business.js';
import { StoreError } from '../../src/store/errors.js';
import { type Store, Unchanged } from '../../src/store/store.js';
import { openJsonStore as openStore } from '../../src/store/json-store.js';

let directory: string;
let path: string;
let store: Store;

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'smallpay-store-safety-'));
  path = join(directory, 'store.json');
  store = openStore({ path, timeoutMs: 300, staleMs: 2000 });
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

const business = () => createBusiness({ name: 'Ada', email: 'ada@example.com' });

async function failure(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

/** Everything about a file that a write would change. */
function fingerprint(file: string) {
  const info = statSync(file, { bigint: true });
  return { bytes: readFileSync(file, 'utf8'), ino: info.ino, mtimeNs: info.mtimeNs, ctimeNs: info.ctimeNs };
}

describe('a store whose JSON is not an object', () => {
  for (const text of ['null', 'false', '0', '""', '[]', '[{"schemaVersion":3}]']) {
    it(`is corrupt when it holds ${text}, and is never overwritten`, async () => {
      writeFileSync(path, text);
      const error = await failure(store.read());
      expect(error.kind).toBe('corrupt');
      expect(error.message).toMatch(/^store .*store\.json is invalid: document: must be a JSON object, not /);
      expect((await failure(store.update((doc) => void (doc.business = business())))).kind).toBe('corrupt');
      expect(readFileSync(path, 'utf8')).toBe(text);
      expect(readdirSync(directory)).toEqual(['store.json']);
      const checked = await store.readForCheck();
      expect(checked.doc).toBeUndefined();
      expect(checked.problems).toEqual([expect.stringMatching(/^document: must be a JSON object, not /)]);
    });
  }

  it('is told apart from a missing file, which reads as an empty store', async () => {
    expect((await store.read()).business).toBeNull();
    expect(await store.readForCheck()).toMatchObject({ problems: [] });
  });
});

describe('the validation stamp', () => {
  it('notices an edit that keeps the size, the inode and the modification time', async () => {
    await store.update((doc) => void (doc.business = business()));
    expect((await store.read()).business?.terms).toBe(30);
    const written = statSync(path, { bigint: true });
    const reference = join(directory, 'reference');
    writeFileSync(reference, '');
    execFileSync('touch', ['-r', path, reference]); // keeps the nanoseconds, which utimes() from Node cannot
    // The change time is the one field an edit cannot keep: wait until the file system clock has moved past
    // the write's (a condition, not a guess at how long that takes), so the test never depends on its tick.
    const probe = join(directory, 'probe');
    do writeFileSync(probe, 'x');
    while (statSync(probe, { bigint: true }).ctimeNs <= statSync(path, { bigint: true }).ctimeNs);
    const edited = readFileSync(path, 'utf8').replace('"terms":30', '"terms":-1');
    expect(edited.length).toBe(readFileSync(path, 'utf8').length);
    writeFileSync(path, edited); // in place: same inode
    execFileSync('touch', ['-r', reference, path]);
    const now = statSync(path, { bigint: true });
    expect([now.size, now.ino, now.mtimeNs]).toEqual([written.size, written.ino, written.mtimeNs]);
    const error = await failure(store.read());
    expect(error.kind).toBe('corrupt');
    expect(error.message).toMatch(/business\.terms: must be >= 0/);
  });
});

describe('an update that changes nothing', () => {
  it('leaves the store, its .bak and its stamp untouched', async () => {
    await store.update((doc) => void (doc.business = business()));
    await store.update((doc) => void (doc.business!.terms = 14));
    const files = ['store.json', 'store.json.bak', 'store.json.validated'].map((name) => join(directory, name));
    const before = files.map(fingerprint);
    const listing = readdirSync(directory).sort();
    expect(await store.update(() => new Unchanged('same'))).toBe('same');
    expect(files.map(fingerprint)).toEqual(before);
    expect(readdirSync(directory).sort()).toEqual(listing);
  });
});

describe('the lock', () => {
  it('is checked right before the write: a lock removed meanwhile writes nothing', async () => {
    await store.update((doc) => void (doc.business = business()));
    const before = fingerprint(path);
    const error = await failure(
      store.update((doc) => {
        // What another process does when it judges the lock stale: the lock is no longer ours.
        rmdirSync(`${path}.lock`);
        doc.business!.terms = 7;
      }),
    );
    expect(error.kind).toBe('locked');
    expect(error.message).toMatch(/lost the lock on store .*; nothing was written/);
    expect(fingerprint(path)).toEqual(before);
    expect(() => statSync(`${path}.bak`)).toThrow(); // one write so far: the .bak was not rotated either
    expect(readdirSync(directory).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('takes over a lock whose modification time is in the future', async () => {
    await store.update((doc) => void (doc.business = business()));
    mkdirSync(`${path}.lock`);
    const future = new Date(Date.now() + 3_600_000);
    utimesSync(`${path}.lock`, future, future);
    await store.update((doc) => void (doc.business!.terms = 7));
    expect((await store.read()).business?.terms).toBe(7);
    expect(() => statSync(`${path}.lock`)).toThrow();
  });

  it('still waits for a lock refreshed a moment ago', async () => {
    await store.update((doc) => void (doc.business = business()));
    mkdirSync(`${path}.lock`);
    expect((await failure(store.update(() => undefined))).kind).toBe('locked');
  });
});

describe('the restore hint', () => {
  it('suggests the .bak only when the .bak itself is sound', async () => {
    await store.update((doc) => void (doc.business = business()));
    await store.update((doc) => void (doc.business!.terms = 10));
    writeFileSync(path, 'null');
    expect((await failure(store.read())).hint).toBe(`nothing was changed; to restore the previous version: cp '${path}.bak' '${path}'`);
    writeFileSync(`${path}.bak`, readFileSync(`${path}.bak`, 'utf8').replace('"terms":30', '"terms":"30"'));
    const error = await failure(store.read());
    expect(error.hint).toBe(`nothing was changed; the backup ${path}.bak is damaged too: repair the store by hand or restore a copy of your own`);
    writeFileSync(`${path}.bak`, '{');
    expect((await failure(store.read())).hint).not.toContain('cp ');
  });
});

describe('a symlinked store', () => {
  it('stays a link: the file it points to is updated and backed up beside itself', async () => {
    const synced = join(directory, 'synced');
    mkdirSync(synced);
    const real = join(synced, 'books.json');
    const link = join(directory, 'link.json');
    symlinkSync(real, link); // the real file does not exist yet
    const linked = openStore({ path: link, timeoutMs: 300, staleMs: 2000 });
    await linked.update((doc) => void (doc.business = business()));
    await linked.update((doc) => void (doc.business!.terms = 14));
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(real, 'utf8')).business.terms).toBe(14);
    expect(lstatSync(`${real}.bak`).isFile()).toBe(true);
    expect(JSON.parse(readFileSync(`${real}.bak`, 'utf8')).business.terms).toBe(30);
    expect(readdirSync(directory).sort()).toEqual(['link.json', 'synced']);
    expect(readdirSync(synced).sort()).toEqual(['books.json', 'books.json.bak', 'books.json.validated']);
    expect((await linked.read()).business?.terms).toBe(14);
  });
});
