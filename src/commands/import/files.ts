/** What both import verbs share: reading a named file into a table, and the result they print. */
import type { Deps } from '../../cli/deps.js';
import { ProblemListError, UsageError } from '../../cli/errors.js';
import { type ImportProblem, type ImportTable, problemText, tableOf } from '../../domain/import-table.js';
import { FileRefusedError, MiB, readRegularFile } from '../../platform/bounded-read.js';
import { toJsonText } from '../../render/json.js';

/** Far more than 100,000 invoice lines. */
export const MAX_IMPORT_BYTES = 200 * MiB;

export function readTable(path: string): ImportTable {
  let text: string;
  try {
    text = readRegularFile(path, MAX_IMPORT_BYTES, 'import file').toString('utf8');
  } catch (error) {
    if (error instanceof FileRefusedError) throw new UsageError(error.message);
    throw new UsageError(`${path}: cannot read it: ${(error as Error).message.replace(/^[A-Z]+: /, '')}`);
  }
  const { table, problems } = tableOf(text, path);
  if (table) return table;
  throw badRows([{ source: path, unit: /\.json$/i.test(path) ? 'record' : 'line', problems }]);
}

/** Every bad row of every file, one line each (main.ts prints them and exits 2). */
export function badRows(files: readonly { source: string; unit: ImportTable['unit']; problems: readonly ImportProblem[] }[]): ProblemListError {
  const lines = files.flatMap((file) => [...file.problems].sort((a, b) => a.line - b.line).map((problem) => problemText(file, problem, file.source)));
  return new ProblemListError(`${lines.length} problem${lines.length === 1 ? '' : 's'} in the import; nothing was imported:`, lines);
}

/** The summary on stderr, or the documented JSON on stdout (docs/imports.md). */
export function importOutput(deps: Deps, json: boolean, dryRun: boolean, summary: Record<string, unknown>, message: string): string {
  if (json) return toJsonText({ dryRun, ...summary }, deps.io.stdoutIsTTY);
  deps.io.err.write(`${dryRun ? 'Dry run, nothing written: would import' : 'Imported'} ${message}\n`);
  return '';
}
