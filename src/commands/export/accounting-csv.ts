/**
 * `smallpay export xero` and `smallpay export quickbooks`: the sales invoice import CSVs of Xero and of
 * QuickBooks Online (docs/accounting-import.md). One module for both verbs: they differ only in the
 * renderer and in what each program cannot take.
 */
import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { importableDocuments } from '../../domain/import-lines.js';
import { requireBusiness } from '../../domain/invoice-issue.js';
import { quickBooksCsv, xeroCsv } from '../../render/accounting-import.js';
import { type ExportRange, deliverExport, exportRange, issuedInRange, rangeScope } from './output.js';

/** Xero takes at most 500 invoices per import file. */
const XERO_FILE_LIMIT = 500;

export interface AccountingCsvOptions {
  program: 'xero' | 'quickbooks';
  range: ExportRange;
}

export function toOptions({ opts, verb }: RawInput): AccountingCsvOptions {
  return { program: verb === 'quickbooks' ? 'quickbooks' : 'xero', range: exportRange(opts) };
}

export async function run({ program, range }: AccountingCsvOptions, deps: Deps): Promise<string> {
  const doc = await (await deps.store()).read(rangeScope(range));
  const business = requireBusiness(doc);
  const { documents, voided } = importableDocuments(issuedInRange(doc.invoices, range));
  const name = program === 'xero' ? 'Xero' : 'QuickBooks';
  // QuickBooks Online imports invoices only, and refuses one with a negative total.
  const creditNotes = program === 'quickbooks' ? documents.filter((invoice) => invoice.type === 'credit-note') : [];
  const exported = documents.filter((invoice) => !creditNotes.includes(invoice));
  const csv = program === 'xero' ? xeroCsv(exported, business) : quickBooksCsv(exported, business);
  const what = program === 'xero' ? `${exported.length} document(s) for Xero` : `${exported.length} invoice(s) for QuickBooks Online`;
  // Written first: when --out fails, its one error line is all there is to say.
  const output = await deliverExport(range, csv, deps, what);
  if (voided.length > 0) deps.io.err.write(`Left out ${voided.length} void document(s), which ${name} would import as valid: ${voided.join(', ')}\n`);
  if (creditNotes.length > 0) {
    deps.io.err.write(`Left out ${creditNotes.length} credit note(s), which the QuickBooks invoice import cannot take; enter them as credit memos: ${creditNotes.map((note) => note.number).join(', ')}\n`);
  }
  if (program === 'xero' && exported.length > XERO_FILE_LIMIT) {
    deps.io.err.write(`${exported.length} documents: Xero imports at most ${XERO_FILE_LIMIT} per file; export smaller ranges with --from/--to\n`);
  }
  return output;
}
