import { execFileSync } from 'node:child_process';
import { createReadStream, lstatSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AtomicFileSystem, replaceFile, writeFileAtomic } from '../../src/platform/atomic-write.js';
import { StoreError } from '../../src/store/errors.js';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'smallpay-atomic-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** The real file system, with every call the writer makes written down in order (sync included). */
function recordingFileSystem(log: string[]): AtomicFileSystem {
  const name = (path: unknown) => (String(path) === folder ? '<folder>' : String(path).replace(`${folder}/`, ''));
  return {
    ...nodeFs,
    open: (async (path: string, flags?: string | number, mode?: number) => {
      log.push(`open ${name(path)} ${String(flags)}`);
      const handle = await nodeFs.open(path, flags, mode);
      const sync = handle.sync.bind(handle);
      handle.sync = async () => {
        log.push(`sync ${name(path)}`);
        await sync();
      };
      return handle;
    }) as AtomicFileSystem['open'],
    rename: async (from, to) => {
      log.push(`rename ${name(from)} -> ${name(to)}`);
      await nodeFs.rename(from, to);
    },
  };
}

describe('writeFileAtomic on a regular file', () => {
  it('fsyncs the temporary file before the rename and the folder after it', async () => {
    const target = join(folder, 'INV-1.pdf');
    writeFileSync(target, 'old');
    const log: string[] = [];
    await replaceFile(target, 'new', { fileSystem: recordingFileSystem(log), beforeRename: () => void log.push('before rename') });
    const temporary = /^open (\.INV-1\.pdf\.[0-9a-f]{16}\.tmp) wx$/.exec(log[0] ?? '')?.[1];
    expect(temporary, log.join('\n')).toBeDefined();
    expect(log).toEqual([
      `open ${temporary} wx`,
      `sync ${temporary}`,
      'before rename',
      `rename ${temporary} -> INV-1.pdf`,
      `open <folder> ${nodeFs.constants.O_RDONLY}`,
      'sync <folder>',
    ]);
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(folder)).toEqual(['INV-1.pdf']);
  });

  it('takes a new random temporary name for every write', async () => {
    const target = join(folder, 'out.eml');
    const log: string[] = [];
    const fileSystem = recordingFileSystem(log);
    await replaceFile(target, 'one', { fileSystem });
    await replaceFile(target, 'two', { fileSystem });
    const names = log.filter((line) => line.endsWith(' wx'));
    expect(names).toHaveLength(2);
    expect(names[0]).not.toBe(names[1]);
  });

  it('never follows a symlink planted at the temporary name of earlier versions', async () => {
    const target = join(folder, 'INV-1.pdf');
    const victim = join(folder, 'victim');
    writeFileSync(victim, 'precious');
    // The name cli/output-file.ts used: <path>.<pid>.tmp, predictable by anyone who can list processes.
    symlinkSync(victim, `${target}.${process.pid}.tmp`);
    await writeFileAtomic(target, 'pdf bytes');
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(readFileSync(target, 'utf8')).toBe('pdf bytes');
    expect(lstatSync(target).isFile()).toBe(true);
  });

  it('keeps the mode of an existing file and gives a new one the mode asked for', async () => {
    const existing = join(folder, 'existing.csv');
    writeFileSync(existing, 'a', { mode: 0o640 });
    execFileSync('chmod', ['640', existing]);
    await writeFileAtomic(existing, 'b');
    expect(statSync(existing).mode & 0o777).toBe(0o640);
    await writeFileAtomic(join(folder, 'new.csv'), 'c');
    expect(statSync(join(folder, 'new.csv')).mode & 0o777).toBe(0o600);
  });

  it('creates the missing folders of a new file', async () => {
    await writeFileAtomic(join(folder, 'pdf', 'deeper', 'INV-1.pdf'), 'x');
    expect(readFileSync(join(folder, 'pdf', 'deeper', 'INV-1.pdf'), 'utf8')).toBe('x');
  });

  it('leaves the target and no temporary file when the write is cancelled before the rename', async () => {
    const target = join(folder, 'store.json');
    writeFileSync(target, 'old');
    await expect(replaceFile(target, 'new', { beforeRename: () => { throw new Error('lock lost'); } })).rejects.toThrow('lock lost');
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(folder)).toEqual(['store.json']);
  });
});

describe('writeFileAtomic on a symlink', () => {
  it('refuses, naming the link and saying what to do, and leaves link and target as they were', async () => {
    const target = join(folder, 'real.pdf');
    const link = join(folder, 'link.pdf');
    writeFileSync(target, 'real');
    symlinkSync(target, link);
    const error = (await writeFileAtomic(link, 'new').catch((e: unknown) => e)) as StoreError;
    expect(error).toBeInstanceOf(StoreError);
    expect(error.message).toBe(`refusing to replace ${link}: it is a symbolic link`);
    expect(error.hint).toBe('write to the file it points to, or remove the link first; nothing was written');
    expect(readlinkSync(link)).toBe(target);
    expect(readFileSync(target, 'utf8')).toBe('real');
    expect(readdirSync(folder).sort()).toEqual(['link.pdf', 'real.pdf']);
  });

  it('refuses a dangling link too', async () => {
    const link = join(folder, 'dangling.pdf');
    symlinkSync(join(folder, 'nowhere'), link);
    await expect(writeFileAtomic(link, 'new')).rejects.toThrow(/it is a symbolic link/);
    expect(() => statSync(join(folder, 'nowhere'))).toThrow();
  });

  it('replaces the link itself, never its target, when asked to', async () => {
    const target = join(folder, 'real.pdf');
    const link = join(folder, 'link.pdf');
    writeFileSync(target, 'real');
    symlinkSync(target, link);
    await writeFileAtomic(link, 'new', { replaceSymlink: true });
    expect(lstatSync(link).isFile()).toBe(true);
    expect(readFileSync(link, 'utf8')).toBe('new');
    expect(readFileSync(target, 'utf8')).toBe('real');
  });
});

describe('writeFileAtomic on a FIFO or a character device', () => {
  let privateDeviceChecked = false;

  it('writes into a FIFO and leaves it a FIFO', async () => {
    const fifo = join(folder, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const received = new Promise<string>((resolve, reject) => {
      let text = '';
      createReadStream(fifo, 'utf8')
        .on('data', (chunk) => (text += String(chunk)))
        .on('end', () => resolve(text))
        .on('error', reject);
    });
    await writeFileAtomic(fifo, 'through the pipe');
    expect(await received).toBe('through the pipe');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(folder)).toEqual(['pipe']);
  });

  it('writes into a character device of its own and leaves it a device', async () => {
    // A private copy of /dev/null (root only): a regression then replaces this node, not the system's.
    const device = join(folder, 'null');
    try {
      execFileSync('mknod', [device, 'c', '1', '3'], { stdio: 'ignore' });
    } catch {
      privateDeviceChecked = process.getuid?.() !== 0; // without root, /dev/null cannot be replaced anyway
      return;
    }
    await writeFileAtomic(device, 'nothing');
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
    expect(readdirSync(folder)).toEqual(['null']);
    privateDeviceChecked = true;
  });

  it('writes into /dev/null and leaves it a device', async () => {
    expect(privateDeviceChecked, 'the private device test must pass first').toBe(true);
    await writeFileAtomic('/dev/null', 'nothing');
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('writes through a symlink to a device, like /dev/stdout, without replacing the link', async () => {
    const link = join(folder, 'to-null');
    symlinkSync('/dev/null', link);
    expect(privateDeviceChecked).toBe(true);
    await writeFileAtomic(link, 'nothing');
    expect(readlinkSync(link)).toBe('/dev/null');
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('refuses a folder with one line', async () => {
    await expect(writeFileAtomic(folder, 'x')).rejects.toThrow(`cannot write ${folder}: it is a folder`);
  });
});

describe('temporary names', () => {
  it('stay within NAME_MAX for the longest file names', async () => {
    const longest = `${'ä'.repeat(120)}.pdf`; // 244 bytes of UTF-8, a legal name
    await writeFileAtomic(join(folder, longest), 'x');
    expect(readdirSync(folder)).toEqual([longest]);
  });
});
