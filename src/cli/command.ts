/**
 * Wiring between commander and a verb module. A verb module exports
 *   toOptions(input): Options   — checks flags and arguments; throws before anything is read or written;
 *   run(options, deps): output  — does the work with nothing but its arguments.
 * The module is imported only when its command runs, and its output is written to stdout here, once.
 */
import type { Command } from 'commander';
import type { Deps } from './deps.js';
import { PartialFailure } from './errors.js';

/** Text or bytes for stdout; a long list may come as chunks (see jsonArrayChunks). */
export type CommandOutput = string | Uint8Array | Iterable<string> | undefined | void;

export interface RawInput {
  args: string[];
  opts: Record<string, unknown>;
  /** The verb's name, for modules that serve several verbs. */
  verb?: string;
}

export interface VerbModule<Options> {
  toOptions(input: RawInput): Options;
  run(options: Options, deps: Deps): Promise<CommandOutput>;
}

/** Builds the deps once the global options are parsed; asynchronous so deps load only when a command runs. */
export type DepsFactory = (command: Command) => Promise<Deps>;

export function lazyAction<Options>(makeDeps: DepsFactory, load: () => Promise<VerbModule<Options>>) {
  return async (...params: unknown[]): Promise<void> => {
    const command = params[params.length - 1] as Command;
    const verb = await load();
    const options = verb.toOptions({ args: command.args, opts: command.opts(), verb: command.name() });
    const deps = await makeDeps(command);
    try {
      writeOutput(deps.io.out, await verb.run(options, deps));
    } catch (error) {
      if (error instanceof PartialFailure) writeOutput(deps.io.out, error.output);
      throw error;
    }
  };
}

const CHUNK_BYTES = 1 << 20;

function writeOutput(out: Deps['io']['out'], output: CommandOutput): void {
  if (output === undefined || output === '') return;
  if (typeof output === 'string' || output instanceof Uint8Array) {
    out.write(output);
    return;
  }
  let pending = '';
  for (const chunk of output) {
    pending += chunk;
    if (pending.length >= CHUNK_BYTES) {
      out.write(pending);
      pending = '';
    }
  }
  if (pending !== '') out.write(pending);
}

/** Appends an "Examples:" section to a command's --help. */
export function withExamples(command: Command, examples: readonly string[]): Command {
  return command.addHelpText('after', `\nExamples:\n${examples.map((line) => `  $ ${line}`).join('\n')}\n`);
}
