/**
 * The commander program as plain data: commands, their arguments and options. Shell completion and the man
 * page both read this, so neither can drift from what the program really accepts. Reading commander's
 * private fields (`_hidden`, `_defaultCommandName`) is confined to this file.
 */
import type { Argument, Command, Option } from 'commander';

import type { ArgumentSpec, CommandSpec, OptionSpec } from '../render/command-spec.js';

export type { ArgumentSpec, CommandSpec, OptionSpec } from '../render/command-spec.js';

interface CommanderInternals {
  _hidden?: boolean;
  _defaultCommandName?: string | null;
}

function describeOption(option: Option): OptionSpec {
  const placeholder = /[<[]([^>\]]+)[>\]]/.exec(option.flags)?.[1];
  return {
    flags: option.flags,
    long: option.long,
    short: option.short,
    description: option.description,
    placeholder,
    value: option.required ? 'required' : option.optional ? 'optional' : 'none',
    choices: option.argChoices,
  };
}

function describeArgument(argument: Argument): ArgumentSpec {
  return { name: argument.name(), description: argument.description, required: argument.required, variadic: argument.variadic, choices: argument.argChoices };
}

/** The text commander prints after a command's help (addHelpText 'after'), collected without printing it. */
function helpAfter(command: Command): string {
  let text = '';
  (command as unknown as NodeJS.EventEmitter).emit('afterHelp', { error: false, command, write: (chunk: string) => (text += chunk) });
  return text;
}

export function describeCommand(command: Command, options: { helpText?: boolean } = {}, parentPath: string[] = [], isDefault = false): CommandSpec {
  const path = command.parent ? [...parentPath, command.name()] : [];
  const internals = command as unknown as CommanderInternals;
  return {
    name: command.name(),
    path,
    aliases: command.aliases(),
    summary: command.summary() || command.description().split('\n')[0] || '',
    description: command.description(),
    usage: command.usage(),
    hidden: internals._hidden === true,
    isDefault,
    arguments: command.registeredArguments.map(describeArgument),
    options: command.options.filter((option) => !option.hidden).map(describeOption),
    commands: command.commands.map((child) => describeCommand(child, options, path, internals._defaultCommandName === child.name())),
    ...(options.helpText ? { helpAfter: helpAfter(command) } : {}),
  };
}
