import { describe, expect, it } from 'vitest';
import { changeSetting } from '../../src/domain/business.js';
import { createInvoice } from '../../src/domain/invoices.js';
import type { RunIdentity } from '../../src/domain/outbox.js';
import { verifyStore } from '../../src/domain/verify.js';
import { nextId, sampleDocument } from './fixtures.js';

const run: RunIdentity = { pid: 1, host: 'box', token: 't', now: 0, isAlive: () => false };

describe('verify', () => {
  it('finds the place of numbers that carry no series, even when the sequence repeats the year', () => {
    const doc = sampleDocument();
    changeSetting(doc.business!, 'numberFormat', 'INV-{YYYY}-{SEQ}');
    for (let i = 0; i < 3; i += 1) createInvoice(doc, { customer: 'globex', items: [{ description: 'x', unitPrice: '1' }] }, { today: '2026-11-25', id: nextId() });
    for (const invoice of doc.invoices) {
      delete invoice.series;
      delete invoice.sequence;
    }
    // Make the third number look like its year: INV-2026-2026, with the counter following.
    doc.invoices[2]!.number = 'INV-2026-2026';
    doc.sequences['INV-2026-{SEQ}'] = 2026;
    const numbers = verifyStore(doc, run).find((check) => check.name === 'numbers')!.problems;
    expect(numbers[0]).toBe('INV-2026-#3: missing, a gap in the series INV-2026-{SEQ}');
    expect(numbers).toHaveLength(2023);
  });

  it('passes a sound document', () => {
    const doc = sampleDocument();
    createInvoice(doc, { customer: 'globex', items: [{ description: 'x', unitPrice: '1', taxRate: '19' }] }, { today: '2026-11-25', id: nextId() });
    expect(verifyStore(doc, run).every((check) => check.problems.length === 0)).toBe(true);
  });

  describe('imported numbers (issue 12)', () => {
    const numbers = (doc: ReturnType<typeof sampleDocument>) => verifyStore(doc, run).find((check) => check.name === 'numbers')!.problems;
    const issue = (doc: ReturnType<typeof sampleDocument>) => createInvoice(doc, { customer: 'globex', items: [{ description: 'x', unitPrice: '1' }] }, { today: '2026-11-25', id: nextId() });

    it('counts gaps only after the highest imported number of a series', () => {
      const doc = sampleDocument();
      const imported = issue(doc);
      // As an import leaves it: INV-2026-0007 from the tool used before, the series continuing after it.
      Object.assign(imported, { number: 'INV-2026-0007', sequence: 7, imported: { at: '2026-11-25' } });
      doc.sequences['INV-2026-{SEQ}'] = 7;
      expect(numbers(doc)).toEqual([]);
      expect(issue(doc).number).toBe('INV-2026-0008');
      expect(numbers(doc)).toEqual([]);
      // A gap in SmallPay's own numbers after the imported ones is still one.
      doc.sequences['INV-2026-{SEQ}'] = 9;
      expect(numbers(doc)).toEqual(['INV-2026-#9: missing, a gap in the series INV-2026-{SEQ}']);
    });

    it('the same gap without the import mark is reported', () => {
      const doc = sampleDocument();
      Object.assign(issue(doc), { number: 'INV-2026-0007', sequence: 7 });
      doc.sequences['INV-2026-{SEQ}'] = 7;
      expect(numbers(doc)).toHaveLength(6);
    });

    it('an imported number outside the series is only checked for uniqueness', () => {
      const doc = sampleDocument();
      const imported = issue(doc);
      Object.assign(imported, { number: 'RE-2025-17', imported: { at: '2026-11-25' } });
      delete imported.series;
      delete imported.sequence;
      doc.sequences = {};
      expect(numbers(doc)).toEqual([]);
      Object.assign(issue(doc), { number: 'RE-2025-17', imported: { at: '2026-11-25' }, series: undefined, sequence: undefined });
      expect(numbers(doc)).toContain('RE-2025-17: used by 2 invoices');
    });
  });
});
