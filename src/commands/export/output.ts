/** What the export verbs share: the issue-date range and where the bytes go. */
import type { Deps } from '../../cli/deps.js';
import { UsageError } from '../../cli/errors.js';
import { optionalDateRange, optionalString } from '../../cli/flags.js';
import type { Invoice } from '../../domain/types.js';
import { writeFileAtomic } from '../../platform/atomic-write.js';
import type { StoreScope } from '../../store/store.js';

export interface ExportRange {
  from?: string;
  to?: string;
  /** A file to write atomically; undefined or '-' is stdout. */
  out?: string;
}

export function exportRange(opts: Record<string, unknown>): ExportRange {
  const range = optionalDateRange(opts);
  const out = optionalString(opts, 'out');
  if (out !== undefined && out.trim() === '') throw new UsageError("--out: the path must not be empty (give '-' for stdout)");
  return { ...range, ...(out !== undefined && out !== '-' && { out }) };
}

/**
 * What issuedInRange chooses from: the documents issued in the range (each is exported from its own record),
 * or the whole book when no range is given.
 */
export function rangeScope(range: ExportRange): StoreScope | undefined {
  if (range.from === undefined && range.to === undefined) return undefined;
  return { invoices: { ...(range.from !== undefined && { issuedFrom: range.from }), ...(range.to !== undefined && { issuedTo: range.to }) } };
}

/** Issued documents (invoices and credit notes, void ones included) whose issue date is in the range. */
export function issuedInRange(invoices: readonly Invoice[], range: ExportRange): Invoice[] {
  return invoices.filter((invoice) => {
    if (invoice.status === 'draft') return false;
    const date = invoice.issueDate;
    return (range.from === undefined || date >= range.from) && (range.to === undefined || date <= range.to);
  });
}

/** Writes the export to --out (atomically, with a line on stderr) and returns nothing, or returns it for stdout. */
export async function deliverExport(range: ExportRange, content: string, deps: Deps, what: string): Promise<string> {
  if (range.out === undefined) return content;
  await writeFileAtomic(range.out, content);
  deps.io.err.write(`Wrote ${what} to ${range.out}\n`);
  return '';
}
