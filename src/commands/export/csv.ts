/**
 * `smallpay export csv`: one row per line of each issued invoice and credit note (drafts are not in the
 * books and are left out), or with --payments one row per payment, refund and write-off of those documents.
 * Columns: src/domain/invoice-csv.ts, documented in docs/exports.md; `smallpay import invoices` reads both back.
 */
import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { flag } from '../../cli/flags.js';
import { INVOICE_COLUMNS, PAYMENT_COLUMNS, invoiceCsvRows, paymentCsvRows } from '../../domain/invoice-csv.js';
import { toCsv } from '../../render/csv.js';
import { type ExportRange, deliverExport, exportRange, issuedInRange, rangeScope } from './output.js';

export interface CsvExportOptions {
  range: ExportRange;
  payments: boolean;
}

export function toOptions({ opts }: RawInput): CsvExportOptions {
  return { range: exportRange(opts), payments: flag(opts, 'payments') };
}

export async function run(options: CsvExportOptions, deps: Deps): Promise<string> {
  const doc = await (await deps.store()).read(rangeScope(options.range));
  const documents = issuedInRange(doc.invoices, options.range);
  const content = options.payments ? toCsv(PAYMENT_COLUMNS, paymentCsvRows(documents)) : toCsv(INVOICE_COLUMNS, invoiceCsvRows(documents));
  return deliverExport(options.range, content, deps, options.payments ? 'the payments CSV' : 'the invoices CSV');
}
