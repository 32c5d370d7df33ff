/**
 * The books as double-entry transactions, for the hledger and beancount exports: every invoice, credit note,
 * payment, refund, write-off and void is one balanced transaction in the document's currency, with integer
 * amounts (minor units; debit positive, credit negative). The renderers only write them down.
 *
 *   invoice       receivable  +total  | revenue −base per VAT group | VAT account −tax per VAT group
 *   credit note   the same with the signs turned (on the customer of the invoice it corrects)
 *   payment       bank +amount        | receivable −amount
 *   refund        receivable +amount  | bank −amount
 *   write-off     write-off account +amount | receivable −amount (the whole balance; VAT is not corrected)
 *   void          the invoice's own transaction reversed, dated the day it was voided
 *
 * Worked example (EUR, 100.00 at S 19 % and 50.00 at S 7 %, paid 100.00):
 *   invoice   assets:receivable:globex 172.50 | revenue −100.00 (vat S-19) | revenue −50.00 (vat S-7) |
 *             liabilities:vat:19 −19.00 | liabilities:vat:7 −3.50
 *   payment   assets:bank 100.00 | assets:receivable:globex −100.00
 * A reverse-charge line (AE, 0 %) posts its revenue and no VAT: postings of 0 are left out, and a
 * transaction with no posting left (a document of 0.00) is left out too.
 *
 * Which documents: those the export's range selects by issue date (invoices and credit notes, void ones
 * included); each invoice comes with everything that happened to it — payments, refunds, write-off, void —
 * dated when it happened, even after the range. So every transaction belongs to exactly one document, and
 * the exports of consecutive periods add up to the export of all of them, with nothing twice.
 */
import { groupOf } from './credit-notes.js';
import { type LedgerAccounts } from './ledger-accounts.js';
import { isCreditNote } from './status.js';
import type { Invoice } from './types.js';

export type LedgerEntryKind = 'invoice' | 'credit-note' | 'payment' | 'refund' | 'write-off' | 'void';

/** What an account is for: hledger declares its type from it (A, L, R, X). */
export type LedgerRole = 'receivable' | 'revenue' | 'vat' | 'bank' | 'writeoff';

export interface LedgerPosting {
  account: string;
  role: LedgerRole;
  /** Minor units of the transaction's currency; debit positive, credit negative. */
  amount: number;
  /** Revenue postings: the VAT group, "S-19", "AE-0". */
  vat?: string;
}

export interface LedgerTransaction {
  date: string;
  kind: LedgerEntryKind;
  /** The number of the document it comes from: the invoice's, or the credit note's own. */
  code: string;
  /** The customer's name as on the document. */
  payee: string;
  description: string;
  currency: string;
  /** The invoice it concerns (for a credit note: the one it corrects). */
  invoice: string;
  creditNote?: string;
  customer: string;
  postings: LedgerPosting[];
}

/** The postings of an issued document, as an invoice books them (a credit note turns the signs). */
function documentPostings(document: Invoice, accounts: LedgerAccounts, sign: 1 | -1): LedgerPosting[] {
  const customer = document.customer.id;
  const currency = document.currency;
  const postings: LedgerPosting[] = [{ account: accounts.account('receivable', customer, currency), role: 'receivable', amount: sign * document.total }];
  let booked = 0;
  const taxes: LedgerPosting[] = [];
  for (const line of document.taxes) {
    const { category } = groupOf(line);
    postings.push({ account: accounts.account('revenue', customer, currency), role: 'revenue', amount: -sign * line.base, vat: `${category}-${line.rate}` });
    taxes.push({ account: accounts.vat(category, line.rate, customer, currency), role: 'vat', amount: -sign * line.tax });
    booked += line.base + line.tax;
  }
  // A total that is not the sum of its groups (a hand-edited store, a total clamped at 0) still balances.
  if (booked !== document.total) postings.push({ account: accounts.account('revenue', customer, currency), role: 'revenue', amount: -sign * (document.total - booked) });
  return [...postings, ...taxes].filter((posting) => posting.amount !== 0);
}

function reversed(postings: readonly LedgerPosting[]): LedgerPosting[] {
  return postings.map((posting) => ({ ...posting, amount: -posting.amount }));
}

/** The day an invoice was voided: its history says; a hand-edited store without it falls back to the issue date. */
function voidDate(invoice: Invoice): string {
  for (const entry of invoice.history) if (entry.event === 'voided') return entry.at;
  return invoice.issueDate;
}

function withMethod(text: string, method: string | undefined): string {
  return method === undefined || method === '' ? text : `${text} (${method})`;
}

/** The transactions of one issued document, in the order they happened to it. */
export function transactionsOf(document: Invoice, accounts: LedgerAccounts): LedgerTransaction[] {
  const number = document.number ?? document.id;
  const customer = document.customer.id;
  const currency = document.currency;
  const base = { payee: document.customer.name, currency, customer };
  if (isCreditNote(document)) {
    const invoice = document.precedingInvoice?.number ?? number;
    return [{ ...base, date: document.issueDate, kind: 'credit-note', code: number, description: `Credit note ${number} for ${invoice}`, invoice, creditNote: number, postings: documentPostings(document, accounts, -1) }];
  }
  const own = { ...base, code: number, invoice: number };
  const receivable = accounts.account('receivable', customer, currency);
  const bank = accounts.account('bank', customer, currency);
  const booked = documentPostings(document, accounts, 1);
  const transactions: LedgerTransaction[] = [{ ...own, date: document.issueDate, kind: 'invoice', description: `Invoice ${number}`, postings: booked }];
  for (const payment of document.payments) {
    transactions.push({ ...own, date: payment.date, kind: 'payment', description: withMethod(`Payment for ${number}`, payment.method), postings: [{ account: bank, role: 'bank', amount: payment.amount }, { account: receivable, role: 'receivable', amount: -payment.amount }] });
  }
  for (const refund of document.refunds ?? []) {
    transactions.push({ ...own, date: refund.date, kind: 'refund', description: withMethod(`Refund for ${number}`, refund.method), postings: [{ account: receivable, role: 'receivable', amount: refund.amount }, { account: bank, role: 'bank', amount: -refund.amount }] });
  }
  if (document.writeOff) {
    const { amount, date, reason } = document.writeOff;
    const writeOff = accounts.account('writeoff', customer, currency);
    transactions.push({ ...own, date, kind: 'write-off', description: reason ? `Write-off of ${number}: ${reason}` : `Write-off of ${number}`, postings: [{ account: writeOff, role: 'writeoff', amount }, { account: receivable, role: 'receivable', amount: -amount }] });
  }
  if (document.status === 'void') transactions.push({ ...own, date: voidDate(document), kind: 'void', description: `Void ${number}`, postings: reversed(booked) });
  return transactions.filter((transaction) => transaction.postings.some((posting) => posting.amount !== 0));
}

/**
 * The journal of the selected documents, ordered by date; on one day in the order of the documents, and
 * within a document in the order things happened to it. The same documents always give the same order.
 */
export function ledgerTransactions(documents: readonly Invoice[], accounts: LedgerAccounts): LedgerTransaction[] {
  const all: LedgerTransaction[] = [];
  for (const document of documents) for (const transaction of transactionsOf(document, accounts)) all.push(transaction);
  // Array.prototype.sort is stable: equal dates keep the order above.
  return all.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Every account and currency a journal uses, sorted: the renderers declare them before the transactions. */
export interface LedgerUsage {
  /** Each account with the role it was first used in. */
  accounts: { account: string; role: LedgerRole }[];
  currencies: string[];
  firstDate?: string;
}

export function ledgerUsage(transactions: readonly LedgerTransaction[]): LedgerUsage {
  const accounts = new Map<string, LedgerRole>();
  const currencies = new Set<string>();
  for (const transaction of transactions) {
    currencies.add(transaction.currency);
    for (const posting of transaction.postings) if (!accounts.has(posting.account)) accounts.set(posting.account, posting.role);
  }
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const firstDate = transactions[0]?.date;
  return {
    accounts: [...accounts].sort(([a], [b]) => byText(a, b)).map(([account, role]) => ({ account, role })),
    currencies: [...currencies].sort(byText),
    ...(firstDate !== undefined && { firstDate }),
  };
}
