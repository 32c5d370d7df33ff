/** The command tree as plain data (built by src/cli/command-tree.ts), for the man page and shell completion. */
export interface OptionSpec {
  /** As written in the registration: "--customer <customer>", "-V, --version". */
  flags: string;
  long?: string;
  short?: string;
  description: string;
  /** The value's placeholder without brackets ("customer", "file|-"), when the option takes one. */
  placeholder?: string;
  /** The value must follow (`<x>`) or may follow (`[x]`). */
  value: 'none' | 'required' | 'optional';
  choices?: readonly string[];
}

export interface ArgumentSpec {
  name: string;
  description: string;
  required: boolean;
  variadic: boolean;
  choices?: readonly string[];
}

export interface CommandSpec {
  name: string;
  /** The words that reach it: ["invoice", "pay"]. */
  path: string[];
  aliases: string[];
  summary: string;
  description: string;
  usage: string;
  hidden: boolean;
  /** A group's verb that runs when none is named (report → dashboard). */
  isDefault: boolean;
  arguments: ArgumentSpec[];
  options: OptionSpec[];
  commands: CommandSpec[];
  /** The text --help prints after the options (examples, notes), when asked for. */
  helpAfter?: string;
}
