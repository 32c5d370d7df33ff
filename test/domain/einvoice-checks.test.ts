// Issue 11: the rules checked before an e-invoice is written name the rule and the field, per format.
import { describe, expect, it } from 'vitest';
import { einvoiceProblems, problemLines } from '../../src/domain/einvoice-checks.js';
import { documentOf, goldenCases } from '../einvoice/cases.js';

const { doc, cases } = goldenCases();
const caseNamed = (name: string) => structuredClone(cases.find((entry) => entry.name === name)!.invoice);
const documentFor = (name: string, change: (document: ReturnType<typeof documentOf>) => void = () => undefined) => {
  const document = documentOf(doc, caseNamed(name));
  change(document);
  return document;
};

describe('einvoiceProblems', () => {
  it('accepts the golden cases in every profile', () => {
    for (const { invoice } of cases) for (const profile of ['en16931', 'peppol', 'xrechnung'] as const) expect(einvoiceProblems(documentOf(doc, invoice), profile)).toEqual([]);
  });

  it('XRechnung: the Leitweg-ID, the seller contact and the cities and post codes', () => {
    const document = documentFor('standard', (d) => {
      delete d.invoice.buyerReference;
      d.seller.contact = {};
      delete d.buyer.postalAddress!.postcode;
    });
    expect(problemLines(einvoiceProblems(document, 'xrechnung'))).toEqual([
      'BR-DE-9: buyer post code is required for XRechnung',
      'BR-DE-15: buyer reference (Leitweg-ID) is required for XRechnung',
      'BR-DE-5: seller contact name (BT-41) is required for XRechnung',
      'BR-DE-6: seller contact phone (BT-42) is required for XRechnung',
      'BR-DE-7: seller contact email (BT-43) is required for XRechnung',
    ]);
    // Plain UBL needs none of these. Peppol applies the same German rules (DE-R-*) between a German seller
    // and a German buyer (the official Peppol artefacts report DE-R-015 and DE-R-002 on such a file).
    expect(einvoiceProblems(document, 'en16931')).toEqual([]);
    expect(problemLines(einvoiceProblems(document, 'peppol'))).toEqual([
      'DE-R-009: buyer post code is required for Peppol between German parties',
      'DE-R-015: buyer reference (Leitweg-ID) is required for Peppol between German parties',
      'DE-R-005: seller contact name (BT-41) is required for Peppol between German parties',
      'DE-R-006: seller contact phone (BT-42) is required for Peppol between German parties',
      'DE-R-007: seller contact email (BT-43) is required for Peppol between German parties',
    ]);
    // A buyer outside Germany: only Peppol's own rules.
    document.buyer.postalAddress!.country = 'AT';
    expect(problemLines(einvoiceProblems(document, 'peppol'))).toEqual([]);
  });

  it('Peppol: both endpoint ids, and a buyer reference or order reference', () => {
    const document = documentFor('reverse-charge', (d) => {
      delete d.seller.endpoint;
      delete d.buyer.endpoint;
      delete d.invoice.buyerReference;
    });
    expect(problemLines(einvoiceProblems(document, 'peppol'))).toEqual([
      'PEPPOL-EN16931-R020: seller electronic address (BT-34, endpoint id with scheme) is required for Peppol',
      'PEPPOL-EN16931-R010: buyer electronic address (BT-49, endpoint id with scheme) is required for Peppol',
      'PEPPOL-EN16931-R003: a buyer reference (BT-10) or purchase order reference (BT-13) is required',
    ]);
    const unknownScheme = documentFor('reverse-charge', (d) => {
      d.buyer.endpoint = { scheme: 'EM', id: 'invoices@bxl-data.be' };
    });
    expect(problemLines(einvoiceProblems(unknownScheme, 'peppol'))).toEqual([
      "PEPPOL-EN16931-CL008: buyer electronic address scheme 'EM' is not a Peppol EAS code (e.g. 0088 GLN, 0208 Belgian company number, 9930 German VAT id)",
    ]);
    expect(einvoiceProblems(unknownScheme, 'en16931')).toEqual([]);
  });

  it('every profile: addresses and countries, VAT ids for reverse charge, exemption reasons, allowance reasons', () => {
    const document = documentFor('reverse-charge', (d) => {
      delete d.seller.postalAddress;
      d.buyer.postalAddress = { lines: ['Rue Neuve 10'] };
      delete d.buyer.taxId;
      for (const tax of d.invoice.taxes) {
        delete tax.exemptionReason;
        delete tax.exemptionCode;
      }
    });
    const lines = problemLines(einvoiceProblems(document, 'en16931'));
    expect(lines).toEqual([
      'BR-08: seller postal address is required',
      'BR-09: seller country code is required',
      'BR-11: buyer country code is required',
      "BR-AE-02: reverse charge (AE) needs the seller's VAT id and the buyer's VAT id (the buyer's VAT id missing)",
      'BR-AE-10: VAT breakdown of category AE: an exemption reason (BT-120) or code (BT-121) is required',
    ]);
    const adjusted = documentFor('allowances-charges', (d) => {
      delete d.invoice.allowances![0]!.reason;
      delete d.invoice.allowances![0]!.reasonCode;
      delete d.invoice.items[1]!.charges![0]!.reason;
      delete d.invoice.items[1]!.charges![0]!.reasonCode;
    });
    expect(problemLines(einvoiceProblems(adjusted, 'en16931'))).toEqual([
      'BR-33: document allowance 1: a reason (BT-97) or reason code (BT-98) is required',
      'BR-44: item 2 charge 1: a reason (BT-144) or reason code (BT-145) is required',
    ]);
  });

  it('XRechnung and Peppol between German parties: payment instructions (an IBAN for the currency)', () => {
    const document = documentFor('standard', (d) => {
      delete d.payment;
    });
    expect(problemLines(einvoiceProblems(document, 'xrechnung'))).toEqual(['BR-DE-1: payment instructions (BG-16: an IBAN for EUR) are required for XRechnung']);
    expect(problemLines(einvoiceProblems(document, 'peppol'))).toEqual(['DE-R-001: payment instructions (BG-16: an IBAN for EUR) are required for Peppol between German parties']);
    expect(einvoiceProblems(document, 'en16931')).toEqual([]);
  });

  it('BR-CO-26: a seller without a VAT id needs a legal registration id (a small business)', () => {
    const document = documentFor('standard', (d) => {
      delete d.seller.taxId;
      delete d.seller.registration;
    });
    expect(problemLines(einvoiceProblems(document, 'en16931'))).toContain('BR-CO-26: the seller needs a VAT id (BT-31) or a legal registration id (BT-30) so that buyers can identify it');
    document.seller.registration = 'HRB 1';
    expect(problemLines(einvoiceProblems(document, 'en16931')).filter((line) => line.startsWith('BR-CO-26'))).toEqual([]);
  });

  it('a VAT id without its country prefix, a currency with three decimals, a credit note without its invoice', () => {
    const document = documentFor('credit-note', (d) => {
      d.seller.taxId = '123456789';
      d.invoice.currency = 'KWD';
      delete d.invoice.precedingInvoice;
    });
    expect(problemLines(einvoiceProblems(document, 'en16931'))).toEqual([
      "BR-CO-09: seller VAT id '123456789' must start with its country code (e.g. DE)",
      'BR-DEC-09: amounts in KWD have 3 decimals; an e-invoice allows at most 2',
      'BG-3: credit note: the reference to the corrected invoice (BT-25) is missing',
    ]);
  });
});
