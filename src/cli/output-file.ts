/** Writes a file the way the store is written: a temporary file in the same folder, then a rename. */
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { StoreError } from '../store/errors.js';
import { describeFsError } from '../store/fs-errors.js';

export async function writeFileAtomically(path: string, bytes: Uint8Array, mode = 0o600): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    await writeFile(temporary, bytes, { mode });
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw new StoreError('io', `cannot write ${path}: ${describeFsError(error)}`);
  }
}
