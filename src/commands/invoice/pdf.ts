import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { UsageError } from '../../cli/errors.js';
import { optionalString } from '../../cli/flags.js';
import { type InvoiceSelection, chosenInvoices, invoiceSelection, selectionScope } from '../../cli/invoice-selection.js';
import { writeFileAtomic } from '../../platform/atomic-write.js';
import { startProgress } from '../../cli/progress.js';
import { language } from '../../domain/fields.js';
import { requireBusiness } from '../../domain/invoice-issue.js';
import type { Invoice, PdfRecord } from '../../domain/types.js';
import { childPath } from '../../platform/safe-path.js';
import type { InvoicePdf } from '../../render/pdf/invoice-pdf.js';
import { toJsonText } from '../../render/json.js';

export interface InvoicePdfOptions extends InvoiceSelection {
  out?: string;
  template?: string;
  lang?: string;
  json: boolean;
}

export function toOptions({ args, opts }: RawInput): InvoicePdfOptions {
  const selection = invoiceSelection(args, opts);
  const out = optionalString(opts, 'out');
  if (out === '-' && opts.json === true) throw new UsageError('--out - writes the PDF to stdout, so it cannot go with --json');
  const lang = optionalString(opts, 'lang');
  const template = optionalString(opts, 'template');
  return {
    ...selection,
    ...(out !== undefined && { out }),
    // A template path is relative to where the command runs; a name stays a name.
    ...(template !== undefined && { template: template.includes('/') ? resolve(template) : template }),
    ...(lang !== undefined && { lang: language(lang, '--lang') }),
    json: opts.json === true,
  };
}

/** Where each PDF goes: stdout, the file given, or <number>.pdf in a folder (--out, else pdf/ beside the store). */
async function destination(options: InvoicePdfOptions, count: number, filesFolder: string): Promise<(invoice: Invoice) => string | null> {
  // childPath: a number or id from the store never leads out of the folder, even one the loader let by.
  const fileIn = (folder: string) => (invoice: Invoice) => childPath(folder, invoice.number ?? invoice.id, '.pdf');
  if (options.out === '-') {
    if (count !== 1) throw new UsageError(`--out - writes one PDF to stdout; ${count} invoices were chosen`);
    return () => null;
  }
  if (options.out === undefined) return fileIn(join(filesFolder, 'pdf'));
  const out = resolve(options.out);
  const isFolder = count > 1 || options.out.endsWith('/') || (await stat(out).then((info) => info.isDirectory(), () => false));
  return isFolder ? fileIn(out) : () => out;
}

function samePdfRecord(a: PdfRecord | undefined, b: PdfRecord): boolean {
  return a !== undefined && a.sha256 === b.sha256 && a.path === b.path && a.pages === b.pages && a.at === b.at && a.template === b.template && a.lang === b.lang;
}

export async function run(options: InvoicePdfOptions, deps: Deps): Promise<string | Uint8Array> {
  const store = await deps.store();
  const doc = await store.read(selectionScope(options));
  const business = requireBusiness(doc);
  const today = deps.today();
  const invoices = chosenInvoices(doc, options, today);
  if (invoices.length === 0) {
    deps.io.err.write('No invoices match; no PDF written.\n');
    return options.json ? toJsonText([], deps.io.stdoutIsTTY) : '';
  }
  const pathOf = await destination(options, invoices.length, store.filesFolder);
  const rendering = {
    business,
    today,
    ...(options.template !== undefined && { template: options.template }),
    ...(options.lang !== undefined && { lang: options.lang }),
  };
  const { createInvoicePdfRenderer } = await import('../../render/pdf/invoice-pdf.js');

  const written: { invoice: Invoice; record: PdfRecord }[] = [];
  let stdoutBytes: Uint8Array | undefined;
  const progress = await startProgress(deps.io, invoices.length, 'PDF');
  const keep = async (index: number, pdf: InvoicePdf) => {
    const invoice = invoices[index] as Invoice;
    const path = pathOf(invoice);
    if (path === null) stdoutBytes = pdf.bytes;
    else await writeFileAtomic(path, pdf.bytes);
    written[index] = { invoice, record: { sha256: pdf.sha256, path, pages: pdf.pages, at: today, template: pdf.template, lang: pdf.lang } };
    progress.tick(invoice.number ?? invoice.id);
  };
  try {
    const { renderInParallel, workerCount } = await import('../../render/pdf/parallel-render.js');
    const workers = workerCount(deps.env.SMALLPAY_PDF_WORKERS, invoices.length);
    if (workers > 1) {
      await renderInParallel(invoices, rendering, workers, keep);
    } else {
      const renderer = await createInvoicePdfRenderer(rendering);
      for (const [index, invoice] of invoices.entries()) await keep(index, await renderer.render(invoice));
    }
  } finally {
    progress.stop();
  }
  // Rendering the same invoice again gives the same record: then there is nothing to write.
  const changed = written.filter(({ invoice, record }) => !samePdfRecord(invoice.pdf, record));
  if (changed.length > 0) {
    await store.update((current) => {
      const byId = new Map(current.invoices.map((stored) => [stored.id, stored]));
      for (const { invoice, record } of changed) {
        const stored = byId.get(invoice.id);
        if (stored) stored.pdf = record;
      }
      // What was read, not a list of the changed ids: a batch of thousands would pass the database's limit of
      // parameters in one statement.
    }, selectionScope(options));
  }

  if (stdoutBytes) return stdoutBytes;
  deps.io.err.write(written.length === 1 ? `Wrote ${written[0]?.record.path}\n` : `Wrote ${written.length} PDFs to ${dirname(written[0]?.record.path ?? '')}\n`);
  if (options.json) {
    return toJsonText(
      written.map(({ invoice, record }) => ({ number: invoice.number, id: invoice.id, path: record.path, sha256: record.sha256, pages: record.pages })),
      deps.io.stdoutIsTTY,
    );
  }
  return written.map(({ record }) => `${record.path}\n`).join('');
}
