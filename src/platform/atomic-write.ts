/**
 * The one writer of files: the store (through store/atomic-file.ts), PDFs, .eml files and exports. A regular
 * file is replaced the way SQLite's `unixOpen` and git's `lockfile.c` do it, so a crash, a kill or a full disk
 * leaves the old file or the new one, never a mix, and a name planted by someone else is never followed:
 *   1. the bytes go to `.<name>.<16 random hex>.tmp` in the target's folder, created with O_CREAT|O_EXCL
 *      (`wx`): an existing name, a symlink included, makes the open fail instead of being followed;
 *   2. fsync of the temporary file, so its bytes are on disk before any name points at them;
 *   3. the caller's `beforeRename` (the store keeps its `.bak` and checks it still holds its lock);
 *   4. rename(2) over the target, atomic;
 *   5. fsync of the folder, so the rename itself survives a power cut.
 * A character device or a FIFO (`--out /dev/stdout`, `/dev/null`, a pipe) is written directly: renaming over
 * it would replace the device with a regular file. A symlink is refused unless `replaceSymlink` is set.
 *
 * Crash hook for tests: SMALLPAY_CRASH_AT=<step>[@<n>] kills the process with SIGKILL the n-th time (default
 * the first) a write reaches that step; the steps are CRASH_STEPS. Read once, on the first write.
 */
import { randomBytes } from 'node:crypto';
import { constants, writeSync } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { StoreError } from '../store/errors.js';
import { describeFsError, errorCode } from './fs-errors.js';

export interface AtomicWriteOptions {
  /** File mode of a new file; an existing file keeps its own. Default 0o600. */
  mode?: number;
  /** Replace a symlink at `path` by a regular file instead of refusing (`--force`-style opt-in). */
  replaceSymlink?: boolean;
}

/** The file system calls the writer makes; a test passes a recording wrapper to check their order. */
export type AtomicFileSystem = Pick<typeof nodeFs, 'open' | 'rename' | 'lstat' | 'stat' | 'unlink' | 'mkdir'>;

export interface ReplaceFileOptions extends AtomicWriteOptions {
  /** Runs once the temporary file is on disk, right before the rename; throwing cancels the write. */
  beforeRename?: () => Promise<void> | void;
  fileSystem?: AtomicFileSystem;
}

export const CRASH_STEPS = ['after-temp-write', 'after-fsync', 'after-backup', 'after-rename', 'after-dir-fsync'] as const;
export type CrashStep = (typeof CRASH_STEPS)[number];

let crashPoint: { step: CrashStep; remaining: number } | null | undefined;

function armedCrashPoint(): { step: CrashStep; remaining: number } | null {
  if (crashPoint !== undefined) return crashPoint;
  const setting = process.env.SMALLPAY_CRASH_AT;
  if (setting === undefined || setting === '') return (crashPoint = null);
  const [step, count = '1'] = setting.split('@');
  // A misspelt step must not make a crash test pass by never crashing.
  if (!CRASH_STEPS.includes(step as CrashStep) || !/^[1-9]\d*$/.test(count)) {
    throw new StoreError('io', `SMALLPAY_CRASH_AT: '${setting}' is not <step>[@<n>] with a step of ${CRASH_STEPS.join(', ')}`);
  }
  return (crashPoint = { step: step as CrashStep, remaining: Number(count) });
}

function reached(step: CrashStep): void {
  const point = armedCrashPoint();
  if (point === null || point.step !== step) return;
  point.remaining -= 1;
  if (point.remaining === 0) process.kill(process.pid, 'SIGKILL');
}

/** The prefix of every temporary name for `path`; the store removes leftovers of killed writers by it. */
export function temporaryPrefix(path: string): string {
  // At most 50 characters (200 bytes of UTF-8), so that the name with its random part and suffix stays
  // within NAME_MAX (255 bytes); whole characters, never half a surrogate pair.
  return `.${[...basename(path)].slice(0, 50).join('')}.`;
}

/**
 * The process's own descriptors (`/dev/stdout`, `/dev/fd/3`): written through the descriptor itself, whatever
 * it is (a pipe, a socket, a tty, a file). Opening the path again fails for a socket (ENXIO), and for a file
 * it would start a second offset at 0 that the command's own output then overwrites.
 */
function ownDescriptor(path: string): number | undefined {
  const match = /^\/(?:dev\/(stdout|stderr|fd\/(\d+))|proc\/self\/fd\/(\d+))$/.exec(path);
  if (match === null) return undefined;
  if (match[1] === 'stdout') return 1;
  if (match[1] === 'stderr') return 2;
  return Number(match[2] ?? match[3]);
}

async function writeToDescriptor(descriptor: number, data: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < data.length) {
    try {
      offset += writeSync(descriptor, data, offset);
    } catch (error) {
      // Node makes a pipe or socket on stdout non-blocking: a full buffer means "wait for the reader".
      if (errorCode(error) !== 'EAGAIN') throw error;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}

function isStream(info: { isCharacterDevice(): boolean; isFIFO(): boolean }): boolean {
  return info.isCharacterDevice() || info.isFIFO();
}

type Target = { kind: 'missing' } | { kind: 'stream' } | { kind: 'file'; mode: number } | { kind: 'symlink' };

async function inspect(path: string, fs: AtomicFileSystem): Promise<Target> {
  let info;
  try {
    info = await fs.lstat(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  if (info.isSymbolicLink()) {
    const followed = await fs.stat(path).catch(() => undefined);
    return followed !== undefined && isStream(followed) ? { kind: 'stream' } : { kind: 'symlink' };
  }
  if (isStream(info)) return { kind: 'stream' };
  if (info.isFile()) return { kind: 'file', mode: info.mode & 0o777 };
  throw new StoreError('io', `cannot write ${path}: it is ${info.isDirectory() ? 'a folder' : 'not a regular file'}`);
}

/** A device or FIFO: opened without O_CREAT or O_TRUNC, and checked again on the descriptor that is written. */
async function writeDirectly(path: string, data: Uint8Array, fs: AtomicFileSystem): Promise<void> {
  const handle = await fs.open(path, constants.O_WRONLY | constants.O_NOCTTY);
  try {
    if (!isStream(await handle.stat())) {
      throw new StoreError('io', `cannot write ${path}: it is no longer a device or FIFO; nothing was written`);
    }
    await handle.writeFile(data);
  } finally {
    await handle.close();
  }
}

async function syncFolder(folder: string, fs: AtomicFileSystem): Promise<void> {
  const handle = await fs.open(folder, constants.O_RDONLY);
  try {
    await handle.sync();
  } catch {
    // Some file systems cannot fsync a folder; the rename itself is still atomic.
  } finally {
    await handle.close();
  }
}

/**
 * The core shared with the store's adapter: throws the file system's own errors (and StoreError for a
 * refusal), leaving the wording to the caller. The temporary file is removed on any failure.
 */
export async function replaceFile(path: string, bytes: Uint8Array | string, options: ReplaceFileOptions = {}): Promise<void> {
  const fs = options.fileSystem ?? nodeFs;
  const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  const descriptor = ownDescriptor(path);
  if (descriptor !== undefined) return writeToDescriptor(descriptor, data);
  const target = await inspect(path, fs);
  if (target.kind === 'stream') return writeDirectly(path, data, fs);
  if (target.kind === 'symlink' && options.replaceSymlink !== true) {
    throw new StoreError('io', `refusing to replace ${path}: it is a symbolic link`, 'write to the file it points to, or remove the link first; nothing was written');
  }
  const folder = dirname(path);
  if (target.kind === 'missing') await fs.mkdir(folder, { recursive: true, mode: 0o700 });
  const temporary = join(folder, `${temporaryPrefix(path)}${randomBytes(8).toString('hex')}.tmp`);
  const handle = await fs.open(temporary, 'wx', target.kind === 'file' ? target.mode : (options.mode ?? 0o600));
  let renamed = false;
  try {
    try {
      // The open's mode passes through the umask; an existing file keeps exactly the mode it had.
      if (target.kind === 'file') await handle.chmod(target.mode);
      await handle.writeFile(data);
      reached('after-temp-write');
      await handle.sync();
    } finally {
      await handle.close();
    }
    reached('after-fsync');
    await options.beforeRename?.();
    reached('after-backup');
    await fs.rename(temporary, path);
    renamed = true;
    reached('after-rename');
    await syncFolder(folder, fs);
    reached('after-dir-fsync');
  } catch (error) {
    if (!renamed) await fs.unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/** Writes `bytes` to `path` as described above; any failure is one StoreError line naming the path. */
export async function writeFileAtomic(path: string, bytes: Uint8Array | string, options: AtomicWriteOptions = {}): Promise<void> {
  try {
    await replaceFile(path, bytes, options);
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw new StoreError('io', `cannot write ${path}: ${describeFsError(error)}`);
  }
}
