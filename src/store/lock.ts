/**
 * Serialises writers across processes with proper-lockfile: a `<store>.lock` directory (mkdir is atomic on
 * every file system, NFS included) whose mtime the holder refreshes. A lock whose holder died (kill -9,
 * power cut) goes stale after `staleMs` and is taken over; a live holder makes others wait up to `timeoutMs`.
 */
import lockfile from 'proper-lockfile';
import { StoreError } from './errors.js';
import { describeFsError, errorCode } from './fs-errors.js';

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
  const assertHeld: AssertLockHeld = () => {
    if (compromised) {
      throw new StoreError('locked', `lost the lock on store ${path} (${compromised.message}); nothing was written`, 'try again');
    }
  };
  try {
    return await work(assertHeld);
  } finally {
    await release().catch(() => undefined);
  }
}
