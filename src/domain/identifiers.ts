/**
 * The alphabets of the names SmallPay gives records. They are checked when a store is loaded and by
 * `smallpay verify`, because a store can be edited by hand or restored from elsewhere, and these names end
 * up in file names (PDFs, .eml files), command lines and mail headers.
 *   invoice number   INV-2026-0001: letters, digits, '-', '_' and '.', starting with a letter or digit,
 *                    no '..', at most 64 characters; so never '/', '\', a leading dot or a control character;
 *   record id        inv_7k3m9x2q (invoices and drafts), msg_… (outbox), rec_… (schedules): letters, digits,
 *                    '_' and '-', starting with a letter or digit, at most 64 characters;
 *   customer id      globex-gmbh: lower-case letters and digits in groups joined by single dashes, at most 64.
 * A number format's literal text (around {YYYY}, {SEQ:4}, …) keeps to the invoice-number alphabet; see
 * numbering.ts.
 */

export const MAX_IDENTIFIER_LENGTH = 64;

const INVOICE_NUMBER = /^[A-Za-z0-9](?:[A-Za-z0-9_-]|\.(?!\.))*$/;
const RECORD_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const CUSTOMER_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const INVOICE_NUMBER_RULE = "letters, digits, '-', '_' and '.', starting with a letter or digit, no '..'";
export const RECORD_ID_RULE = "letters, digits, '_' and '-', starting with a letter or digit";
export const CUSTOMER_ID_RULE = 'lower-case letters, digits and single dashes';

const fits = (pattern: RegExp, text: string) => text.length <= MAX_IDENTIFIER_LENGTH && pattern.test(text);

export function isInvoiceNumber(text: string): boolean {
  return fits(INVOICE_NUMBER, text);
}

export function isRecordId(text: string): boolean {
  return fits(RECORD_ID, text);
}

export function isCustomerId(text: string): boolean {
  return fits(CUSTOMER_ID, text);
}
