/**
 * A lowdb adapter that never leaves a half-written store: the new content goes to a temporary file in the
 * same folder, is flushed to disk (fsync), and replaces the store by rename(2), which is atomic. The
 * version it replaces is kept as `<store>.bak`. A crash, a kill or a full disk at any moment leaves either
 * the old file or the new one, never a mix.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { copyFile, link, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import { StoreError } from './errors.js';
import { describeFsError, errorCode } from './fs-errors.js';
import { fileIdentity } from './validation-stamp.js';

export class JsonParseError extends Error {
  override readonly name = 'JsonParseError';
}

/** The line and column of a JSON.parse error, which is what a person editing the file needs; one line. */
function locate(text: string, message: string): string {
  const position = /position (\d+)/.exec(message);
  if (!position) return message.replace(/\r?\n/g, '\\n');
  const offset = Number(position[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `${message.replace(/ in JSON at position \d+.*$/s, '')} at line ${line}, column ${column}`;
}

/**
 * One JSON value per top-level key, and one line per element of the top-level arrays: small diffs when a
 * single invoice changes, readable by hand, and half the size of fully indented JSON.
 */
export function serializeDocument(doc: object): string {
  const entries = Object.entries(doc).map(([key, value]) => {
    const body = Array.isArray(value)
      ? value.length === 0
        ? '[]'
        : `[\n${value.map((element) => `    ${JSON.stringify(element)}`).join(',\n')}\n  ]`
      : JSON.stringify(value);
    return `  ${JSON.stringify(key)}: ${body}`;
  });
  return `{\n${entries.join(',\n')}\n}\n`;
}

async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, constants.O_RDONLY);
  try {
    await handle.sync();
  } catch {
    // Some file systems cannot fsync a directory; the rename itself is still atomic.
  } finally {
    await handle.close();
  }
}

export class AtomicJsonFile implements Adapter<unknown> {
  /** Identity (see validation-stamp.ts) of the file the last read() parsed, taken from the same descriptor. */
  lastReadIdentity: string | undefined;

  constructor(readonly path: string) {}

  /**
   * The parsed JSON, or null when the file does not exist yet. Read synchronously: a CLI has nothing else
   * to do meanwhile, and it saves the round trips through the thread pool.
   */
  async read(): Promise<unknown> {
    let text: string;
    try {
      const descriptor = openSync(this.path, 'r');
      try {
        this.lastReadIdentity = fileIdentity(fstatSync(descriptor, { bigint: true }));
        text = readFileSync(descriptor, 'utf8');
      } finally {
        closeSync(descriptor);
      }
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null;
      throw new StoreError('io', `cannot read store ${this.path}: ${describeFsError(error)}`);
    }
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new JsonParseError(`not valid JSON: ${locate(text, (error as Error).message)}`);
    }
  }

  async write(data: unknown): Promise<void> {
    const directory = dirname(this.path);
    await this.removeLeftovers(directory);
    const temporary = `${this.path}.${process.pid}.${Date.now().toString(36)}.tmp`;
    try {
      const mode = await stat(this.path).then((info) => info.mode & 0o777, () => 0o600);
      const handle = await open(temporary, 'wx', mode);
      try {
        await handle.writeFile(serializeDocument(data as object), 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await this.keepBackup();
      await rename(temporary, this.path);
      await syncDirectory(directory);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      if (error instanceof StoreError) throw error;
      throw new StoreError('io', `cannot write store ${this.path}: ${describeFsError(error)}`, 'the store was left as it was');
    }
  }

  /** `<store>.bak` becomes the current file (a hard link: no copy, and atomic by rename). */
  private async keepBackup(): Promise<void> {
    const backup = `${this.path}.bak`;
    const staging = `${backup}.${process.pid}.tmp`;
    try {
      await link(this.path, staging);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT') return; // first write: nothing to keep
      if (code !== 'EPERM' && code !== 'EXDEV' && code !== 'ENOTSUP' && code !== 'EEXIST') throw error;
      await unlink(staging).catch(() => undefined);
      await copyFile(this.path, staging);
    }
    await rename(staging, backup);
  }

  /** Temporary files of writers that were killed. Called under the store lock, so none is in use. */
  private async removeLeftovers(directory: string): Promise<void> {
    const prefix = `${basename(this.path)}.`;
    const names = await readdir(directory).catch(() => [] as string[]);
    await Promise.all(
      names
        .filter((name) => name.startsWith(prefix) && name.endsWith('.tmp'))
        .map((name) => unlink(join(directory, name)).catch(() => undefined)),
    );
  }
}
