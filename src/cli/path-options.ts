/**
 * Options that take a path (`--store <path>`, `--input <file>`, `--out <path>`, `--template <name|path>`)
 * refuse a value that starts with '-': commander takes the word after such an option as its value, so
 * `smallpay --store --help demo` would otherwise write a store named "--help" (issue 9 item 14). A file
 * whose name starts with '-' is written ./-name; a lone '-' means stdin or stdout where an option says so.
 * Applied once to the whole command tree, so a path option added later is covered by its placeholder.
 */
import type { Command, Option } from 'commander';
import { UsageError } from './errors.js';

const PATH_PLACEHOLDER = /<(?:[^>|]*\|)?(?:path|file|folder|dir)>/;
/** The options where '-' alone is stdin or stdout. */
const STDIO_OPTIONS = new Set(['--input', '--out']);

/** Whether an option's flags or an argument (`<file>`, `--store <path>`) names a path; shell completion asks too. */
export function takesPath(flags: string): boolean {
  return PATH_PLACEHOLDER.test(flags);
}

export function checkPathValue(option: Pick<Option, 'long' | 'flags'>, value: string): string {
  const name = option.long ?? option.flags;
  if (value === '-' && STDIO_OPTIONS.has(name)) return value;
  if (value.startsWith('-')) {
    throw new UsageError(`${name}: '${value}' looks like an option, not a path`, `write ./${value} for a file of that name`);
  }
  return value;
}

export function guardPathOptions(command: Command): void {
  for (const option of command.options) {
    if (!takesPath(option.flags)) continue;
    const previous = option.parseArg;
    option.argParser(<T>(value: string, earlier: T): T => {
      const checked = checkPathValue(option, value);
      return previous ? previous(checked, earlier) : (checked as T);
    });
  }
  for (const child of command.commands) guardPathOptions(child);
}
