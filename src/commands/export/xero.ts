/** `smallpay export xero`: Xero's sales invoice import CSV (docs/accounting-import.md). */
import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { importableDocuments } from '../../domain/import-lines.js';
import { requireBusiness } from '../../domain/invoice-issue.js';
import { xeroCsv } from '../../render/accounting-import.js';
import { type ExportRange, deliverExport, exportRange, issuedInRange } from './output.js';

/** Xero takes at most 500 invoices per import file. */
const XERO_FILE_LIMIT = 500;

export function toOptions({ opts }: RawInput): ExportRange {
  return exportRange(opts);
}

export async function run(options: ExportRange, deps: Deps): Promise<string> {
  const doc = await (await deps.store()).read();
  const business = requireBusiness(doc);
  const { documents, voided } = importableDocuments(issuedInRange(doc.invoices, options));
  // Written first: when --out fails, its one error line is all there is to say.
  const output = await deliverExport(options, xeroCsv(documents, business), deps, `${documents.length} document(s) for Xero`);
  if (voided.length > 0) deps.io.err.write(`Left out ${voided.length} void document(s), which Xero would import as valid: ${voided.join(', ')}\n`);
  if (documents.length > XERO_FILE_LIMIT) deps.io.err.write(`${documents.length} documents: Xero imports at most ${XERO_FILE_LIMIT} per file; export smaller ranges with --from/--to\n`);
  return output;
}
