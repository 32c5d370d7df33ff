import { describe, expect, it } from 'vitest';
import { formatInvoiceNumber, nextInvoiceNumber, seriesKey, validateNumberFormat } from '../../src/domain/numbering.js';

describe('invoice numbers', () => {
  it('fills the default format', () => {
    expect(formatInvoiceNumber('INV-{YYYY}-{SEQ:4}', '2026-11-01', 1)).toBe('INV-2026-0001');
    expect(formatInvoiceNumber('INV-{YYYY}-{SEQ:4}', '2026-11-01', 12345)).toBe('INV-2026-12345');
    expect(formatInvoiceNumber('{YY}{MM}-{SEQ}', '2027-03-09', 7)).toBe('2703-7');
  });

  it('counts per year when the format has {YYYY}', () => {
    const sequences = { 'INV-2026-{SEQ}': 41 };
    expect(nextInvoiceNumber(sequences, 'INV-{YYYY}-{SEQ:4}', '2026-12-31')).toEqual({ number: 'INV-2026-0042', series: 'INV-2026-{SEQ}', sequence: 42 });
    expect(nextInvoiceNumber(sequences, 'INV-{YYYY}-{SEQ:4}', '2027-01-01')).toEqual({ number: 'INV-2027-0001', series: 'INV-2027-{SEQ}', sequence: 1 });
  });

  it('counts per month with {YYYY}{MM}, and forever without date tokens', () => {
    expect(seriesKey('R{YYYY}{MM}-{SEQ:3}', '2026-11-30')).toBe('R202611-{SEQ}');
    expect(seriesKey('R{YYYY}{MM}-{SEQ:3}', '2026-12-01')).toBe('R202612-{SEQ}');
    expect(seriesKey('N{SEQ:6}', '2026-12-01')).toBe(seriesKey('N{SEQ:6}', '2031-01-01'));
  });

  it('keeps one counter when only the padding changes', () => {
    expect(seriesKey('INV-{YYYY}-{SEQ:4}', '2026-01-01')).toBe(seriesKey('INV-{YYYY}-{SEQ:6}', '2026-01-01'));
  });

  it.each([
    ['INV-{YYYY}', /exactly once/],
    ['{SEQ}-{SEQ}', /exactly once/],
    ['INV-{DD}-{SEQ}', /unknown placeholder \{DD\}/],
    ['INV-{MM}-{SEQ}', /\{MM\} needs \{YYYY\}/],
    ['INV {SEQ}', /may hold only/],
    ['INV/{SEQ}', /may hold only/],
    ['{YYYY:2}-{SEQ}', /width/],
    ['{SEQ:0}', /width/],
    ['', /1 to 40/],
  ])('refuses the format %j', (format, message) => {
    expect(() => validateNumberFormat(format)).toThrow(message);
  });

  it('accepts sensible formats', () => {
    for (const format of ['INV-{YYYY}-{SEQ:4}', '{YYYY}{MM}{SEQ:3}', 'A{SEQ}', '{YY}.{SEQ:5}_x']) expect(() => validateNumberFormat(format)).not.toThrow();
  });
});
