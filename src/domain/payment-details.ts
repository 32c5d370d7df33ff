/**
 * Bank details for payment instructions, and the EPC QR code ("GiroCode", EPC069-12) that European banking
 * apps scan to prefill a SEPA credit transfer.
 */
import { invalid } from './errors.js';
import { formatAmount } from './money.js';
import type { PaymentAccount, PaymentSettings } from './types.js';

/**
 * The account printed on an invoice in `currency`, or none:
 * - the account given for that currency (settings payment.<CUR>.iban, .bic, .bank), if it has an IBAN;
 * - else the main account (payment.iban, .bic, .bank), only for invoices in the business's own currency;
 * - else none: an invoice in a currency no account is declared for prints no payment details, rather than an
 *   account that may not take that currency (a USD invoice used to show the EUR IBAN).
 * Examples, business currency EUR, payment.iban DE89…, payment.USD.iban GB33…: EUR → DE89…, USD → GB33…,
 * CHF → none.
 */
export function paymentAccountFor(payment: PaymentSettings | undefined, currency: string, businessCurrency: string): (PaymentAccount & { iban: string }) | undefined {
  const own = payment?.accounts && Object.hasOwn(payment.accounts, currency) ? payment.accounts[currency] : undefined;
  if (own?.iban !== undefined) return { ...own, iban: own.iban };
  if (currency === businessCurrency && payment?.iban !== undefined) {
    const { bank, iban, bic } = payment;
    return { ...(bank !== undefined && { bank }), iban, ...(bic !== undefined && { bic }) };
  }
  return undefined;
}

/** IBAN lengths of the SEPA countries (ISO 13616 registry); others are checked by format and checksum only. */
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24, AT: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20, ES: 24, FI: 18, FR: 27, GB: 22,
  GI: 23, GR: 27, HR: 21, HU: 28, IE: 22, IS: 26, IT: 27, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MT: 31, NL: 18,
  NO: 15, PL: 28, PT: 25, RO: 24, SE: 24, SI: 19, SK: 24, SM: 27, VA: 22,
};

/** ISO 7064 mod 97-10, on the rearranged IBAN with letters as numbers (A=10 … Z=35), nine digits at a time. */
function ibanChecksumValid(iban: string): boolean {
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  let remainder = 0;
  for (let start = 0; start < digits.length; start += 7) {
    remainder = Number(`${remainder}${digits.slice(start, start + 7)}`) % 97;
  }
  return remainder === 1;
}

/** "de89 3704 0044 0532 0130 00" → "DE89370400440532013000", or an error naming the field. */
export function normalizeIban(text: string, field: string): string {
  const iban = text.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) throw invalid(`${field}: '${text}' is not an IBAN`);
  const expected = IBAN_LENGTHS[iban.slice(0, 2)];
  if (expected !== undefined && iban.length !== expected) throw invalid(`${field}: an IBAN of ${iban.slice(0, 2)} has ${expected} characters, '${text}' has ${iban.length}`);
  if (!ibanChecksumValid(iban)) throw invalid(`${field}: '${text}' is not a valid IBAN (its check digits do not match)`);
  return iban;
}

/** Groups of four, as printed: "DE89 3704 0044 0532 0130 00". */
export function printableIban(iban: string): string {
  return iban.replace(/(.{4})(?=.)/g, '$1 ');
}

export function normalizeBic(text: string, field: string): string {
  const bic = text.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/.test(bic)) throw invalid(`${field}: '${text}' is not a BIC (8 or 11 letters and digits, e.g. COBADEFFXXX)`);
  return bic;
}

export interface EpcTransfer {
  beneficiary: string;
  iban: string;
  bic?: string;
  /** Minor units of EUR. */
  amount: number;
  /** Shown to the payer and sent with the transfer: the invoice number. */
  remittance: string;
}

const EPC_MAX_AMOUNT = 99_999_999_999; // 999,999,999.99 EUR

/**
 * The text of an EPC QR code, version 002, UTF-8: service tag, version, character set, identification,
 * BIC (optional in 002), name (≤ 70), IBAN, amount ("EUR1785.00"), purpose, structured reference,
 * unstructured remittance (≤ 140). Undefined when no code can be made (nothing due, or too much).
 */
export function epcQrPayload(transfer: EpcTransfer): string | undefined {
  if (transfer.amount < 1 || transfer.amount > EPC_MAX_AMOUNT) return undefined;
  const clean = (text: string, max: number) => text.replace(/[\r\n]+/g, ' ').trim().slice(0, max);
  return [
    'BCD',
    '002',
    '1',
    'SCT',
    transfer.bic ?? '',
    clean(transfer.beneficiary, 70),
    transfer.iban,
    `EUR${formatAmount(transfer.amount, 'EUR')}`,
    '',
    '',
    clean(transfer.remittance, 140),
  ].join('\n');
}
