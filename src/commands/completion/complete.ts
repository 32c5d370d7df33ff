/**
 * `smallpay __complete <shell> <words…>`: what the completion scripts call at each <TAB>. The words are the
 * command line up to the cursor (the program's name first, the word being completed last, maybe empty).
 * It prints the candidates one per line ("value\tdescription" for zsh and fish), or the single line
 * `:files` when the word is a path for the shell to complete. It reads the command tree of this very
 * program, so a new command or flag completes without touching the scripts.
 *
 * What a word completes to comes from the tree alone:
 *   a group's verbs; the flags of the command and of its parents (after '-', or when nothing else fits);
 *   an option's or argument's value by its placeholder: <customer> → customer ids, <invoice> → invoice
 *   numbers (drafts by id), <draft> → drafts, <schedule> → schedule ids, a <key> argument → settings, a path or
 *   file → the shell's file completion; declared choices (`completion <shell>`) as they are.
 * Ids come from the store the command line would use (--store on the line, else SMALLPAY_STORE on the line
 * or in the environment, else the default), read by store/peek.ts: no lock, no write, nothing on stderr.
 * A SQLite or PostgreSQL store offers no ids: a <TAB> opens no database connection.
 */
import { homedir } from 'node:os';
import type { Command } from 'commander';
import { type ArgumentSpec, type CommandSpec, type OptionSpec, describeCommand } from '../../cli/command-tree.js';
import type { Env } from '../../cli/io.js';
import { takesPath } from '../../cli/path-options.js';
import { resolveStoreLocator } from '../../cli/settings.js';
import { SETTING_SUMMARIES } from '../../domain/settings-catalog.js';
import { type StoreGlance, glanceAtStore } from '../../store/peek.js';

export type Shell = 'bash' | 'zsh' | 'fish';

export interface Candidate {
  value: string;
  description?: string;
}

export type Completion = { files: true } | { files?: false; candidates: Candidate[] };

const HELP_OPTION: OptionSpec = { flags: '-h, --help', long: '--help', short: '-h', description: 'show help for a command', value: 'none' };

/** `VAR=value` words before the program's name (`SMALLPAY_STORE=b.json smallpay …`) set its environment. */
function splitAssignments(words: readonly string[], outer: Env): { env: Record<string, string>; rest: string[] } {
  const env: Record<string, string> = {};
  let index = 0;
  for (; index < words.length - 1; index++) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(words[index]!);
    if (!match) break;
    env[match[1]!] = unquote(match[2]!, outer);
  }
  return { env, rest: words.slice(index) };
}

/** The shell hands over words as typed: quotes and a leading ~ are still there. */
function unquote(word: string, env: Env): string {
  const bare = word.replace(/^'(.*)'$/s, '$1').replace(/^"(.*)"$/s, '$1');
  return bare === '~' || bare.startsWith('~/') ? (env.HOME || homedir()) + bare.slice(1) : bare;
}

interface Word {
  text: string;
  /** bash splits `--customer=glo` into `--customer`, `=`, `glo`: the value then completes without its flag. */
  joinedFromSplit?: boolean;
}

/**
 * Undoes bash's splits at '=' and ':' (COMP_WORDBREAKS), so every shell's words look alike: `--customer=glo`
 * arrives as `--customer`, `=`, `glo`, and `--store sqlite:books.db` as `--store`, `sqlite`, `:`, `books.db`.
 */
function joinSplitWords(words: readonly string[]): Word[] {
  const joined: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const previous = joined[joined.length - 1];
    const splitAt = (word === '=' && previous && /^--[^=]+$/.test(previous.text)) || (word === ':' && previous && !previous.text.startsWith('-'));
    if (splitAt && previous) {
      const rest = i + 1 < words.length ? words[++i]! : '';
      previous.text = `${previous.text}${word}${rest}`;
      previous.joinedFromSplit = true;
      continue;
    }
    joined.push({ text: word });
  }
  return joined;
}

function optionsInScope(chain: readonly CommandSpec[]): OptionSpec[] {
  const seen = new Set<string>();
  const options: OptionSpec[] = [];
  for (const command of [...chain].reverse()) {
    for (const option of command.options) {
      const key = option.long ?? option.short ?? option.flags;
      // --version belongs to the program's own line, not to every verb's.
      if (seen.has(key) || (option.long === '--version' && command !== chain[chain.length - 1])) continue;
      seen.add(key);
      options.push(option);
    }
  }
  return [...options, HELP_OPTION];
}

function findOption(options: readonly OptionSpec[], flag: string): OptionSpec | undefined {
  return options.find((option) => option.long === flag || option.short === flag);
}

function visibleVerbs(command: CommandSpec): CommandSpec[] {
  return command.commands.filter((child) => !child.hidden);
}

function findVerb(command: CommandSpec, word: string): CommandSpec | undefined {
  return command.commands.find((child) => child.name === word || child.aliases.includes(word));
}

interface Parsed {
  chain: CommandSpec[];
  positionals: string[];
  usedFlags: Set<string>;
  storeFlag?: string;
  /** An option given without its value: the next word is that value. */
  pending?: OptionSpec;
  afterDoubleDash: boolean;
  helpTopic: boolean;
  /** A word that is no command of a group: nothing to offer after it. */
  unknownCommand: boolean;
}

/** Walks the words before the one being completed, as commander would parse them. */
function parseWords(root: CommandSpec, words: readonly Word[], env: Env): Parsed {
  const parsed: Parsed = { chain: [root], positionals: [], usedFlags: new Set(), afterDoubleDash: false, helpTopic: false, unknownCommand: false };
  const current = () => parsed.chain[parsed.chain.length - 1]!;
  for (const { text: word } of words) {
    const pending = parsed.pending;
    parsed.pending = undefined;
    if (pending && (pending.value === 'required' || !word.startsWith('-'))) {
      if (pending.long === '--store') parsed.storeFlag = unquote(word, env);
      continue;
    }
    if (parsed.afterDoubleDash || word === '-' || !word.startsWith('-')) {
      const verb = parsed.afterDoubleDash || parsed.positionals.length > 0 || parsed.helpTopic ? undefined : findVerb(current(), word);
      if (verb) {
        parsed.chain.push(verb);
        continue;
      }
      if (!parsed.afterDoubleDash && parsed.chain.length === 1 && word === 'help' && !parsed.helpTopic) {
        parsed.helpTopic = true;
        continue;
      }
      // A group with a default verb runs it with this word as its argument (report → dashboard).
      const fallback = parsed.positionals.length === 0 ? current().commands.find((child) => child.isDefault) : undefined;
      if (fallback) parsed.chain.push(fallback);
      else if (parsed.positionals.length === 0 && current().commands.length > 0) parsed.unknownCommand = true;
      parsed.positionals.push(word);
      continue;
    }
    if (word === '--') {
      parsed.afterDoubleDash = true;
      continue;
    }
    const equals = word.indexOf('=');
    const flag = equals > 0 ? word.slice(0, equals) : word;
    const option = findOption(optionsInScope(parsed.chain), flag);
    if (!option) continue;
    parsed.usedFlags.add(option.long ?? flag);
    if (equals > 0) {
      if (option.long === '--store') parsed.storeFlag = unquote(word.slice(equals + 1), env);
    } else if (option.value !== 'none') {
      parsed.pending = option;
    }
  }
  return parsed;
}

type ValueKind = 'customer' | 'invoice' | 'draft' | 'schedule' | 'setting' | 'files' | undefined;

/** Only an argument named <key> (config's) is a setting: the <key> of `report customers --sort <key>` is a sort order. */
function kindOf(placeholder: string, slot: 'argument' | 'option' = 'option'): ValueKind {
  const name = placeholder.toLowerCase();
  // Also <file.csv|file.json> and [payments-file] (import's arguments), which the --store guard need not know.
  if (takesPath(`<${name.replace(/\.\.\.$/, '')}>`) || /(?:^|[|-])(?:file|path)(?:[.|]|$)/.test(name)) return 'files';
  if (/^customers?(\.\.\.)?$/.test(name)) return 'customer';
  if (/^invoices?(\.\.\.)?$/.test(name)) return 'invoice';
  if (/^drafts?(\.\.\.)?$/.test(name)) return 'draft';
  if (/^schedules?(\.\.\.)?$/.test(name)) return 'schedule';
  if (name === 'key' && slot === 'argument') return 'setting';
  return undefined;
}

/** The JSON file the command line would use; none for a database (sqlite:…, postgres://…) or a bad locator. */
function storeFile(parsed: Parsed, env: Env): string | undefined {
  try {
    const locator = resolveStoreLocator(parsed.storeFlag, env);
    return locator.engine === 'json' ? locator.path : undefined;
  } catch {
    return undefined;
  }
}

function valueCandidates(kind: ValueKind, choices: readonly string[] | undefined, glance: () => StoreGlance): Completion {
  if (choices) return { candidates: choices.map((value) => ({ value })) };
  switch (kind) {
    case 'files':
      return { files: true };
    case 'customer':
      return { candidates: glance().customers.map((c) => ({ value: c.id, description: c.name })) };
    case 'invoice':
      return {
        candidates: glance().invoices.map((i) => ({ value: i.number ?? i.id, description: [i.customer, i.status].filter(Boolean).join(', ') })),
      };
    case 'draft':
      return { candidates: glance().invoices.filter((i) => i.number === null).map((i) => ({ value: i.id, description: [i.customer, 'draft'].filter(Boolean).join(', ') })) };
    case 'schedule':
      return { candidates: glance().schedules.map((s) => ({ value: s.id, description: s.customer })) };
    case 'setting':
      return { candidates: Object.entries(SETTING_SUMMARIES).map(([value, description]) => ({ value, description })) };
    default:
      return { candidates: [] };
  }
}

function flagCandidates(parsed: Parsed): Candidate[] {
  return optionsInScope(parsed.chain)
    .filter((option) => option.long && !(option.value === 'none' && parsed.usedFlags.has(option.long)))
    .map((option) => ({ value: option.long!, description: option.description }));
}

function verbCandidates(command: CommandSpec, withHelp: boolean): Candidate[] {
  const verbs = visibleVerbs(command).map((verb) => ({ value: verb.name, description: verb.summary }));
  return withHelp ? [...verbs, { value: 'help', description: 'show help for a command' }] : verbs;
}

function argumentAt(command: CommandSpec, index: number): ArgumentSpec | undefined {
  const args = command.arguments;
  const last = args[args.length - 1];
  return index < args.length ? args[index] : last?.variadic ? last : undefined;
}

/** What the last word completes to; words as the shell gave them, the program's name first. */
export function complete(root: CommandSpec, rawWords: readonly string[], environment: Env): Completion & { prefix: string; current: string } {
  const { env: assigned, rest } = splitAssignments(rawWords.length === 0 ? [''] : rawWords, environment);
  const env: Env = { ...environment, ...assigned };
  const words = joinSplitWords(rest.length > 1 ? rest.slice(1) : ['']);
  const last = words[words.length - 1]!;
  const parsed = parseWords(root, words.slice(0, -1), env);
  let cache: StoreGlance | undefined;
  const glance = () => {
    if (cache) return cache;
    const file = storeFile(parsed, env);
    return (cache = file === undefined ? { customers: [], invoices: [], schedules: [] } : glanceAtStore(file));
  };
  const command = parsed.chain[parsed.chain.length - 1]!;
  const result = (completion: Completion, current = last.text, prefix = '') => ({ ...completion, current, prefix });
  const pending = parsed.pending;
  if (parsed.unknownCommand) return result({ candidates: [] });

  if (pending && (pending.value === 'required' || !last.text.startsWith('-'))) {
    return result(valueCandidates(kindOf(pending.placeholder ?? ''), pending.choices, glance));
  }
  if (!parsed.afterDoubleDash && last.text.startsWith('-') && last.text !== '-') {
    const equals = last.text.indexOf('=');
    if (equals < 0) return result({ candidates: flagCandidates(parsed) });
    const option = findOption(optionsInScope(parsed.chain), last.text.slice(0, equals));
    if (!option || option.value === 'none') return result({ candidates: [] });
    // bash replaces only what follows '=' (it split the word there); zsh and fish replace the whole word.
    const prefix = last.joinedFromSplit ? '' : last.text.slice(0, equals + 1);
    return result(valueCandidates(kindOf(option.placeholder ?? ''), option.choices, glance), last.text.slice(equals + 1), prefix);
  }
  if (parsed.helpTopic) return result({ candidates: parsed.positionals.length === 0 ? verbCandidates(root, false) : [] });
  if (!parsed.afterDoubleDash && command.commands.length > 0 && parsed.positionals.length === 0) {
    return result({ candidates: verbCandidates(command, command === root) });
  }
  const slot = argumentAt(command, parsed.positionals.length);
  if (!slot) return result({ candidates: last.text === '' ? flagCandidates(parsed) : [] });
  return result(valueCandidates(kindOf(slot.name, 'argument'), slot.choices, glance));
}

/** The lines the scripts read: matching candidates, described for zsh and fish; or `:files`. */
export function completionLines(shell: Shell, completion: ReturnType<typeof complete>): string[] {
  if (completion.files) return [':files'];
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const { value, description } of completion.candidates) {
    if (!value.startsWith(completion.current) || seen.has(value) || /[\n\t]/.test(value)) continue;
    seen.add(value);
    const word = completion.prefix + value;
    const about = (description ?? '').replace(/\s+/g, ' ').trim();
    lines.push(shell === 'bash' || about === '' ? word : `${word}\t${about}`);
  }
  return lines;
}

/** `__complete <shell> <words…>` → the text to print. */
export function completeCommandLine(program: Command, args: readonly string[], env: Env): string {
  const [shell, ...words] = args;
  if (shell !== 'bash' && shell !== 'zsh' && shell !== 'fish') return '';
  const lines = completionLines(shell, complete(describeCommand(program), words, env));
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
