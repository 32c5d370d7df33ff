/**
 * What an issued invoice freezes (issue 10): everything its PDF shows beyond the invoice's own data, so that
 * rendering it again gives the same document, byte for byte, whatever settings change later.
 *
 * Frozen at issue, into `invoice.presentation`:
 * - template (the pdf.template setting, else the built-in default), labels language, accent colour, footer;
 * - the payment account of the invoice's currency (see paymentAccountFor), or none;
 * - the logo: its path and the SHA-256 of its bytes, which the renderer checks before drawing it;
 * - the legal notes (exemption notes of its VAT groups, e.g. the small-business note).
 * The parties are frozen beside it, as `issuer` and `customer`. Drafts have no presentation and follow the
 * current settings; so do invoices issued before schema 4, which have none either.
 *
 * The core reads no files: the logo's digest is handed in by the command that issues (IssueFacts).
 */
import { paymentAccountFor } from './payment-details.js';
import type { Business, FrozenPresentation, Invoice, TaxLine } from './types.js';

/** The template an invoice uses when neither a flag nor the pdf.template setting names one. */
export const DEFAULT_TEMPLATE = 'classic';

/** What issuing needs to know from outside the core: the digest of the logo file named by pdf.logo. */
export interface IssueFacts {
  logo?: { path: string; sha256: string };
}

/** The notes a document prints about VAT: each group's exemption reason (or code, when it has no text), once each. */
export function legalNotesOf(taxes: readonly TaxLine[]): string[] {
  const notes: string[] = [];
  for (const line of taxes) {
    const note = line.exemptionReason ?? line.exemptionCode;
    if (note !== undefined && note.trim() !== '' && !notes.includes(note)) notes.push(note);
  }
  return notes;
}

/**
 * The presentation of `invoice` under the current settings: frozen at issue, and what a draft shows. The
 * logo counts only when its digest was read for the path the settings name now.
 */
export function currentPresentation(invoice: Invoice, business: Business, facts: IssueFacts = {}): FrozenPresentation {
  const pdf = business.pdf ?? {};
  const account = paymentAccountFor(business.payment, invoice.currency, business.currency);
  const logo = pdf.logo !== undefined && facts.logo?.path === pdf.logo ? facts.logo : undefined;
  return {
    template: pdf.template ?? DEFAULT_TEMPLATE,
    lang: invoice.lang ?? invoice.customer.lang ?? business.lang,
    ...(pdf.footer !== undefined && { footer: pdf.footer }),
    ...(account && {
      payment: { ...(account.bank !== undefined && { bank: account.bank }), iban: account.iban, ...(account.bic !== undefined && { bic: account.bic }) },
    }),
    ...(logo && { logo: { path: logo.path, sha256: logo.sha256 } }),
    ...(pdf.accentColor !== undefined && { accentColor: pdf.accentColor }),
    legalNotes: legalNotesOf(invoice.taxes),
  };
}

/**
 * After an edit of an issued (unsent) invoice: its notes follow its new VAT groups; the settings it froze at
 * issue stay frozen.
 */
export function refreshLegalNotes(invoice: Invoice): void {
  if (invoice.presentation) invoice.presentation.legalNotes = legalNotesOf(invoice.taxes);
}
