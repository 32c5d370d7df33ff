import type { Deps } from '../../cli/deps.js';
import type { Invoice } from '../../domain/types.js';
import { invoiceJson, toJsonText } from '../../render/json.js';

/** What a command that changes an invoice prints: its number (or a draft's id), or the invoice as JSON. */
export function changedInvoiceOutput(invoice: Invoice, json: boolean, deps: Deps): string {
  return json ? toJsonText(invoiceJson(invoice, deps.today()), deps.io.stdoutIsTTY) : `${invoice.number ?? invoice.id}\n`;
}
