/**
 * Serialises writers across processes with proper-lockfile: a `<store>.lock` directory (mkdir is atomic on
 * every file system, NFS included) whose mtime the holder refreshes. A lock whose holder died (kill -9,
 * power cut) goes stale after `staleMs` and is taken over; a live holder makes others wait up to `timeoutMs`.
 * A lock whose mtime lies more than `staleMs` in the future (a clock set back, a copied or restored folder)
 * is stale too: no live holder can have refreshed it then, and proper-lockfile alone would wait for it forever.
 */
import { rmdirSync, statSync } from 'node:fs';
import lockfile from 'proper-lockfile';
import { StoreError } from './errors.js';
import { describeFsError, errorCode } from '../platform/fs-errors.js';

export interface LockOptions {
  timeoutMs: number;
  staleMs: number;
}

/** Throws unless the lock is still ours; called right before the write that must not race. */
export type AssertLockHeld = () => void;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function withLock<T>(path: string, options: LockOptions, work: (assertHeld: AssertLockHeld) => Promise<T>): Promise<T> {
  const lockPath = `${path}.lock`;
  const deadline = Date.now() + options.timeoutMs;
  let compromised: Error | undefined;
  let release: () => Promise<void>;
  for (;;) {
    try {
      release = await lockfile.lock(path, {
        realpath: false,
        lockfilePath: lockPath,
        stale: options.staleMs,
        retries: 0,
        onCompromised: (error) => {
          compromised = error;
        },
      });
      break;
    } catch (error) {
      if (errorCode(error) !== 'ELOCKED') throw new StoreError('io', `cannot lock store ${path}: ${describeFsError(error)}`);
      if (removeLockFromTheFuture(lockPath, options.staleMs)) continue;
      if (Date.now() >= deadline) {
        throw new StoreError(
          'locked',
          `store ${path} is locked by another smallpay process (waited ${Number((options.timeoutMs / 1000).toFixed(1))} s)`,
          `try again later; if no smallpay is running, remove ${lockPath}`,
        );
      }
      // Jitter keeps a crowd of cron jobs from retrying in lockstep.
      await sleep(15 + Math.random() * 60);
    }
  }
  // The lock directory we created: proper-lockfile notices a theft only at its next refresh, so the check
  // before a write also looks at the directory itself (gone, or replaced by another process's).
  const ours = identityOf(lockPath);
  const assertHeld: AssertLockHeld = () => {
    const reason = compromised?.message ?? (identityOf(lockPath) !== ours ? 'the lock directory was removed or replaced' : undefined);
    if (reason !== undefined) {
      throw new StoreError('locked', `lost the lock on store ${path} (${reason}); nothing was written`, 'try again');
    }
  };
  try {
    return await work(assertHeld);
  } finally {
    await release().catch(() => undefined);
  }
}

function identityOf(lockPath: string): string | undefined {
  try {
    const info = statSync(lockPath, { bigint: true });
    return `${info.dev}:${info.ino}:${info.birthtimeNs}`;
  } catch {
    return undefined;
  }
}

/** True when the lock's mtime is beyond any refresh of a live holder and it was removed (see the header). */
function removeLockFromTheFuture(lockPath: string, staleMs: number): boolean {
  try {
    if (statSync(lockPath).mtimeMs <= Date.now() + staleMs) return false;
    rmdirSync(lockPath);
    return true;
  } catch (error) {
    // Gone meanwhile: try again at once. Anything else (not empty, no permission): wait as for a live lock.
    return errorCode(error) === 'ENOENT';
  }
}
