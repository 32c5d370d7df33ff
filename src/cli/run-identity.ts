/** Who this run is, for outbox claims: a process on a host, with the real clock. */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { RunIdentity } from '../domain/outbox.js';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function currentRun(): RunIdentity {
  return { pid: process.pid, host: hostname(), token: randomUUID(), now: Date.now(), isAlive };
}
