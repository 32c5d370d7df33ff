/**
 * Parses argv, runs the command, and maps every error to one line on stderr and an exit code. The only
 * place that decides exit codes:
 *   0 success; 2 the request is wrong (usage, invalid value, unknown record, refused by a rule);
 *   1 any other failure (store locked, unreadable, corrupt; I/O errors; bugs); 130 cancelled at a prompt.
 */
import { CommanderError } from 'commander';
import { DomainError } from './domain/errors.js';
import { escapeControls } from './domain/fields.js';
import { StoreError } from './store/errors.js';
import { CancelledError, PartialFailure, ProblemListError, UsageError } from './cli/errors.js';
import type { Deps, GlobalOptions } from './cli/deps.js';
import { type Env, type Io, createSystemIo } from './cli/io.js';
import { buildProgram } from './cli/program.js';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
export const EXIT_CANCELLED = 130;

type CreateDeps = (io: Io, env: Env, global: GlobalOptions) => Deps | Promise<Deps>;

/** The real deps, loaded only when a command runs: --version and --help never pay for them. */
const createSystemDeps: CreateDeps = async (io, env, global) => (await import('./cli/deps.js')).createSystemDeps(io, env, global);

/** One line, and any control character a message quotes from input or a file written \u001B (issue 9 item 14). */
function oneLine(text: string): string {
  return escapeControls(text.replace(/\s*\n\s*/g, ' ').trim());
}

function report(io: Io, message: string, hint?: string): void {
  io.err.write(`smallpay: ${oneLine(message)}${hint ? `; ${oneLine(hint)}` : ''}\n`);
}

export function exitCodeFor(error: unknown, io: Io, debug: boolean, argv: readonly string[] = []): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT_OK;
    // `smallpay help invoice` shows the help it was asked for (exit code 0); a missing verb comes with 1.
    if (error.code === 'commander.help' && error.exitCode === 0) return EXIT_OK;
    if (error.code === 'commander.help') {
      // A group named without its verb ("smallpay invoice"): one line, as every error is.
      const words = argv.filter((word) => !word.startsWith('-'));
      report(io, `say what to do with '${words.join(' ')}'`, `smallpay ${words.join(' ')} --help lists the commands`);
      return EXIT_USAGE;
    }
    report(io, error.message.replace(/^error: /, ''));
    return EXIT_USAGE;
  }
  if (error instanceof ProblemListError) {
    report(io, error.message);
    for (const problem of error.problems) report(io, problem);
    return EXIT_USAGE;
  }
  if (error instanceof DomainError || error instanceof UsageError) {
    report(io, error.message, error.hint);
    return EXIT_USAGE;
  }
  if (error instanceof StoreError || error instanceof PartialFailure) {
    report(io, error.message, error instanceof StoreError ? error.hint : undefined);
    return EXIT_FAILURE;
  }
  if (error instanceof CancelledError) {
    report(io, 'cancelled; nothing was changed');
    return EXIT_CANCELLED;
  }
  const message = error instanceof Error ? error.message : String(error);
  report(io, `unexpected error: ${message}`, `this is a bug in smallpay ${SMALLPAY_VERSION}${debug ? '' : '; run again with --debug for details'}`);
  if (debug && error instanceof Error && error.stack) io.err.write(`${error.stack}\n`);
  return EXIT_FAILURE;
}

/** Runs one command line and returns its exit code; never throws. */
export async function runCli(argv: readonly string[], io: Io, env: Env, createDeps: CreateDeps = createSystemDeps): Promise<number> {
  // The completion scripts' hidden entry: never a message, never a failure (commands/completion/complete.ts).
  if (argv[0] === '__complete') return runCompletion(argv.slice(1), io, env);
  try {
    const program = buildProgram(io, async (command) => {
      const global = command.optsWithGlobals() as { store?: string; color?: boolean };
      return createDeps({ ...io, color: io.color && global.color !== false }, env, { store: global.store });
    });
    // Bare `smallpay` is a request for the overview, not an error.
    await program.parseAsync(argv.length === 0 ? ['--help'] : [...argv], { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    return exitCodeFor(error, io, argv.includes('--debug'), argv);
  }
}

async function runCompletion(words: readonly string[], io: Io, env: Env): Promise<number> {
  try {
    const { completeCommandLine } = await import('./commands/completion/complete.js');
    const program = buildProgram(io, () => Promise.reject(new Error('__complete runs no command')));
    io.out.write(completeCommandLine(program, words, env));
  } catch {
    // Nothing to offer.
  }
  return EXIT_OK;
}

export async function main(argv: readonly string[]): Promise<void> {
  // `smallpay invoice list | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
    throw error;
  });
  // Past a file size limit (ulimit -f) the kernel kills the writer with SIGXFSZ; ignored, the write fails
  // with EFBIG instead and is reported like a full disk, the store left as it was.
  process.on('SIGXFSZ', () => undefined);
  const io = createSystemIo(process.env, !argv.includes('--no-color'));
  process.exitCode = await runCli(argv, io, process.env);
}
