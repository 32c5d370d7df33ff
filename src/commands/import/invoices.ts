/** `smallpay import invoices <file> [payments-file]`: see src/domain/invoice-import.ts and docs/imports.md. */
import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { UsageError } from '../../cli/errors.js';
import { flag, optionalString, singleArgument } from '../../cli/flags.js';
import { type InvoiceImportResult, importInvoices } from '../../domain/invoice-import.js';
import type { StoreDocument } from '../../domain/types.js';
import { Unchanged } from '../../store/store.js';
import { badRows, importOutput, readTable } from './files.js';

export interface ImportInvoicesOptions {
  file: string;
  payments?: string;
  dryRun: boolean;
  json: boolean;
}

export function toOptions({ args, opts }: RawInput): ImportInvoicesOptions {
  const file = singleArgument(args, 'the invoices file to import');
  const flagged = optionalString(opts, 'payments');
  const positional = args[1];
  if (flagged !== undefined && positional !== undefined) throw new UsageError('give the payments file once: as the second file or with --payments');
  const payments = flagged ?? positional;
  return { file, ...(payments !== undefined && { payments }), dryRun: flag(opts, 'dryRun'), json: flag(opts, 'json') };
}

export async function run(options: ImportInvoicesOptions, deps: Deps): Promise<string> {
  const invoices = readTable(options.file);
  const payments = options.payments === undefined ? undefined : readTable(options.payments);
  const store = await deps.store();
  const attempt = (doc: StoreDocument): InvoiceImportResult => {
    const result = importInvoices(doc, invoices, payments, { today: deps.today(), newId: deps.newId });
    if (result.problems.length > 0) {
      const of = (file: 'invoices' | 'payments') => result.problems.filter((entry) => entry.file === file).map((entry) => entry.problem);
      throw badRows([
        { source: options.file, unit: invoices.unit, problems: of('invoices') },
        ...(payments && options.payments !== undefined ? [{ source: options.payments, unit: payments.unit, problems: of('payments') }] : []),
      ]);
    }
    return result;
  };
  const result = options.dryRun
    ? attempt(await store.read())
    : await store.update((doc) => {
        const outcome = attempt(doc);
        return outcome.invoices.added.length === 0 && outcome.customers.added.length === 0 ? new Unchanged(outcome) : outcome;
      });
  const { customers, invoices: documents } = result;
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  return importOutput(
    deps,
    options.json,
    options.dryRun,
    { customers, invoices: documents, payments: result.payments },
    `${count(documents.added.length, 'document')} (${documents.matched.length} already in the store), ${count(result.payments.added, 'payment')}, refunds and write-offs, ${count(customers.added.length, 'new customer')}`,
  );
}
