/**
 * What an e-invoice writer needs, resolved once from the stored invoice and the settings, so that every
 * syntax (UBL, CII) and the pre-write checks read the same facts:
 * - the seller as frozen on the invoice at issue; a field the snapshot lacks (invoices issued before SmallPay
 *   recorded structured addresses, endpoints or the contact) comes from the current settings;
 * - the seller contact (BG-6): settings contact.name / .phone / .email; name and email default to the
 *   business's, the phone has no default (XRechnung requires it: BR-DE-6);
 * - the payment account (BG-17): the invoice's frozen payment details when it has them, else the business's
 *   account for the invoice's currency (paymentAccountFor);
 * - the notes (BT-22): the invoice's note, then its frozen legal notes (small-business note, exemptions).
 * Pure: no clock, no files.
 */
import { paymentAccountFor } from './payment-details.js';
import type { Business, Customer, CustomerSnapshot, ElectronicAddress, Invoice, PaymentAccount, PostalAddress } from './types.js';

/** The rule sets beyond the EN 16931 core that a format must satisfy. */
export type EinvoiceProfile = 'en16931' | 'peppol' | 'xrechnung';

export interface EinvoiceSeller {
  name: string;
  email: string;
  postalAddress?: PostalAddress;
  /** BT-31 */
  taxId?: string;
  /** BT-32 */
  taxNumber?: string;
  /** BT-30 */
  registration?: string;
  /** BT-34 */
  endpoint?: ElectronicAddress;
  /** BG-6: BT-41, BT-42, BT-43. */
  contact: { name?: string; phone?: string; email?: string };
}

export interface EinvoiceDocument {
  invoice: Invoice;
  seller: EinvoiceSeller;
  buyer: CustomerSnapshot;
  /** BG-17; absent when neither the invoice nor the settings give an account for its currency. */
  payment?: PaymentAccount;
  /** BT-22, in order; empty when there is none. */
  notes: string[];
  /** For writers that render the invoice's PDF too (Factur-X): the settings and the day. */
  business: Business;
  today: string;
}

const given = (text: string | undefined): string | undefined => (text !== undefined && text.trim() !== '' ? text : undefined);

export function einvoiceDocument(invoice: Invoice, business: Business, liveCustomer: Customer | undefined, today: string): EinvoiceDocument {
  const issuer = invoice.issuer ?? business;
  const pick = <K extends keyof EinvoiceSeller & keyof Business>(key: K) => (issuer as Partial<Business>)[key] ?? business[key];
  const contact = pick('contact') ?? {};
  const seller: EinvoiceSeller = {
    name: issuer.name,
    email: issuer.email,
    ...optional('postalAddress', pick('postalAddress')),
    ...optional('taxId', given(pick('taxId'))),
    ...optional('taxNumber', given(pick('taxNumber'))),
    ...optional('registration', given(pick('registration'))),
    ...optional('endpoint', pick('endpoint')),
    contact: {
      ...optional('name', given(contact.name) ?? issuer.name),
      ...optional('phone', given(contact.phone)),
      ...optional('email', given(contact.email) ?? issuer.email),
    },
  };
  // The snapshot is the customer as invoiced; fields it lacks (older invoices) come from the customer record.
  const buyer: CustomerSnapshot = { ...pickDefined(liveCustomer), ...pickDefined(invoice.customer) } as CustomerSnapshot;
  const frozen = invoice.presentation?.payment;
  const payment = frozen?.iban !== undefined ? frozen : paymentAccountFor(business.payment, invoice.currency, business.currency);
  const notes = [invoice.note, ...(invoice.presentation?.legalNotes ?? [])].filter((note): note is string => given(note) !== undefined);
  return { invoice, seller, buyer, ...optional('payment', payment), notes, business, today };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function pickDefined(customer: Partial<Customer> | undefined): Partial<Customer> {
  if (!customer) return {};
  const { createdAt: _created, currency: _currency, terms: _terms, ...rest } = customer;
  return Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
}
