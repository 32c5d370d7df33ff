/**
 * A journal for hledger (it also reads as Ledger), from the core's transactions (domain/ledger.ts):
 *
 *   decimal-mark .
 *   commodity 1000.00 EUR
 *   account assets:receivable:globex  ; type: A
 *
 *   2026-01-15 * (INV-2026-0001) Globex GmbH | Invoice INV-2026-0001  ; invoice:INV-2026-0001, customer:globex
 *       assets:receivable:globex   119.00 EUR
 *       revenue                   -100.00 EUR  ; vat:S-19
 *       liabilities:vat:19         -19.00 EUR
 *
 * Amounts are the exact decimal of formatAmount with the ISO code after it ("1785.00 EUR", "1785 JPY",
 * "1.000 KWD"): no digit grouping, a decimal point, the currency's own number of decimals. hledger would
 * guess that "1.000 KWD" has a thousands separator; `decimal-mark .` and a `commodity` directive per
 * currency say otherwise, so every amount reads one way only. Accounts and commodities are declared, so
 * `hledger check --strict` passes.
 */
import { type LedgerRole, type LedgerTransaction, LedgerUsageCollector, inJournalOrder } from '../domain/ledger.js';
import { minorDigits } from '../domain/currency.js';
import { formatAmount } from '../domain/money-format.js';

const TYPES: Record<LedgerRole, string> = { receivable: 'A', bank: 'A', revenue: 'R', vat: 'L', writeoff: 'X' };

/** A quick test first (no Unicode mode: it runs for every payee and description of 100,000 invoices). */
const NEEDS_CLEANING = /[;|\x00-\x1f\x7f-\x9f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}|^ | $/;

/**
 * A description, payee or tag value on one line: ';' would start a comment and '|' split payee from note,
 * so they become ',' and '/'; runs of white space one space.
 */
export function journalText(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text;
  return text.replace(/;/g, ',').replace(/\|/g, '/').replace(/[\s\p{Cc}]+/gu, ' ').trim();
}

function commodityExample(currency: string): string {
  const digits = minorDigits(currency);
  return `1000.${'0'.repeat(digits)} ${currency}`;
}

export interface JournalHeader {
  business: string;
  range: string;
}

function transactionText(transaction: LedgerTransaction): string {
  const amounts = transaction.postings.map((posting) => `${formatAmount(posting.amount, transaction.currency)} ${transaction.currency}`);
  let accountWidth = 0;
  let amountWidth = 0;
  for (const posting of transaction.postings) accountWidth = Math.max(accountWidth, posting.account.length);
  for (const amount of amounts) amountWidth = Math.max(amountWidth, amount.length);
  const tags = [`invoice:${transaction.invoice}`, ...(transaction.creditNote !== undefined ? [`credit-note:${transaction.creditNote}`] : []), `customer:${journalText(transaction.customer).replace(/,/g, ' ')}`, `kind:${transaction.kind}`];
  let text = `${transaction.date} * (${transaction.code}) ${journalText(transaction.payee)} | ${journalText(transaction.description)}  ; ${tags.join(', ')}\n`;
  transaction.postings.forEach((posting, index) => {
    const line = `    ${posting.account.padEnd(accountWidth)}  ${(amounts[index] as string).padStart(amountWidth)}`;
    text += posting.vat === undefined ? `${line}\n` : `${line}  ; vat:${posting.vat}\n`;
  });
  return text;
}

/**
 * The journal of `transactions` (in any order: they are put in journal order here). Each is written as it
 * comes and only its text kept, so 100,000 invoices do not keep half a million objects alive.
 */
export function renderHledgerJournal(transactions: Iterable<LedgerTransaction>, header: JournalHeader): string {
  const collector = new LedgerUsageCollector();
  const entries: { date: string; text: string }[] = [];
  for (const transaction of transactions) {
    collector.add(transaction);
    entries.push({ date: transaction.date, text: transactionText(transaction) });
  }
  const usage = collector.usage();
  const parts: string[] = [
    `; SmallPay export for ${journalText(header.business)}: ${header.range}\n`,
    '; Check it with: hledger -f FILE check --strict\n\n',
    'decimal-mark .\n\n',
  ];
  for (const currency of usage.currencies) parts.push(`commodity ${commodityExample(currency)}\n`);
  if (usage.currencies.length > 0) parts.push('\n');
  for (const { account, role } of usage.accounts) parts.push(`account ${account}  ; type: ${TYPES[role]}\n`);
  for (const { text } of inJournalOrder(entries)) parts.push('\n', text);
  return parts.join('');
}
