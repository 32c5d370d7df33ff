import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { optionalDate, singleArgument } from '../../cli/flags.js';
import { readIssueFacts } from '../../cli/issue-facts.js';
import { issueInvoice } from '../../domain/invoice-issue.js';
import { findInvoice } from '../../domain/invoices.js';
import { displayMoney } from '../../domain/money-format.js';
import { cell } from '../../render/text.js';
import { changedInvoiceOutput } from './output.js';
import { NUMBERING, invoiceScope } from '../../cli/scopes.js';

export interface IssueInvoiceOptions {
  invoice: string;
  date?: string;
  json: boolean;
}

export function toOptions({ args, opts }: RawInput): IssueInvoiceOptions {
  const date = optionalDate(opts, 'date', '--date');
  return { invoice: singleArgument(args, 'draft id'), ...(date !== undefined && { date }), json: opts.json === true };
}

export async function run(options: IssueInvoiceOptions, deps: Deps): Promise<string> {
  const today = deps.today();
  // The draft alone: its number comes from its series' counter, as for invoice new (UNIQUE backs numberInUse).
  const invoice = await (await deps.store()).update(async (doc) => {
    const invoice = findInvoice(doc, options.invoice);
    issueInvoice(doc, invoice, today, options.date, undefined, await readIssueFacts(doc.business));
    return invoice;
  }, { ...invoiceScope(options.invoice), ...NUMBERING });
  deps.io.err.write(`Issued ${invoice.number} to ${cell(invoice.customer.name)}: ${displayMoney(invoice.total, invoice.currency)}, due ${invoice.dueDate}\n`);
  return changedInvoiceOutput(invoice, options.json, deps);
}
