/**
 * The accounts of the hledger and beancount exports: what the settings `accounts.*` name, and the defaults.
 * Names are written in hledger's form (lower case, components joined by ':'); the beancount renderer maps
 * them (render/ledger-beancount.ts). Two placeholders are filled in per transaction:
 *   {customer}  the customer's id, made safe as an account name part (accountPart)
 *   {currency}  the document's ISO 4217 code
 *
 *   setting                          default                          example
 *   accounts.receivable              assets:receivable:{customer}     assets:receivable:globex
 *   accounts.revenue                 revenue                          revenue
 *   accounts.vat.<category>.<rate>   liabilities:vat:<rate> for S,    liabilities:vat:19, liabilities:vat:7.5
 *                                    liabilities:vat:<cat>:<rate>
 *   accounts.bank                    assets:bank                      assets:bank
 *   accounts.writeoff                expenses:bad-debts               expenses:bad-debts
 */
import { invalid } from './errors.js';
import { forbiddenCharacterIn } from './fields.js';
import type { LedgerAccountSettings, VatCategory } from './types.js';

export const DEFAULT_LEDGER_ACCOUNTS = {
  receivable: 'assets:receivable:{customer}',
  revenue: 'revenue',
  bank: 'assets:bank',
  writeoff: 'expenses:bad-debts',
} as const;

export type LedgerAccountRole = keyof typeof DEFAULT_LEDGER_ACCOUNTS;

const MAX_ACCOUNT_LENGTH = 200;
const PLACEHOLDER = /\{([^}]*)\}/g;

/**
 * An account name as a setting gives it. hledger ends an account name at two spaces or a tab and starts a
 * comment at ';'; brackets and parentheses around a name make a virtual posting: none of those may appear.
 */
export function parseAccountName(value: string, field: string): string {
  const text = value.trim();
  const fail = (why: string) => invalid(`${field}: '${value}' is not an account name (${why})`, 'e.g. assets:receivable:{customer} or revenue:consulting');
  if (text === '') throw fail('it is empty');
  if (text.length > MAX_ACCOUNT_LENGTH) throw fail(`at most ${MAX_ACCOUNT_LENGTH} characters`);
  if (forbiddenCharacterIn(text) !== undefined || /[\t\r\n;#"]|\s{2}/.test(text)) throw fail('no tabs, double spaces, control characters, ";", "#" or \'"\'');
  if (/^[([]|[)\]]$/.test(text)) throw fail('no brackets or parentheses around it');
  if (text.split(':').some((part) => part.trim() === '' || part !== part.trim())) throw fail('parts joined by ":", none empty');
  for (const [, name] of text.matchAll(PLACEHOLDER)) {
    if (name !== 'customer' && name !== 'currency') throw fail(`unknown placeholder {${name}}: only {customer} and {currency}`);
  }
  return text;
}

/** The key of a VAT account in the settings: "S.19", "S.7.5", "AE.0". */
export function vatAccountKey(category: VatCategory, rate: string): string {
  return `${category}.${rate}`;
}

export function defaultVatAccount(category: VatCategory, rate: string): string {
  return category === 'S' ? `liabilities:vat:${rate}` : `liabilities:vat:${category.toLowerCase()}:${rate}`;
}

/**
 * Any text as one component of an account name: letters, digits, '-' and '_'; anything else becomes '-'.
 * Customer ids are already lower-case letters, digits and dashes (identifiers.ts), so they stay as they are.
 */
export function accountPart(text: string): string {
  const safe = text.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return safe === '' ? 'unknown' : safe;
}

/** Resolves the account names of one export: settings first, defaults after, placeholders filled. */
export class LedgerAccounts {
  /** Filled names by template, customer and currency: an export of 100,000 invoices asks half a million times. */
  private readonly cache = new Map<string, Map<string, Map<string, string>>>();

  constructor(private readonly settings: LedgerAccountSettings | undefined) {}

  private fill(template: string, customer: string, currency: string): string {
    if (!template.includes('{')) return template;
    let byCustomer = this.cache.get(template);
    if (byCustomer === undefined) this.cache.set(template, (byCustomer = new Map()));
    let byCurrency = byCustomer.get(customer);
    if (byCurrency === undefined) byCustomer.set(customer, (byCurrency = new Map()));
    let name = byCurrency.get(currency);
    if (name === undefined) {
      name = template.replace(PLACEHOLDER, (_, placeholder: string) => (placeholder === 'customer' ? accountPart(customer) : accountPart(currency)));
      byCurrency.set(currency, name);
    }
    return name;
  }

  account(role: LedgerAccountRole, customer: string, currency: string): string {
    return this.fill(this.settings?.[role] ?? DEFAULT_LEDGER_ACCOUNTS[role], customer, currency);
  }

  vat(category: VatCategory, rate: string, customer: string, currency: string): string {
    const template = this.settings?.vat?.[vatAccountKey(category, rate)] ?? defaultVatAccount(category, rate);
    return this.fill(template, customer, currency);
  }
}
