import { existsSync, lstatSync, readFileSync, readdirSync, writeFileSync, statSync, mkdirSync, symlinkSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync, spawn } from 'node:child_process';
import lockfile from 'proper-lockfile';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, type Sandbox, baseEnv, sandbox, seedBusiness } from '../support/cli.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.cleanup());

describe('a corrupt store', () => {
  it('is named with the problem, exits 1, and is never overwritten', async () => {
    await seedBusiness(box);
    const damaged = readFileSync(box.store, 'utf8').replace('"terms":30', '"terms":"30"');
    writeFileSync(box.store, damaged);
    for (const args of [['invoice', 'list'], ['customer', 'add', '--name', 'X', '--email', 'x@x.test']]) {
      const result = await box.run(args);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(
        `smallpay: store ${box.store} is invalid: business.terms: must be integer; nothing was changed; to restore the previous version: cp '${box.store}.bak' '${box.store}'\n`,
      );
      expect(readFileSync(box.store, 'utf8')).toBe(damaged);
    }
  });

  it('says so when the file is not JSON at all', async () => {
    writeFileSync(box.store, 'this is not json');
    const result = await box.run(['customer', 'list']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^smallpay: store .*store\.json is not valid JSON: .*; nothing was changed; repair the file by hand or move it aside\n$/);
  });

  it('accepts a hand edit that keeps the store valid', async () => {
    await seedBusiness(box);
    writeFileSync(box.store, readFileSync(box.store, 'utf8').replace('"name":"Globex GmbH"', '"name":"Globex AG"'));
    const shown = JSON.parse((await box.ok(['customer', 'show', 'globex', '--json'])).stdout);
    expect(shown.name).toBe('Globex AG');
  });
});

describe('a store whose JSON is not an object', () => {
  for (const text of ['null', 'false', '0', '""', '[]']) {
    it(`holding ${text} is corrupt: exit 1, init does not write over it, verify fails, .bak kept`, async () => {
      await seedBusiness(box);
      const backup = readFileSync(`${box.store}.bak`);
      writeFileSync(box.store, text);
      const init = await box.run(['init', '--name', 'Mallory', '--email', 'm@example.com']);
      expect(init.code).toBe(1);
      expect(init.stderr).toMatch(/^smallpay: store .*store\.json is invalid: document: must be a JSON object, not .*; nothing was changed; to restore the previous version: cp '/);
      expect(readFileSync(box.store, 'utf8')).toBe(text);
      expect(readFileSync(`${box.store}.bak`).equals(backup)).toBe(true);
      const verify = await box.run(['verify']);
      expect(verify.code).toBe(1);
      expect(verify.stdout).toContain('document: must be a JSON object');
    });
  }
});

describe('a damaged store whose .bak is damaged too', () => {
  it('does not suggest restoring the .bak', async () => {
    await seedBusiness(box);
    writeFileSync(box.store, 'null');
    writeFileSync(`${box.store}.bak`, '{"schemaVersion": 3');
    const result = await box.run(['customer', 'list']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `smallpay: store ${box.store} is invalid: document: must be a JSON object, not null; nothing was changed; the backup ${box.store}.bak is damaged too: repair the store by hand or restore a copy of your own\n`,
    );
  });
});

describe('a symlinked store', () => {
  it('keeps its link: writes go to the real file, whose .bak is a regular file beside it', async () => {
    const synced = join(box.home, 'Sync');
    mkdirSync(synced);
    const real = join(synced, 'books.json');
    const link = join(box.home, 'store-link.json');
    symlinkSync(real, link);
    const env = { SMALLPAY_STORE: link };
    await box.ok(['init', '--name', 'Ada Consulting', '--email', 'ada@example.com', '--country', 'DE'], { env });
    await box.ok(['customer', 'add', '--id', 'globex', '--name', 'Globex GmbH', '--email', 'ap@globex.test'], { env });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(real, 'utf8')).customers.map((c: { id: string }) => c.id)).toEqual(['globex']);
    expect(lstatSync(`${real}.bak`).isFile()).toBe(true);
    expect(JSON.parse(readFileSync(`${real}.bak`, 'utf8')).customers).toEqual([]);
    expect(existsSync(`${link}.bak`)).toBe(false);
    expect(readdirSync(synced).sort()).toEqual(['books.json', 'books.json.bak', 'books.json.validated']);
    await box.ok(['verify'], { env });
  });
});

describe('a store path that names a FIFO or a device', () => {
  it('is refused in one line instead of hanging on the open or reading forever', async () => {
    const fifo = join(box.home, 'store.fifo');
    execFileSync('mkfifo', [fifo]);
    const nodes = [[fifo, 'a FIFO']];
    // A private copy of /dev/zero (root only), as the output-file tests do with /dev/null.
    const zero = join(box.home, 'zero-device');
    try {
      execFileSync('mknod', [zero, 'c', '1', '5'], { stdio: 'ignore' });
      nodes.push([zero, 'a character device']);
    } catch {
      expect(process.getuid?.()).not.toBe(0);
    }
    for (const [path, what] of nodes) {
      for (const args of [['invoice', 'list'], ['customer', 'add', '--name', 'X', '--email', 'x@x.test'], ['verify']]) {
        const result = await box.run(args, { env: { SMALLPAY_STORE: path as string } });
        expect([result.code, result.stderr.split('\n').filter((line) => line.startsWith('smallpay:'))]).toEqual([1, [`smallpay: store ${path} is ${what}, not a regular file`]]);
      }
    }
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });
});

describe('a locked store', () => {
  it('waits for the lock, then fails with exit 1 naming the lock, writing nothing', async () => {
    await seedBusiness(box);
    const before = readFileSync(box.store);
    const release = await lockfile.lock(box.store, { realpath: false, lockfilePath: `${box.store}.lock` });
    try {
      const started = Date.now();
      const result = await box.run(['customer', 'add', '--name', 'X', '--email', 'x@x.test'], { env: { SMALLPAY_LOCK_TIMEOUT: '0.5' } });
      expect(Date.now() - started).toBeGreaterThanOrEqual(500);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `smallpay: store ${box.store} is locked by another smallpay process (waited 0.5 s); try again later; if no smallpay is running, remove ${box.store}.lock\n`,
      );
      // Reading needs no lock.
      expect((await box.run(['customer', 'list', '--json'])).code).toBe(0);
    } finally {
      await release();
    }
    expect(readFileSync(box.store).equals(before)).toBe(true);
  });

  it('takes over a lock left by a dead process once it is stale', async () => {
    await seedBusiness(box);
    mkdirSync(`${box.store}.lock`);
    const old = new Date(Date.now() - 60_000);
    const { utimesSync } = await import('node:fs');
    utimesSync(`${box.store}.lock`, old, old);
    await box.ok(['customer', 'add', '--name', 'X', '--email', 'x@x.test']);
  });

  it('takes over a lock whose modification time is in the future', async () => {
    await seedBusiness(box);
    mkdirSync(`${box.store}.lock`);
    const future = new Date(Date.now() + 24 * 3_600_000);
    utimesSync(`${box.store}.lock`, future, future);
    await box.ok(['customer', 'add', '--name', 'X', '--email', 'x@x.test'], { env: { SMALLPAY_LOCK_TIMEOUT: '1' } });
  });
});

describe('a full disk', () => {
  it('leaves the store as it was when the file size limit cuts the write', async () => {
    await seedBusiness(box);
    // Grow the store beyond what the limit lets a process write, then try once more under the limit.
    for (let i = 0; i < 12; i += 1) await box.ok(['invoice', 'new', '--customer', 'globex', '--item', 'x'.repeat(900), '--price', '1']);
    const before = readFileSync(box.store);
    const limitKiB = Math.floor(before.length / 1024) - 1;
    const child = spawn('/bin/sh', ['-c', `ulimit -f ${limitKiB}; exec "$0" "$@"`, process.execPath, BIN, 'invoice', 'new', '--customer', 'globex', '--item', 'y', '--price', '1'], {
      env: { ...baseEnv(box.home), SMALLPAY_STORE: box.store },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', (exit) => resolve(exit)));
    expect(code).toBe(1);
    expect(stderr).toBe(`smallpay: cannot write store ${box.store}: file too large (EFBIG); the store was left as it was\n`);
    expect(readFileSync(box.store).equals(before)).toBe(true);
    expect(JSON.parse((await box.ok(['invoice', 'list', '--json'])).stdout)).toHaveLength(12);
    expect(statSync(box.store).size).toBe(before.length);
  });
});
