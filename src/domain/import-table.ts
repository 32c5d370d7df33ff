/**
 * What `smallpay import` reads, before any meaning: rows of named text cells, each with the place it came
 * from, so that every bad row can be named by line (CSV) or record (JSON) and column.
 *   CSV: a header row naming the columns, then one row per record (RFC 4180, csv-text.ts); the formula guard
 *        SmallPay's own exports carry is undone, so an export reads back byte for byte.
 *   JSON: an array of objects whose keys are the column names and values strings (numbers are taken as
 *        their decimal text; null and absent keys as empty cells).
 */
import { CsvSyntaxError, parseCsv, restoreFormulas } from './csv-text.js';
import { DomainError, invalid } from './errors.js';

export interface ImportRow {
  /** The CSV line the row starts on, or the JSON record's position (from 1). */
  line: number;
  cells: Record<string, string>;
}

export interface ImportTable {
  /** "line" for CSV, "record" for JSON: how problems name a row. */
  unit: 'line' | 'record';
  columns: string[];
  rows: ImportRow[];
}

/** A bad row: where, and why. `column` is empty for problems of a whole row or file. */
export interface ImportProblem {
  line: number;
  column: string;
  reason: string;
}

export function problemText(table: Pick<ImportTable, 'unit'>, problem: ImportProblem, source: string): string {
  const where = problem.line === 0 ? source : `${source} ${table.unit} ${problem.line}`;
  return `${where}${problem.column === '' ? '' : `, column ${problem.column}`}: ${problem.reason}`;
}

/** The file's rows, or the problems that keep it from being read at all. */
export type TableResult = { table: ImportTable; problems: [] } | { table?: undefined; problems: ImportProblem[] };

export function tableOfCsv(text: string): TableResult {
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { problems: [{ line: error.line, column: '', reason: error.message }] };
    throw error;
  }
  const [header, ...body] = records;
  if (header === undefined) return { problems: [{ line: 0, column: '', reason: 'is empty; expected a header row and rows' }] };
  const columns = header.fields.map((name) => restoreFormulas(name).trim());
  const problems: ImportProblem[] = [];
  columns.forEach((name, index) => {
    if (name === '') problems.push({ line: header.line, column: '', reason: `column ${index + 1} has no name` });
    else if (columns.indexOf(name) !== index) problems.push({ line: header.line, column: name, reason: 'appears twice in the header' });
  });
  const rows: ImportRow[] = [];
  for (const record of body) {
    if (record.fields.length !== columns.length) {
      problems.push({ line: record.line, column: '', reason: `has ${record.fields.length} fields, the header ${columns.length}` });
      continue;
    }
    rows.push({ line: record.line, cells: Object.fromEntries(columns.map((name, index) => [name, restoreFormulas(record.fields[index] ?? '')])) });
  }
  return problems.length > 0 ? { problems } : { table: { unit: 'line', columns, rows }, problems: [] };
}

export function tableOfJson(text: string): TableResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { problems: [{ line: 0, column: '', reason: `not valid JSON: ${(error as Error).message}` }] };
  }
  if (!Array.isArray(json)) return { problems: [{ line: 0, column: '', reason: 'must be a JSON array of objects, one per row' }] };
  const problems: ImportProblem[] = [];
  const columns: string[] = [];
  const rows: ImportRow[] = [];
  json.forEach((record: unknown, index) => {
    const line = index + 1;
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      problems.push({ line, column: '', reason: 'must be an object' });
      return;
    }
    const cells: Record<string, string> = {};
    for (const [key, value] of Object.entries(record)) {
      if (!columns.includes(key)) columns.push(key);
      if (value === null || value === undefined) cells[key] = '';
      else if (typeof value === 'string') cells[key] = value;
      else if (typeof value === 'number' && Number.isFinite(value)) cells[key] = String(value);
      else if (typeof value === 'boolean') cells[key] = String(value);
      else problems.push({ line, column: key, reason: 'must be a string or a number' });
    }
    rows.push({ line, cells });
  });
  return problems.length > 0 ? { problems } : { table: { unit: 'record', columns, rows }, problems: [] };
}

/** JSON for a file named *.json (or text that starts with '['), CSV otherwise. */
export function tableOf(text: string, name: string): TableResult {
  return /\.json$/i.test(name) || text.trimStart().startsWith('[') ? tableOfJson(text) : tableOfCsv(text);
}

/**
 * Runs `parse` on one cell (an empty one is absent when optional, else a problem); a DomainError becomes a
 * problem of that row and column, its "field: " prefix dropped since the column names it.
 */
export function readCell<T>(row: ImportRow, column: string, parse: (text: string) => T, problems: ImportProblem[], optional = false): T | undefined {
  const text = row.cells[column] ?? '';
  if (optional && text === '') return undefined;
  try {
    if (text.trim() === '') throw invalid('must not be empty');
    return parse(text);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    problems.push({ line: row.line, column, reason: error.message.startsWith(`${column}: `) ? error.message.slice(column.length + 2) : error.message });
    return undefined;
  }
}
