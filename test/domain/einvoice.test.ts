// Issue 11: what an e-invoice writer reads, resolved from the invoice and the settings.
import { describe, expect, it } from 'vitest';
import { einvoiceDocument } from '../../src/domain/einvoice.js';
import { TODAY, goldenCases } from '../einvoice/cases.js';

const { doc, cases } = goldenCases();
const standard = () => structuredClone(cases.find((entry) => entry.name === 'standard')!.invoice);
const business = () => structuredClone(doc.business!);

describe('einvoiceDocument', () => {
  it('takes the seller contact from contact.*, name and email defaulting to the business, the phone never', () => {
    const settings = business();
    settings.contact = { phone: '+49 30 1' };
    const invoice = standard();
    invoice.issuer = { name: 'Ada Consulting GmbH', email: 'billing@ada-consulting.de' };
    expect(einvoiceDocument(invoice, settings, undefined, TODAY).seller.contact).toEqual({ name: 'Ada Consulting GmbH', phone: '+49 30 1', email: 'billing@ada-consulting.de' });
    delete settings.contact;
    expect(einvoiceDocument(invoice, settings, undefined, TODAY).seller.contact).toEqual({ name: 'Ada Consulting GmbH', email: 'billing@ada-consulting.de' });
  });

  it('prefers what the invoice froze at issue to the current settings, and fills only what it lacks', () => {
    const settings = business();
    const invoice = standard();
    invoice.issuer = { name: 'Ada (as issued)', email: 'old@ada.test', taxId: 'DE999999999' };
    const { seller } = einvoiceDocument(invoice, settings, undefined, TODAY);
    expect(seller.name).toBe('Ada (as issued)');
    expect(seller.taxId).toBe('DE999999999');
    expect(seller.postalAddress).toEqual(settings.postalAddress);
  });

  it("pays to the invoice's frozen account, else the settings' account for its currency, else none", () => {
    const settings = business();
    const invoice = standard();
    expect(einvoiceDocument(invoice, settings, undefined, TODAY).payment?.iban).toBe('DE89370400440532013000');
    invoice.presentation = { template: 'classic', lang: 'de', legalNotes: ['Steuerfrei nach § 19 UStG.'], payment: { iban: 'DE02120300000000202051' } };
    const frozen = einvoiceDocument(invoice, settings, undefined, TODAY);
    expect(frozen.payment?.iban).toBe('DE02120300000000202051');
    expect(frozen.notes).toEqual(['Thank you for your order.', 'Steuerfrei nach § 19 UStG.']);
    const usd = standard();
    usd.currency = 'USD';
    delete usd.presentation; // as before schema 4: the settings' account for its currency, which USD lacks
    expect(einvoiceDocument(usd, settings, undefined, TODAY).payment).toBeUndefined();
  });

  it("fills the buyer's missing fields from the customer record (invoices frozen before they existed)", () => {
    const invoice = standard();
    delete invoice.customer.postalAddress;
    const live = doc.customers.find((customer) => customer.id === 'stadt')!;
    expect(einvoiceDocument(invoice, business(), live, TODAY).buyer.postalAddress).toEqual(live.postalAddress);
  });
});
