import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { singleArgument } from '../../cli/flags.js';
import { findInvoice } from '../../domain/invoices.js';
import { invoiceJson, toJsonText } from '../../render/json.js';
import { invoiceScope } from '../../cli/scopes.js';

export interface ShowInvoiceOptions {
  invoice: string;
  json: boolean;
}

export function toOptions({ args, opts }: RawInput): ShowInvoiceOptions {
  return { invoice: singleArgument(args, 'invoice number or id'), json: opts.json === true };
}

export async function run(options: ShowInvoiceOptions, deps: Deps): Promise<string> {
  // The view's code loads while the store is read (on PostgreSQL mostly a wait for the server).
  const views = options.json ? undefined : import('../../render/invoice-views.js');
  // Only this invoice: on a database, one row however big the books.
  const doc = await (await deps.store()).read(invoiceScope(options.invoice));
  const invoice = findInvoice(doc, options.invoice);
  const today = deps.today();
  if (options.json) return toJsonText(invoiceJson(invoice, today), deps.io.stdoutIsTTY);
  const { renderInvoiceDetail } = await views!;
  return renderInvoiceDetail(invoice, today, deps.io);
}
