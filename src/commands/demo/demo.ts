import { join, sep } from 'node:path';
import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { UsageError } from '../../cli/errors.js';
import { flag } from '../../cli/flags.js';
import { dataDirectory } from '../../cli/settings.js';
import { selectInvoices } from '../../domain/invoice-query.js';
import { invoiceJson, jsonArrayChunks } from '../../render/json.js';
import type { Env } from '../../cli/io.js';
import { emptyDocument } from '../../store/schema.js';
import { writeDemoPdfs } from './demo-pdfs.js';
import { buildSampleBusiness } from './sample.js';

export interface DemoOptions {
  force: boolean;
  json: boolean;
}

export function toOptions({ opts }: RawInput): DemoOptions {
  return { force: flag(opts, 'force'), json: flag(opts, 'json') };
}

/**
 * How the person typed the command, for the commands the demo suggests: the quick start runs
 * `npx smallpay demo` in a clone, where `smallpay` alone is not on the PATH. npm sets npm_command=exec
 * for `npx` and `npm exec`, and npm_lifecycle_event=npx for `npx`.
 */
export function invocation(env: Env): string {
  return env.npm_command === 'exec' || env.npm_lifecycle_event === 'npx' ? 'npx smallpay' : 'smallpay';
}

function shellQuoted(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

export async function run(options: DemoOptions, deps: Deps): Promise<string | Iterable<string>> {
  const demoPath = join(dataDirectory(deps.env), 'demo', 'store.json');
  const store = await deps.openStoreAt(deps.storeFlag === undefined ? { engine: 'json', path: demoPath, label: demoPath } : deps.storeLocator(), { createSchema: true });
  const path = store.path;
  if (deps.storeFlag !== undefined && !options.force && (await store.exists())) {
    throw new UsageError(`${path} exists; the demo never replaces a store unless asked`, 'pass --force to replace it, or give another --store');
  }
  const today = deps.today();
  const doc = await store.update((current) => {
    Object.assign(current, emptyDocument());
    buildSampleBusiness(current, today, () => deps.newId('inv'));
    return current;
  });
  const invoices = selectInvoices(doc.invoices, {}, today);
  const business = doc.business;
  if (!business) throw new Error('the demo store has no business');
  // Drafts have no number, and a new random id on every run: their PDFs would pile up.
  const issued = invoices.filter((invoice) => invoice.number !== null);
  const pdfFolder = await writeDemoPdfs(issued, business, join(store.filesFolder, 'pdf'), today);
  deps.io.err.write(
    `Demo business "${business.name}" with ${doc.customers.length} customers and ${invoices.length} invoices in ${path}\n` +
      `PDFs of its ${issued.length} issued invoices in ${pdfFolder}${sep}\n` +
      `Explore it with: ${invocation(deps.env)} --store ${shellQuoted(path)} invoice show ${invoices[0]?.number ?? ''}\n`,
  );
  if (options.json) return jsonArrayChunks(invoices, (invoice) => invoiceJson(invoice, today), deps.io.stdoutIsTTY);
  const { renderInvoiceList } = await import('../../render/invoice-views.js');
  return renderInvoiceList(invoices, today, deps.io);
}
