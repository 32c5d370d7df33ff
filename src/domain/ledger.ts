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

/** One transaction of `document`, built as one literal so every transaction has the same shape (fast, small). */
function entry(document: Invoice, kind: LedgerEntryKind, date: string, code: string, invoice: string, description: string, postings: LedgerPosting[], creditNote?: string): LedgerTransaction {
  const transaction: LedgerTransaction = { date, kind, code, payee: document.customer.name, description, currency: document.currency, invoice, customer: document.customer.id, postings };
  if (creditNote !== undefined) transaction.creditNote = creditNote;
  return transaction;
}

const hasAmount = (transaction: LedgerTransaction) => transaction.postings.some((posting) => posting.amount !== 0);

/** The transactions of one issued document, in the order they happened to it. */
export function transactionsOf(document: Invoice, accounts: LedgerAccounts): LedgerTransaction[] {
  const number = document.number ?? document.id;
  const customer = document.customer.id;
  const currency = document.currency;
  if (isCreditNote(document)) {
    const invoice = document.precedingInvoice?.number ?? number;
    return [entry(document, 'credit-note', document.issueDate, number, invoice, `Credit note ${number} for ${invoice}`, documentPostings(document, accounts, -1), number)].filter(hasAmount);
  }
  const receivable = accounts.account('receivable', customer, currency);
  const bank = accounts.account('bank', customer, currency);
  const booked = documentPostings(document, accounts, 1);
  const transactions: LedgerTransaction[] = [entry(document, 'invoice', document.issueDate, number, number, `Invoice ${number}`, booked)];
  for (const payment of document.payments) {
    const postings: LedgerPosting[] = [{ account: bank, role: 'bank', amount: payment.amount }, { account: receivable, role: 'receivable', amount: -payment.amount }];
    transactions.push(entry(document, 'payment', payment.date, number, number, withMethod(`Payment for ${number}`, payment.method), postings));
  }
  for (const refund of document.refunds ?? []) {
    const postings: LedgerPosting[] = [{ account: receivable, role: 'receivable', amount: refund.amount }, { account: bank, role: 'bank', amount: -refund.amount }];
    transactions.push(entry(document, 'refund', refund.date, number, number, withMethod(`Refund for ${number}`, refund.method), postings));
  }
  if (document.writeOff) {
    const { amount, date, reason } = document.writeOff;
    const postings: LedgerPosting[] = [{ account: accounts.account('writeoff', customer, currency), role: 'writeoff', amount }, { account: receivable, role: 'receivable', amount: -amount }];
    transactions.push(entry(document, 'write-off', date, number, number, reason ? `Write-off of ${number}: ${reason}` : `Write-off of ${number}`, postings));
  }
  if (document.status === 'void') transactions.push(entry(document, 'void', voidDate(document), number, number, `Void ${number}`, reversed(booked)));
  return transactions.filter(hasAmount);
}

/** The transactions of the documents, document after document (not yet in date order: see inJournalOrder). */
export function* documentTransactions(documents: Iterable<Invoice>, accounts: LedgerAccounts): Generator<LedgerTransaction> {
  for (const document of documents) yield* transactionsOf(document, accounts);
}

/**
 * The order of a journal: by date; on one day in the order of the documents, and within a document in the
 * order things happened to it. The same documents always give the same order. Sorts `entries` in place
 * (the renderers sort their rendered text by the same rule, so they need not keep every transaction).
 */
export function inJournalOrder<T extends { date: string }>(entries: T[]): T[] {
  // Array.prototype.sort is stable: equal dates keep the order they came in.
  return entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The journal of the selected documents, in journal order. */
export function ledgerTransactions(documents: readonly Invoice[], accounts: LedgerAccounts): LedgerTransaction[] {
  return inJournalOrder([...documentTransactions(documents, accounts)]);
}

/** Every account and currency a journal uses, sorted: the renderers declare them before the transactions. */
export interface LedgerUsage {
  /** Each account with the role it was first used in. */
  accounts: { account: string; role: LedgerRole }[];
  currencies: string[];
  firstDate?: string;
}

/** Collects the usage while the transactions go by, one at a time. */
export class LedgerUsageCollector {
  private readonly accounts = new Map<string, LedgerRole>();
  private readonly currencies = new Set<string>();
  private firstDate: string | undefined;

  add(transaction: LedgerTransaction): void {
    this.currencies.add(transaction.currency);
    if (this.firstDate === undefined || transaction.date < this.firstDate) this.firstDate = transaction.date;
    for (const posting of transaction.postings) if (!this.accounts.has(posting.account)) this.accounts.set(posting.account, posting.role);
  }

  usage(): LedgerUsage {
    const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return {
      accounts: [...this.accounts].sort(([a], [b]) => byText(a, b)).map(([account, role]) => ({ account, role })),
      currencies: [...this.currencies].sort(byText),
      ...(this.firstDate !== undefined && { firstDate: this.firstDate }),
    };
  }
}

export function ledgerUsage(transactions: Iterable<LedgerTransaction>): LedgerUsage {
  const collector = new LedgerUsageCollector();
  for (const transaction of transactions) collector.add(transaction);
  return collector.usage();
}
