/** Deps for run() tests: buffers for stdout/stderr, a fixed day, a temporary store, a scripted prompter. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Deps } from '../../src/cli/deps.js';
import type { Io } from '../../src/cli/io.js';
import type { Prompter } from '../../src/cli/prompter.js';
import { currentRun } from '../../src/cli/run-identity.js';
import { openJsonStore as openStore } from '../../src/store/json-store.js';

export interface TestDepsOptions {
  today?: string;
  tty?: boolean;
  color?: boolean;
  stdin?: string;
  /** Answers for the prompter, consumed in order; a prompt beyond them fails the test. */
  answers?: unknown[];
  env?: Record<string, string>;
}

export function createTestDeps(options: TestDepsOptions = {}) {
  const directory = mkdtempSync(join(tmpdir(), 'smallpay-deps-'));
  const path = join(directory, 'store.json');
  const out: string[] = [];
  const err: string[] = [];
  const questions: string[] = [];
  /** What a validator said of an answer; the prompt is then asked again, as inquirer does. */
  const refusals: string[] = [];
  /** The choices a search prompt offered, by what was typed. */
  const searches: { term: string; offered: unknown[] }[] = [];
  const answers = [...(options.answers ?? [])];
  const answer = (question: string) => {
    questions.push(question);
    if (answers.length === 0) throw new Error(`unexpected prompt: ${question}`);
    return answers.shift();
  };
  const prompter: Prompter = {
    input: async (message, { default: fallback, validate } = {}) => {
      for (;;) {
        const given = answer(message) as string;
        const text = given === '' && fallback !== undefined ? fallback : given;
        const refusal = validate?.(text);
        if (refusal === undefined) return text;
        refusals.push(refusal);
      }
    },
    select: async (message) => answer(message) as never,
    // An answer { search: 'glo' } types 'glo' and takes the first choice offered; any other answer is the value.
    search: async (message, source) => {
      const given = answer(message);
      if (typeof given !== 'object' || given === null || !('search' in given)) return given as never;
      const term = String(given.search);
      const offered = source(term);
      searches.push({ term, offered: offered.map((choice) => choice.value) });
      if (offered.length === 0) throw new Error(`search '${term}' offered nothing`);
      return offered[0]?.value as never;
    },
    confirm: async (message) => answer(message) as boolean,
  };
  const io: Io = {
    out: { write: (chunk) => out.push(String(chunk)) },
    err: { write: (chunk) => err.push(String(chunk)) },
    readStdin: async () => options.stdin ?? '',
    stdinIsTTY: options.tty ?? false,
    stdoutIsTTY: options.tty ?? false,
    stderrIsTTY: options.tty ?? false,
    color: options.color ?? false,
    columns: 80,
  };
  const store = openStore({ path, timeoutMs: 2000, staleMs: 2000 });
  let next = 0;
  const deps: Deps = {
    io,
    env: options.env ?? {},
    prompter,
    today: () => options.today ?? '2026-11-25',
    now: () => new Date(`${options.today ?? '2026-11-25'}T00:00:00`),
    runIdentity: currentRun,
    startProgress: async () => ({ tick: () => undefined, stop: () => undefined }),
    storeLocator: () => ({ engine: 'json', path, label: path }),
    store: async () => store,
    storeFlag: undefined,
    openStoreAt: async (at) => openStore({ path: at.engine === 'postgres' ? at.url : at.path, timeoutMs: 2000, staleMs: 2000 }),
    newId: (prefix) => `${prefix}_test${String(++next).padStart(4, '0')}`,
  };
  return {
    deps,
    store,
    path,
    stdout: () => out.join(''),
    stderr: () => err.join(''),
    questions,
    refusals,
    searches,
    cleanup: () => rmSync(directory, { recursive: true, force: true }),
  };
}

/** The text a command's output would put on stdout, chunks joined. */
export function outputText(output: unknown): string {
  if (output === undefined) return '';
  if (typeof output === 'string') return output;
  if (output instanceof Uint8Array) return Buffer.from(output).toString('utf8');
  return [...(output as Iterable<string>)].join('');
}
