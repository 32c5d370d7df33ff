/**
 * The terminal as commands see it. Commands never touch process.stdout or console: they get an Io, so
 * tests can hand them buffers and a pretend TTY.
 */
import { FileRefusedError, MiB } from '../platform/bounded-read.js';

export interface Output {
  write(chunk: string | Uint8Array): unknown;
}

export interface Io {
  out: Output;
  err: Output;
  /**
   * All of standard input as text ('' when it is closed). Past `maxBytes` it stops reading and throws
   * FileRefusedError, so `yes | smallpay … --input -` ends at the limit instead of filling memory.
   */
  readStdin(maxBytes: number): Promise<string>;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  /** Progress bars go to stderr, and only to a terminal. */
  stderrIsTTY: boolean;
  /** Colour on stdout: a TTY, and neither NO_COLOR nor --no-color. */
  color: boolean;
  /** Terminal width for tables and charts: COLUMNS, else the TTY's, else 80. */
  columns: number;
  /** Tables fit `columns` on a terminal or when COLUMNS is set; piped without it they keep every column. */
  fitTables?: boolean;
}

/** Prompts only when a person is there to answer: both stdin and stdout are terminals. */
export function canPrompt(io: Io): boolean {
  return io.stdinIsTTY && io.stdoutIsTTY;
}

export type Env = Readonly<Record<string, string | undefined>>;

export function wantsColor(env: Env, stdoutIsTTY: boolean, colorFlag: boolean): boolean {
  if (!colorFlag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stdoutIsTTY && env.TERM !== 'dumb';
}

export function terminalColumns(env: Env, ttyColumns: number | undefined): number {
  const fromEnv = Number(env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return ttyColumns && ttyColumns > 0 ? ttyColumns : 80;
}

export function createSystemIo(env: Env, colorFlag: boolean): Io {
  const stdoutIsTTY = process.stdout.isTTY === true;
  return {
    out: process.stdout,
    err: process.stderr,
    async readStdin(maxBytes) {
      if (process.stdin.destroyed) return '';
      const chunks: Buffer[] = [];
      let length = 0;
      for await (const chunk of process.stdin) {
        length += (chunk as Buffer).length;
        if (length > maxBytes) {
          process.stdin.destroy();
          throw new FileRefusedError(`standard input is larger than the ${maxBytes % MiB === 0 ? `${maxBytes / MiB} MB` : `${maxBytes} bytes`} limit`);
        }
        chunks.push(chunk as Buffer);
      }
      return Buffer.concat(chunks).toString('utf8');
    },
    stdinIsTTY: process.stdin.isTTY === true,
    stdoutIsTTY,
    stderrIsTTY: process.stderr.isTTY === true,
    color: wantsColor(env, stdoutIsTTY, colorFlag),
    columns: terminalColumns(env, process.stdout.columns),
    fitTables: stdoutIsTTY || Number(env.COLUMNS) > 0,
  };
}
