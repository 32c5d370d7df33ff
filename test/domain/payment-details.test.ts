import { describe, expect, it } from 'vitest';
import { epcQrPayload, normalizeBic, normalizeIban, paymentAccountFor, printableIban } from '../../src/domain/payment-details.js';

describe('IBAN', () => {
  it.each([
    ['DE89 3704 0044 0532 0130 00', 'DE89370400440532013000'],
    ['gb82 west 1234 5698 7654 32', 'GB82WEST12345698765432'],
    ['FR1420041010050500013M02606', 'FR1420041010050500013M02606'],
    ['NL91ABNA0417164300', 'NL91ABNA0417164300'],
  ])('accepts %s', (text, iban) => {
    expect(normalizeIban(text, 'iban')).toBe(iban);
  });

  it.each([
    ['DE89370400440532013001', /check digits do not match/],
    ['DE8937040044053201300', /has 22 characters/],
    ['not an iban', /is not an IBAN/],
    ['1234567890123456', /is not an IBAN/],
  ])('refuses %s', (text, message) => {
    expect(() => normalizeIban(text, 'payment.iban')).toThrow(message);
  });

  it('prints in groups of four', () => {
    expect(printableIban('DE89370400440532013000')).toBe('DE89 3704 0044 0532 0130 00');
  });
});

describe('BIC', () => {
  it('accepts 8 and 11 characters and refuses others', () => {
    expect(normalizeBic('cobadeffxxx', 'bic')).toBe('COBADEFFXXX');
    expect(normalizeBic('COBADEFF', 'bic')).toBe('COBADEFF');
    expect(() => normalizeBic('COBADE', 'payment.bic')).toThrow(/payment.bic: 'COBADE' is not a BIC/);
  });
});

describe('EPC QR code', () => {
  it('follows EPC069-12 version 002', () => {
    expect(epcQrPayload({ beneficiary: 'Ada Consulting', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', amount: 178500, remittance: 'INV-2026-0001' })).toBe(
      'BCD\n002\n1\nSCT\nCOBADEFFXXX\nAda Consulting\nDE89370400440532013000\nEUR1785.00\n\n\nINV-2026-0001',
    );
  });

  it('leaves the BIC empty when not given, and folds line breaks in names', () => {
    expect(epcQrPayload({ beneficiary: 'Ada\nConsulting', iban: 'DE89370400440532013000', amount: 5, remittance: 'X' })).toBe('BCD\n002\n1\nSCT\n\nAda Consulting\nDE89370400440532013000\nEUR0.05\n\n\nX');
  });

  it('makes no code when nothing is due or the amount is beyond the standard', () => {
    expect(epcQrPayload({ beneficiary: 'A', iban: 'DE89370400440532013000', amount: 0, remittance: 'X' })).toBeUndefined();
    expect(epcQrPayload({ beneficiary: 'A', iban: 'DE89370400440532013000', amount: 100_000_000_000, remittance: 'X' })).toBeUndefined();
  });
});

describe('the account printed for a currency', () => {
  const payment = { iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', accounts: { USD: { iban: 'GB33BUKB20201555555555' }, CHF: { bank: 'no IBAN yet' } } };
  it('takes the currency own account, else the main one for the business currency only, else none', () => {
    expect(paymentAccountFor(payment, 'USD', 'EUR')).toEqual({ iban: 'GB33BUKB20201555555555' });
    expect(paymentAccountFor(payment, 'EUR', 'EUR')).toEqual({ iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' });
    expect(paymentAccountFor(payment, 'GBP', 'EUR')).toBeUndefined();
    expect(paymentAccountFor(payment, 'CHF', 'EUR')).toBeUndefined();
    expect(paymentAccountFor(payment, 'CHF', 'CHF')).toEqual({ iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' });
    expect(paymentAccountFor(undefined, 'EUR', 'EUR')).toBeUndefined();
  });
});
