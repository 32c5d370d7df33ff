/** `smallpay import customers <file>`: see src/domain/customer-import.ts and docs/imports.md. */
import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { UsageError } from '../../cli/errors.js';
import { flag, singleArgument } from '../../cli/flags.js';
import { type CustomerField, type CustomerImportResult, importCustomers, parseColumnMapping } from '../../domain/customer-import.js';
import { DomainError } from '../../domain/errors.js';
import { Unchanged } from '../../store/store.js';
import { badRows, importOutput, readTable } from './files.js';

export interface ImportCustomersOptions {
  file: string;
  map: [string, CustomerField][];
  dryRun: boolean;
  json: boolean;
}

export function toOptions({ args, opts }: RawInput): ImportCustomersOptions {
  const pairs = Array.isArray(opts.map) ? (opts.map as string[]) : [];
  const map = pairs.map((pair) => {
    try {
      return parseColumnMapping(pair);
    } catch (error) {
      if (error instanceof DomainError) throw new UsageError(error.message, 'e.g. --map Firma=name');
      throw error;
    }
  });
  return { file: singleArgument(args, 'the file to import'), map, dryRun: flag(opts, 'dryRun'), json: flag(opts, 'json') };
}

export async function run(options: ImportCustomersOptions, deps: Deps): Promise<string> {
  const table = readTable(options.file);
  const store = await deps.store();
  const attempt = (doc: Parameters<typeof importCustomers>[0]): CustomerImportResult => {
    const result = importCustomers(doc, table, options.map, deps.today());
    if (result.problems.length > 0) throw badRows([{ source: options.file, unit: table.unit, problems: result.problems }]);
    return result;
  };
  const result = options.dryRun
    ? attempt(await store.read())
    : await store.update((doc) => {
        const outcome = attempt(doc);
        return outcome.added.length === 0 ? new Unchanged(outcome) : outcome;
      });
  const summary = { customers: { added: result.added.map((customer) => customer.id), matched: result.matched }, ignoredColumns: result.ignoredColumns };
  return importOutput(deps, options.json, options.dryRun, summary, `${result.added.length} customer${result.added.length === 1 ? '' : 's'}; ${result.matched.length} already in the store${result.ignoredColumns.length > 0 ? `; ignored columns: ${result.ignoredColumns.join(', ')}` : ''}`);
}
