/**
 * A beancount ledger (checked with bean-check of beancount 2.3.5) from the core's transactions
 * (domain/ledger.ts). Accounts are named in hledger's form in the settings; beancount wants each name under
 * one of five roots and every component capitalised, so names are mapped (beancountAccount):
 *   - the first component picks the root: assets/asset → Assets, liabilities/liability/debts/debt →
 *     Liabilities, equity → Equity, income/revenue/revenues → Income, expenses/expense → Expenses (any case);
 *     a first component that is a synonym and not the root's own name is kept under the root, and so is a
 *     name of one component: revenue → Income:Revenue, income → Income:Income;
 *   - every other component: letters with accents lose them, anything but letters, digits and '-'
 *     becomes '-', and the first character is upper case (a '-' first gets an 'X' before it):
 *     assets:receivable:globex → Assets:Receivable:Globex, liabilities:vat:7.5 → Liabilities:Vat:7-5,
 *     expenses:bad-debts → Expenses:Bad-debts.
 * A name whose first component maps to no root is refused. Every account is opened, and every currency
 * declared as a commodity (ISO codes are valid commodity names), on the day of the first transaction.
 * Amounts are the exact decimal of formatAmount and the ISO code: "119.00 EUR", "1785 JPY", "1.000 KWD".
 */
import { invalid } from '../domain/errors.js';
import { type LedgerTransaction, LedgerUsageCollector, inJournalOrder } from '../domain/ledger.js';
import { formatAmount } from '../domain/money-format.js';
import type { JournalHeader } from './ledger-hledger.js';

const ROOTS: Record<string, string> = {
  assets: 'Assets',
  asset: 'Assets',
  liabilities: 'Liabilities',
  liability: 'Liabilities',
  debts: 'Liabilities',
  debt: 'Liabilities',
  equity: 'Equity',
  income: 'Income',
  revenue: 'Income',
  revenues: 'Income',
  expenses: 'Expenses',
  expense: 'Expenses',
};

function component(text: string): string {
  const ascii = text.normalize('NFKD').replace(/\p{M}/gu, '');
  const safe = ascii.replace(/[^A-Za-z0-9-]/g, '-');
  const first = safe.charAt(0);
  return first === '-' || first === '' ? `X${safe}` : first.toUpperCase() + safe.slice(1);
}

/** An account name of the settings (hledger's form) as beancount writes it; see the header. */
export function beancountAccount(name: string): string {
  const [first = '', ...rest] = name.split(':');
  const word = first.trim().toLowerCase();
  const root = Object.hasOwn(ROOTS, word) ? ROOTS[word] : undefined;
  if (root === undefined) {
    throw invalid(`account '${name}': beancount needs it under Assets, Liabilities, Equity, Income or Expenses`, 'start the setting with assets:, liabilities:, equity:, income: (or revenue:) or expenses:, e.g. smallpay config set accounts.revenue income:consulting');
  }
  const keepFirst = rest.length === 0 || word !== root.toLowerCase();
  return [root, ...(keepFirst ? [component(first.trim())] : []), ...rest.map((part) => component(part.trim()))].join(':');
}

/** A beancount string: backslashes and quotes escaped, on one line. */
function quoted(text: string): string {
  return `"${text.replace(/[\s\p{Cc}]+/gu, ' ').trim().replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function transactionText(transaction: LedgerTransaction, names: Map<string, string>): string {
  const currency = transaction.currency;
  const accounts = transaction.postings.map((posting) => {
    let name = names.get(posting.account);
    if (name === undefined) names.set(posting.account, (name = beancountAccount(posting.account)));
    return name;
  });
  const amounts = transaction.postings.map((posting) => `${formatAmount(posting.amount, currency)} ${currency}`);
  const accountWidth = Math.max(...accounts.map((account) => account.length));
  const amountWidth = Math.max(...amounts.map((amount) => amount.length));
  let text = `\n${transaction.date} * ${quoted(transaction.payee)} ${quoted(transaction.description)} ^${transaction.invoice}\n`;
  text += `  invoice: ${quoted(transaction.invoice)}\n`;
  if (transaction.creditNote !== undefined) text += `  credit-note: ${quoted(transaction.creditNote)}\n`;
  text += `  customer: ${quoted(transaction.customer)}\n  kind: ${quoted(transaction.kind)}\n`;
  transaction.postings.forEach((posting, index) => {
    text += `  ${(accounts[index] as string).padEnd(accountWidth)}  ${(amounts[index] as string).padStart(amountWidth)}\n`;
    if (posting.vat !== undefined) text += `    vat: ${quoted(posting.vat)}\n`;
  });
  return text;
}

/** The ledger of `transactions` (in any order: they are put in journal order here), written as they come. */
export function renderBeancountLedger(transactions: Iterable<LedgerTransaction>, header: JournalHeader & { currency: string }): string {
  const collector = new LedgerUsageCollector();
  const names = new Map<string, string>();
  const entries: { date: string; text: string }[] = [];
  for (const transaction of transactions) {
    collector.add(transaction);
    entries.push({ date: transaction.date, text: transactionText(transaction, names) });
  }
  const usage = collector.usage();
  const parts: string[] = [
    `; SmallPay export for ${header.business.replace(/[\s\p{Cc}]+/gu, ' ')}: ${header.range}\n`,
    '; Check it with: bean-check FILE\n\n',
    `option "title" ${quoted(header.business)}\n`,
    `option "operating_currency" ${quoted(header.currency)}\n`,
  ];
  if (usage.firstDate !== undefined) {
    parts.push('\n');
    for (const currency of usage.currencies) parts.push(`${usage.firstDate} commodity ${currency}\n`);
    for (const opened of [...new Set(names.values())].sort()) parts.push(`${usage.firstDate} open ${opened}\n`);
  }
  for (const { text } of inJournalOrder(entries)) parts.push(text);
  return parts.join('');
}
