/** The human views of customers and of the business settings. */
import type { CurrencyBalance } from '../domain/balances.js';
import { accountingImportEntries } from '../domain/accounting-import-settings.js';
import { electronicAddressText } from '../domain/parties.js';
import type { Business, Customer } from '../domain/types.js';
import { type TableStyle, renderFields, renderTable } from './table.js';
import { REDACTED } from './json.js';
import { displayMoney } from '../domain/money-format.js';
import { block, cell } from './text.js';

export function renderCustomerList(customers: readonly Customer[], style: TableStyle): string {
  return renderTable(
    [{ header: 'Id' }, { header: 'Name', shrink: true }, { header: 'Email', shrink: true }, { header: 'Currency', drop: 2 }, { header: 'Terms', align: 'right', drop: 1 }],
    customers.map((c) => [c.id, cell(c.name), cell(c.email), c.currency ?? '', c.terms === undefined ? '' : `${c.terms} d`]),
    style,
  );
}

const optional = (label: string, value: string | number | undefined): [string, string][] => (value === undefined ? [] : [[label, String(value)]]);

export function renderCustomerDetail(customer: Customer, balances: readonly CurrencyBalance[], invoiceCount: number, style: TableStyle): string {
  return renderFields(
    [
      ['Id', customer.id],
      ['Name', cell(customer.name)],
      ['Email', cell(customer.email)],
      ...optional('Address', customer.address && block(customer.address)),
      ...optional('Contact', customer.contact && cell(customer.contact)),
      ...optional('Phone', customer.phone && cell(customer.phone)),
      ...optional('Tax id', customer.taxId && cell(customer.taxId)),
      ...optional('VAT treatment', customer.vatTreatment),
      ...optional('Endpoint', customer.endpoint && cell(electronicAddressText(customer.endpoint))),
      ...optional('Currency', customer.currency),
      ...optional('Terms', customer.terms === undefined ? undefined : `${customer.terms} days`),
      ...optional('Language', customer.lang),
      ['Since', customer.createdAt],
      ['Invoices', String(invoiceCount)],
      ...balances.map((b): [string, string] => [
        `Outstanding ${b.currency}`,
        `${displayMoney(b.outstanding, b.currency)}${b.overdue > 0 ? ` (${displayMoney(b.overdue, b.currency)} overdue)` : ''}`,
      ]),
    ],
    style,
  );
}

export function renderBusiness(business: Business, style: TableStyle): string {
  return renderFields(
    [
      ['name', cell(business.name)],
      ['email', cell(business.email)],
      ['address', business.address ? block(business.address) : '-'],
      ['country', business.postalAddress?.country ?? '- (required for new invoices: smallpay config set country DE)'],
      ['taxId', business.taxId ? cell(business.taxId) : '-'],
      ...optional('taxNumber', business.taxNumber && cell(business.taxNumber)),
      ...optional('registration', business.registration && cell(business.registration)),
      ...optional('endpoint', business.endpoint && cell(electronicAddressText(business.endpoint))),
      ['currency', business.currency],
      ['terms', `${business.terms} days`],
      ['numberFormat', business.numberFormat],
      ...optional('creditNumberFormat', business.creditNumberFormat),
      ['lang', business.lang],
      ...Object.entries(business.pdf ?? {}).map(([key, value]): [string, string] => [`pdf.${key}`, block(String(value))]),
      ...Object.entries(business.payment ?? {}).flatMap(([key, value]): [string, string][] =>
        // accounts holds one account per currency: shown as the settings that set them, payment.USD.iban …
        typeof value === 'object' ? Object.entries(value as Record<string, Record<string, string>>).flatMap(([currency, account]) => Object.entries(account).map(([field, text]): [string, string] => [`payment.${currency}.${field}`, cell(String(text))])) : [[`payment.${key}`, cell(String(value))]],
      ),
      ...Object.entries(business.smtp ?? {}).map(([key, value]): [string, string] => [`smtp.${key}`, key === 'password' ? REDACTED : cell(String(value))]),
      ...Object.entries(business.mail ?? {}).map(([key, value]): [string, string] => [`mail.${key}`, cell(String(value))]),
      ...Object.entries(business.tax ?? {}).map(([key, value]): [string, string] => [`tax.${key}`, cell(String(value))]),
      ...Object.entries(business.contact ?? {}).map(([key, value]): [string, string] => [`contact.${key}`, cell(String(value))]),
      ...Object.entries(business.vat ?? {}).map(([key, value]): [string, string] => [`vat.${key}`, cell(String(value))]),
      ...accountingImportEntries(business).map(([key, value]): [string, string] => [key, cell(value)]),
      ...Object.entries(business.accounts ?? {}).flatMap(([key, value]): [string, string][] =>
        typeof value === 'object' ? Object.entries(value).map(([group, name]): [string, string] => [`accounts.vat.${group}`, cell(String(name))]) : [[`accounts.${key}`, cell(value)]],
      ),
    ],
    style,
  );
}
