/** `smallpay export quickbooks`: the QuickBooks Online invoice import CSV (docs/accounting-import.md). */
import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { importableDocuments } from '../../domain/import-lines.js';
import { requireBusiness } from '../../domain/invoice-issue.js';
import { quickBooksCsv } from '../../render/accounting-import.js';
import { type ExportRange, deliverExport, exportRange, issuedInRange } from './output.js';

export function toOptions({ opts }: RawInput): ExportRange {
  return exportRange(opts);
}

export async function run(options: ExportRange, deps: Deps): Promise<string> {
  const doc = await (await deps.store()).read();
  const business = requireBusiness(doc);
  const { documents, voided } = importableDocuments(issuedInRange(doc.invoices, options));
  // QuickBooks Online imports invoices only, and refuses one with a negative total.
  const creditNotes = documents.filter((invoice) => invoice.type === 'credit-note');
  const invoices = documents.filter((invoice) => invoice.type !== 'credit-note');
  // Written first: when --out fails, its one error line is all there is to say.
  const output = await deliverExport(options, quickBooksCsv(invoices, business), deps, `${invoices.length} invoice(s) for QuickBooks Online`);
  if (voided.length > 0) deps.io.err.write(`Left out ${voided.length} void document(s), which QuickBooks would import as valid: ${voided.join(', ')}\n`);
  if (creditNotes.length > 0) {
    deps.io.err.write(`Left out ${creditNotes.length} credit note(s), which the QuickBooks invoice import cannot take; enter them as credit memos: ${creditNotes.map((note) => note.number).join(', ')}\n`);
  }
  return output;
}
