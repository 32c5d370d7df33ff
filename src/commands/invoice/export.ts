/**
 * `smallpay invoice export`: issued invoices and credit notes as EN 16931 e-invoices (UBL, Peppol, XRechnung,
 * CII, Factur-X), one file each. Every chosen document is checked against the rules SmallPay can know
 * before anything is written (domain/einvoice-checks.ts): one failure and nothing is written.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { ProblemListError, UsageError } from '../../cli/errors.js';
import { optionalString } from '../../cli/flags.js';
import { type InvoiceSelection, chosenInvoices, invoiceSelection, selectionScope } from '../../cli/invoice-selection.js';
import { einvoiceDocument } from '../../domain/einvoice.js';
import { einvoiceProblems } from '../../domain/einvoice-checks.js';
import { refused } from '../../domain/errors.js';
import { requireBusiness } from '../../domain/invoice-issue.js';
import { invoiceLabel } from '../../domain/invoices.js';
import type { Invoice } from '../../domain/types.js';
import { writeFileAtomic } from '../../platform/atomic-write.js';
import { childPath } from '../../platform/safe-path.js';
import { EINVOICE_FORMAT_NAMES, type EinvoiceFormat, einvoiceFormat } from '../../render/einvoice/formats.js';
import { toJsonText } from '../../render/json.js';

export interface InvoiceExportOptions extends InvoiceSelection {
  format: EinvoiceFormat;
  out?: string;
  json: boolean;
}

export function toOptions({ args, opts }: RawInput): InvoiceExportOptions {
  const name = optionalString(opts, 'format');
  if (name === undefined) throw new UsageError(`missing --format (${EINVOICE_FORMAT_NAMES.join(', ')})`);
  const format = einvoiceFormat(name);
  if (format === undefined) throw new UsageError(`--format: '${name}' is not one of ${EINVOICE_FORMAT_NAMES.join(', ')}`);
  const selection = invoiceSelection(args, opts);
  if (selection.filter.status === 'draft') throw new UsageError('--status draft: drafts cannot be exported; issue them first (smallpay invoice issue)');
  const out = optionalString(opts, 'out');
  if (out === '-' && opts.json === true) throw new UsageError('--out - writes the e-invoice to stdout, so it cannot go with --json');
  return { ...selection, format, ...(out !== undefined && { out }), json: opts.json === true };
}

/** Where each file goes: stdout, the file given, or <number><ext> in a folder (--out, else einvoice/ beside the store). */
async function destination(options: InvoiceExportOptions, count: number, filesFolder: string): Promise<(invoice: Invoice) => string | null> {
  const extension = options.format.extension;
  // childPath: a number from the store never leads out of the folder, whatever it holds.
  const fileIn = (folder: string) => (invoice: Invoice) => childPath(folder, invoice.number ?? invoice.id, extension);
  if (options.out === '-') {
    if (count !== 1) throw new UsageError(`--out - writes one e-invoice to stdout; ${count} documents were chosen`);
    return () => null;
  }
  if (options.out === undefined) return fileIn(join(filesFolder, 'einvoice'));
  const out = resolve(options.out);
  const isFolder = count > 1 || options.out.endsWith('/') || (await stat(out).then((info) => info.isDirectory(), () => false));
  return isFolder ? fileIn(out) : () => out;
}

export async function run(options: InvoiceExportOptions, deps: Deps): Promise<string | Uint8Array> {
  const store = await deps.store();
  const doc = await store.read(selectionScope(options));
  const business = requireBusiness(doc);
  const today = deps.today();
  const chosen = chosenInvoices(doc, options, today);
  // A draft has no number and is no document yet: named, it is refused; --all passes over it.
  const named = options.invoices.length > 0;
  const draft = chosen.find((invoice) => invoice.status === 'draft');
  if (named && draft) throw refused(`${invoiceLabel(draft)} is a draft: only issued invoices and credit notes are exported`, `smallpay invoice issue ${draft.id}`);
  const invoices = chosen.filter((invoice) => invoice.status !== 'draft');
  if (invoices.length === 0) {
    deps.io.err.write('No issued invoices match; nothing written.\n');
    return options.json ? toJsonText([], deps.io.stdoutIsTTY) : '';
  }

  const documents = invoices.map((invoice) => einvoiceDocument(invoice, business, doc.customers.find((customer) => customer.id === invoice.customer.id), today));
  const problems = documents.flatMap(({ invoice }, index) =>
    einvoiceProblems(documents[index]!, options.format.profile).map((problem) => `${invoiceLabel(invoice)}: ${problem.rule}: ${problem.message}${problem.hint ? `; ${problem.hint.replace('<number>', invoiceLabel(invoice))}` : ''}`),
  );
  if (problems.length > 0) {
    const many = invoices.length > 1 ? `${invoices.length} documents` : invoiceLabel(invoices[0]!);
    throw new ProblemListError(`cannot export ${many} as ${options.format.name}; nothing was written:`, problems);
  }

  const pathOf = await destination(options, invoices.length, store.filesFolder);
  const write = await options.format.loadWriter();
  const written: { number: string; format: string; path: string | null; sha256: string }[] = [];
  let stdoutBytes: Uint8Array | undefined;
  for (const document of documents) {
    const output = await write(document);
    const bytes = typeof output === 'string' ? Buffer.from(output, 'utf8') : output;
    const path = pathOf(document.invoice);
    if (path === null) stdoutBytes = bytes;
    else await writeFileAtomic(path, bytes);
    written.push({ number: invoiceLabel(document.invoice), format: options.format.name, path, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  if (stdoutBytes) return stdoutBytes;
  deps.io.err.write(written.length === 1 ? `Wrote ${written[0]?.path}\n` : `Wrote ${written.length} e-invoices to ${dirname(written[0]?.path ?? '')}\n`);
  if (options.json) return toJsonText(written, deps.io.stdoutIsTTY);
  return written.map(({ path }) => `${path}\n`).join('');
}
