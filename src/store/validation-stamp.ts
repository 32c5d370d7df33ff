/**
 * Full validation of a 100,000-invoice store costs about as much as parsing it. After every write, which
 * validates the whole document, the store records the written file's identity (device, inode, size,
 * mtime and ctime in nanoseconds) in `<store>.validated`. A later read whose file has that exact identity
 * is the file this program wrote and checked, so it skips the second check. Any other change to the
 * file — an editor, cp, a restore from backup — changes its ctime, and it is validated in full again.
 */
import { readFile, stat } from 'node:fs/promises';
import type { BigIntStats } from 'node:fs';
import { replaceFile } from '../platform/atomic-write.js';
import { CURRENT_SCHEMA_VERSION } from './schema.js';

export function fileIdentity(stats: BigIntStats): string {
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`;
}

function stampText(identity: string): string {
  // The program's version is part of the stamp: a newer release may check more than this one did.
  return `smallpay ${SMALLPAY_VERSION} schema ${CURRENT_SCHEMA_VERSION} file ${identity}\n`;
}

export async function isStamped(path: string, identity: string): Promise<boolean> {
  const text = await readFile(`${path}.validated`, 'utf8').catch(() => '');
  return text === stampText(identity);
}

/** Best effort: without a stamp the next read validates in full, which is slower but as safe. */
export async function stampValidated(path: string): Promise<void> {
  try {
    const identity = fileIdentity(await stat(path, { bigint: true }));
    await replaceFile(`${path}.validated`, stampText(identity), { mode: 0o600 });
  } catch {
    // ignored: see above
  }
}
