/**
 * A progress bar for batches, on stderr and only on a terminal (cli-progress, loaded only then); elsewhere
 * a no-op, so cron jobs and pipes get clean logs.
 */
import type { Io } from './io.js';

export interface Progress {
  tick(label?: string): void;
  stop(): void;
}

const silent: Progress = { tick: () => undefined, stop: () => undefined };

export async function startProgress(io: Io, total: number, what: string): Promise<Progress> {
  if (!io.stderrIsTTY || total < 2) return silent;
  const { SingleBar } = await import('cli-progress');
  const bar = new SingleBar({
    stream: process.stderr,
    format: `${what} [{bar}] {value}/{total} {label}`,
    barCompleteChar: '█',
    barIncompleteChar: '░',
    hideCursor: true,
    clearOnComplete: true,
    noTTYOutput: false,
  });
  bar.start(total, 0, { label: '' });
  return {
    tick: (label = '') => bar.increment(1, { label }),
    stop: () => bar.stop(),
  };
}
