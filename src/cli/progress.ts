/**
 * A progress bar for batches, on the injected stderr and only on a terminal (cli-progress, loaded only then);
 * elsewhere a no-op, so cron jobs and pipes get clean logs.
 */
import type { Progress } from '../domain/progress.js';
import type { Io } from './io.js';

export type { Progress } from '../domain/progress.js';

const silent: Progress = { tick: () => undefined, stop: () => undefined };

export async function startProgress(io: Io, total: number, what: string): Promise<Progress> {
  if (!io.stderrIsTTY || total < 2) return silent;
  const { SingleBar } = await import('cli-progress');
  // cli-progress draws through write() and the escape sequences readline writes with it; io.err is the
  // stream a test can capture, process.stderr only in a real run.
  const stream = { write: (chunk: string) => io.err.write(chunk), isTTY: true, columns: io.columns };
  const bar = new SingleBar({
    stream: stream as unknown as NodeJS.WritableStream,
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
