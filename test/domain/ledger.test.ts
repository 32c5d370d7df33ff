/** The transactions of the hledger and beancount exports, their account names and the beancount mapping. */
import { describe, expect, it } from 'vitest';
import { changeSetting, createBusiness, unsetSetting } from '../../src/domain/business.js';
import { LedgerAccounts, accountPart, parseAccountName } from '../../src/domain/ledger-accounts.js';
import { ledgerTransactions, ledgerUsage, transactionsOf } from '../../src/domain/ledger.js';
import type { Invoice, TaxLine } from '../../src/domain/types.js';
import { beancountAccount } from '../../src/render/ledger-beancount.js';
import { journalText, renderHledgerJournal } from '../../src/render/ledger-hledger.js';

function invoice(fields: Partial<Invoice> & { taxes: TaxLine[] }): Invoice {
  const subtotal = fields.taxes.reduce((sum, line) => sum + line.base, 0);
  const tax = fields.taxes.reduce((sum, line) => sum + line.tax, 0);
  return {
    id: 'inv_1', number: 'INV-2026-0001', status: 'open', type: 'invoice', customer: { id: 'globex', name: 'Globex GmbH', email: 'ap@globex.test' },
    issuer: { name: 'Ada', email: 'ada@x.test' }, issueDate: '2026-01-15', dueDate: '2026-02-14', terms: 30, currency: 'EUR', items: [],
    subtotal, tax, total: subtotal + tax, paid: 0, payments: [], history: [], ...fields,
  };
}

const defaults = () => new LedgerAccounts(undefined);
const flat = (entries: ReturnType<typeof transactionsOf>) => entries.map((t) => [t.date, t.kind, t.postings.map((p) => `${p.account} ${p.amount}${p.vat ? ` ${p.vat}` : ''}`)]);

describe('transactionsOf', () => {
  it('books the worked example: two rates, then a payment', () => {
    const paid = invoice({
      taxes: [{ category: 'S', rate: '19', base: 10000, tax: 1900 }, { category: 'S', rate: '7', base: 5000, tax: 350 }],
      payments: [{ amount: 10000, date: '2026-02-01', method: 'bank' }],
      paid: 10000,
      status: 'partial',
    });
    expect(flat(transactionsOf(paid, defaults()))).toEqual([
      ['2026-01-15', 'invoice', ['assets:receivable:globex 17250', 'revenue -10000 S-19', 'revenue -5000 S-7', 'liabilities:vat:19 -1900', 'liabilities:vat:7 -350']],
      ['2026-02-01', 'payment', ['assets:bank 10000', 'assets:receivable:globex -10000']],
    ]);
    expect(transactionsOf(paid, defaults())[1]?.description).toBe('Payment for INV-2026-0001 (bank)');
  });

  it('posts reverse-charge revenue without a VAT posting of 0', () => {
    const rc = invoice({ taxes: [{ category: 'AE', rate: '0', base: 180000, tax: 0 }] });
    expect(flat(transactionsOf(rc, defaults()))).toEqual([['2026-01-15', 'invoice', ['assets:receivable:globex 180000', 'revenue -180000 AE-0']]]);
  });

  it('turns the signs of a credit note, tagged with the invoice it corrects', () => {
    const note = invoice({ id: 'inv_2', number: 'CN-2026-0001', type: 'credit-note', status: 'issued', issueDate: '2026-03-01', taxes: [{ category: 'S', rate: '19', base: 10000, tax: 1900 }], precedingInvoice: { invoiceId: 'inv_1', number: 'INV-2026-0001', issueDate: '2026-01-15' } });
    const [entry] = transactionsOf(note, defaults());
    expect(entry).toMatchObject({ kind: 'credit-note', code: 'CN-2026-0001', invoice: 'INV-2026-0001', creditNote: 'CN-2026-0001', description: 'Credit note CN-2026-0001 for INV-2026-0001' });
    expect(flat([entry!])[0]?.[2]).toEqual(['assets:receivable:globex -11900', 'revenue 10000 S-19', 'liabilities:vat:19 1900']);
  });

  it('books refunds, write-offs and a void as their own transactions, on their own dates', () => {
    const written = invoice({ status: 'written-off', taxes: [{ category: 'S', rate: '19', base: 10000, tax: 1900 }], payments: [{ amount: 5000, date: '2026-02-01' }], paid: 5000, refunds: [{ amount: 1000, date: '2026-02-10' }], writeOff: { amount: 7900, date: '2026-06-30', reason: 'insolvent' } });
    expect(flat(transactionsOf(written, defaults())).slice(1)).toEqual([
      ['2026-02-01', 'payment', ['assets:bank 5000', 'assets:receivable:globex -5000']],
      ['2026-02-10', 'refund', ['assets:receivable:globex 1000', 'assets:bank -1000']],
      ['2026-06-30', 'write-off', ['expenses:bad-debts 7900', 'assets:receivable:globex -7900']],
    ]);
    const voided = invoice({ status: 'void', taxes: [{ category: 'S', rate: '19', base: 10000, tax: 1900 }], history: [{ at: '2026-01-20', event: 'voided' }] });
    expect(flat(transactionsOf(voided, defaults()))[1]).toEqual(['2026-01-20', 'void', ['assets:receivable:globex -11900', 'revenue 10000 S-19', 'liabilities:vat:19 1900']]);
  });

  it('balances a total that is not the sum of its groups, and leaves out a document of 0.00', () => {
    const odd = invoice({ taxes: [{ category: 'S', rate: '19', base: 100, tax: 19 }], total: 120 });
    const [entry] = transactionsOf(odd, defaults());
    expect(entry!.postings.reduce((sum, p) => sum + p.amount, 0)).toBe(0);
    expect(transactionsOf(invoice({ taxes: [{ category: 'Z', rate: '0', base: 0, tax: 0 }] }), defaults())).toEqual([]);
  });

  it('orders the journal by date and keeps the order of documents on one day', () => {
    const a = invoice({ id: 'a', number: 'A', issueDate: '2026-02-01', taxes: [{ category: 'S', rate: '19', base: 100, tax: 19 }] });
    const b = invoice({ id: 'b', number: 'B', issueDate: '2026-01-01', taxes: [{ category: 'S', rate: '19', base: 100, tax: 19 }], payments: [{ amount: 119, date: '2026-02-01' }], paid: 119, status: 'paid' });
    const journal = ledgerTransactions([a, b], defaults());
    expect(journal.map((t) => `${t.date} ${t.code} ${t.kind}`)).toEqual(['2026-01-01 B invoice', '2026-02-01 A invoice', '2026-02-01 B payment']);
    expect(ledgerUsage(journal)).toEqual({ accounts: [{ account: 'assets:bank', role: 'bank' }, { account: 'assets:receivable:globex', role: 'receivable' }, { account: 'liabilities:vat:19', role: 'vat' }, { account: 'revenue', role: 'revenue' }], currencies: ['EUR'], firstDate: '2026-01-01' });
  });
});

describe('account settings', () => {
  it('takes accounts.* settings with {customer} and {currency}, and per VAT group', () => {
    const business = createBusiness({ name: 'Ada', email: 'ada@x.test' });
    changeSetting(business, 'accounts.receivable', 'assets:debtors:{currency}:{customer}');
    changeSetting(business, 'accounts.vat.s.7.50', 'liabilities:ust:7,5');
    changeSetting(business, 'accounts.bank', ' assets:bank:{currency} ');
    expect(business.accounts).toEqual({ receivable: 'assets:debtors:{currency}:{customer}', vat: { 'S.7.5': 'liabilities:ust:7,5' }, bank: 'assets:bank:{currency}' });
    const accounts = new LedgerAccounts(business.accounts);
    expect(accounts.account('receivable', 'globex', 'USD')).toBe('assets:debtors:USD:globex');
    expect(accounts.vat('S', '7.5', 'globex', 'EUR')).toBe('liabilities:ust:7,5');
    expect(accounts.vat('S', '19', 'globex', 'EUR')).toBe('liabilities:vat:19');
    expect(accounts.vat('K', '0', 'globex', 'EUR')).toBe('liabilities:vat:k:0');
    expect(accounts.account('writeoff', 'globex', 'EUR')).toBe('expenses:bad-debts');
    unsetSetting(business, 'accounts.vat.S.7.5');
    unsetSetting(business, 'accounts.receivable');
    unsetSetting(business, 'accounts.bank');
    expect(business.accounts).toBeUndefined();
  });

  it.each([
    ['', /is empty/],
    ['revenue;x', /";"/],
    ['revenue  x', /double spaces/],
    ['revenue\tx', /tabs/],
    ['(revenue)', /parentheses/],
    ['revenue::x', /none empty/],
    ['revenue:{invoice}', /unknown placeholder \{invoice\}/],
  ])('refuses the account name %j', (name, message) => {
    expect(() => parseAccountName(name, 'accounts.revenue')).toThrow(message);
  });

  it('refuses accounts.vat keys without a category and rate', () => {
    const business = createBusiness({ name: 'Ada', email: 'ada@x.test' });
    expect(() => changeSetting(business, 'accounts.vat.X.19', 'a')).toThrow(/not a VAT category/);
    expect(() => changeSetting(business, 'accounts.vat.S.abc', 'a')).toThrow(/not a tax rate/);
    expect(() => changeSetting(business, 'accounts.vat.<category>.<rate>', 'a')).toThrow(/in place of <category>.<rate>/);
  });

  it('makes any text safe as an account part', () => {
    expect(accountPart('globex-gmbh')).toBe('globex-gmbh');
    expect(accountPart('a b:c;d')).toBe('a-b-c-d');
    expect(accountPart('::')).toBe('unknown');
  });
});

describe('beancount account names', () => {
  it.each([
    ['assets:receivable:globex', 'Assets:Receivable:Globex'],
    ['revenue', 'Income:Revenue'],
    ['income', 'Income:Income'],
    ['Income:consulting', 'Income:Consulting'],
    ['liabilities:vat:19', 'Liabilities:Vat:19'],
    ['liabilities:vat:7.5', 'Liabilities:Vat:7-5'],
    ['expenses:bad-debts', 'Expenses:Bad-debts'],
    ['expense:bad debts', 'Expenses:Expense:Bad-debts'],
    ['assets:bank:{x}:_y', 'Assets:Bank:X-x-:X-y'],
    ['assets:forderungen:müller', 'Assets:Forderungen:Muller'],
  ])('%s → %s', (name, expected) => {
    expect(beancountAccount(name)).toBe(expected);
  });

  it('refuses a name under no beancount root', () => {
    expect(() => beancountAccount('erlöse:beratung')).toThrow(/beancount needs it under Assets, Liabilities, Equity, Income or Expenses/);
  });
});

describe('the hledger journal', () => {
  it('keeps descriptions on one line without comments or payee splits', () => {
    expect(journalText('A; B | C\nD')).toBe('A, B / C D');
  });

  it('declares the decimal mark, every commodity with its decimals and every account with its type', () => {
    const jpy = invoice({ currency: 'JPY', taxes: [{ category: 'S', rate: '10', base: 1000, tax: 100 }] });
    const kwd = invoice({ id: 'k', number: 'K-1', currency: 'KWD', taxes: [{ category: 'S', rate: '5', base: 1000, tax: 50 }] });
    const text = renderHledgerJournal(ledgerTransactions([jpy, kwd], defaults()), { business: 'Ada', range: 'every document' });
    expect(text).toContain('decimal-mark .\n\ncommodity 1000. JPY\ncommodity 1000.000 KWD\n');
    expect(text).toContain('account revenue  ; type: R\n');
    expect(text).toContain('    assets:receivable:globex   1100 JPY\n');
    expect(text).toContain('    assets:receivable:globex   1.050 KWD\n');
    expect(text).toContain('2026-01-15 * (INV-2026-0001) Globex GmbH | Invoice INV-2026-0001  ; invoice:INV-2026-0001, customer:globex, kind:invoice\n');
  });
});
