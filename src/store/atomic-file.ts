/**
 * The store file: read whole, and written through the one atomic writer (exclusive random temporary file in
 * the same folder, fsync, rename(2), fsync of the folder), so a crash, a kill or a full disk at any moment
 * leaves either the old file or the new one, never a mix. The version it replaces is kept as `<store>.bak`.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { copyFile, link, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { type AtomicFileSystem, replaceFile, temporaryPrefix } from '../platform/atomic-write.js';
import { describeType } from '../platform/bounded-read.js';
import { StoreError } from './errors.js';
import { describeFsError, errorCode } from '../platform/fs-errors.js';
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

/** What the file holds: "missing" is its own state, never confused with a file holding JSON `null`. */
export type StoreFileContent = { exists: false } | { exists: true; json: unknown };

export class AtomicJsonFile {
  /** Identity (see validation-stamp.ts) of the file the last read() parsed, taken from the same descriptor. */
  lastReadIdentity: string | undefined;

  /** `path` is the store's real path (store.ts resolves symlinks first), so `.bak` and temporary files sit beside the real file. */
  constructor(
    readonly path: string,
    private readonly fileSystem?: AtomicFileSystem,
  ) {}

  /**
   * The parsed JSON, whatever value it is, or `{ exists: false }`. Read synchronously: a CLI has nothing else
   * to do meanwhile, and it saves the round trips through the thread pool.
   */
  read(): StoreFileContent {
    let text: string;
    try {
      // O_NONBLOCK: a store path naming a FIFO must not hang the open; it and a device are refused below.
      const descriptor = openSync(this.path, constants.O_RDONLY | constants.O_NONBLOCK);
      try {
        const info = fstatSync(descriptor, { bigint: true });
        if (!info.isFile()) throw new StoreError('io', `store ${this.path} is ${describeType(Number(info.mode))}, not a regular file`);
        this.lastReadIdentity = fileIdentity(info);
        text = readFileSync(descriptor, 'utf8');
      } finally {
        closeSync(descriptor);
      }
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return { exists: false };
      if (error instanceof StoreError) throw error;
      throw new StoreError('io', `cannot read store ${this.path}: ${describeFsError(error)}`);
    }
    try {
      return { exists: true, json: JSON.parse(text) };
    } catch (error) {
      throw new JsonParseError(`not valid JSON: ${locate(text, (error as Error).message)}`);
    }
  }

  /**
   * Replaces the file through the one atomic writer (platform/atomic-write.ts). `beforeRename` runs once the
   * new content is on disk: the store checks there that it still holds its lock, then the `.bak` is kept.
   */
  async write(doc: object, beforeRename: () => void = () => undefined): Promise<void> {
    await this.removeLeftovers(dirname(this.path));
    try {
      await replaceFile(this.path, serializeDocument(doc), {
        mode: 0o600,
        ...(this.fileSystem !== undefined && { fileSystem: this.fileSystem }),
        beforeRename: async () => {
          beforeRename();
          await this.keepBackup();
        },
      });
    } catch (error) {
      if (error instanceof StoreError) throw error;
      throw new StoreError('io', `cannot write store ${this.path}: ${describeFsError(error)}`, 'the store was left as it was');
    }
  }

  /** `<store>.bak` becomes the current file (a hard link: no copy, and atomic by rename). */
  private async keepBackup(): Promise<void> {
    // A random, exclusive staging name like the writer's own: link(2) and COPYFILE_EXCL never follow a planted name.
    const staging = join(dirname(this.path), `${temporaryPrefix(this.path)}bak.${randomBytes(8).toString('hex')}.tmp`);
    try {
      await link(this.path, staging);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT') return; // first write: nothing to keep
      if (code !== 'EPERM' && code !== 'EXDEV' && code !== 'ENOTSUP') throw error;
      await copyFile(this.path, staging, constants.COPYFILE_EXCL);
    }
    try {
      await rename(staging, `${this.path}.bak`);
    } finally {
      // rename(2) between two links to the same file does nothing and succeeds, leaving the staging name:
      // that happens when a writer was killed after keeping its .bak, which is then the current file.
      await unlink(staging).catch(() => undefined);
    }
  }

  /** Temporary files of writers that were killed. Called under the store lock, so none is in use. */
  private async removeLeftovers(directory: string): Promise<void> {
    const current = temporaryPrefix(this.path);
    // Names of earlier versions: `<store>.<pid>.<time>.tmp` and `<store>.bak.<pid>.tmp`.
    const earlier = `${basename(this.path)}.`;
    const names = await readdir(directory).catch(() => [] as string[]);
    await Promise.all(
      names
        .filter((name) => (name.startsWith(current) || name.startsWith(earlier)) && name.endsWith('.tmp'))
        .map((name) => unlink(join(directory, name)).catch(() => undefined)),
    );
  }
}
