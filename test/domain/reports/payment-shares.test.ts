/** Payment-basis shares: the exact rule of payment-shares.ts, by example and by property. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, cashShares } from '../../../src/domain/reports/payment-shares.js';
import type { Invoice, TaxLine } from '../../../src/domain/types.js';

const RATES = [['S', '19'], ['S', '7'], ['Z', '0'], ['AE', '0'], ['S', '5.5']] as const;

function invoiceOf(taxes: TaxLine[], payments: { amount: number; date: string }[], refunds: { amount: number; date: string }[] = []): Invoice {
  const total = taxes.reduce((sum, line) => sum + line.base + line.tax, 0);
  return { id: 'inv', type: 'invoice', taxes, total, payments, refunds, paid: payments.reduce((s, p) => s + p.amount, 0) } as unknown as Invoice;
}

const day = (n: number) => `2026-${String(1 + Math.floor(n / 28)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;

/** 1 to 4 distinct groups with nets up to 10^9 minor units (10 million EUR) and VAT up to 20 % of them. */
const breakdown = fc
  .uniqueArray(fc.constantFrom(...RATES), { minLength: 1, maxLength: 4, selector: ([c, r]) => `${c} ${r}` })
  .chain((groups) =>
    fc.tuple(...groups.map(([category, rate]) => fc.tuple(fc.integer({ min: 1, max: 1_000_000_000 }), fc.integer({ min: 0, max: 20 })).map(([base, percent]): TaxLine => ({ category, rate, base, tax: rate === '0' ? 0 : Math.floor((base * percent) / 100) })))),
  );

/** Splits `total` into 1 to 6 positive parts. */
const splitOf = (total: number) =>
  fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, total - 1) }), { maxLength: 5 }).map((cuts) => {
    const points = [0, ...cuts.filter((c) => c < total).sort((a, b) => a - b), total];
    return points.slice(1).map((point, index) => point - (points[index] as number));
  });

const sumsPerGroup = (shares: ReturnType<typeof cashShares>) => {
  const sums = new Map<string, { net: number; tax: number }>();
  for (const share of shares) {
    for (const group of share.groups) {
      const entry = sums.get(`${group.category} ${group.rate}`) ?? { net: 0, tax: 0 };
      entry.net += group.net;
      entry.tax += group.tax;
      sums.set(`${group.category} ${group.rate}`, entry);
    }
  }
  return sums;
};

describe('allocate', () => {
  it('splits by largest remainders: the worked example of the header', () => {
    expect(allocate([100000, 19000, 10000, 700], 50000)).toEqual([38550, 7325, 3855, 270]);
    expect(allocate([100000, 19000, 10000, 700], 129700)).toEqual([100000, 19000, 10000, 700]);
    // Ties go to the earlier part: 1 cent over three equal parts.
    expect(allocate([1, 1, 1], 1)).toEqual([1, 0, 0]);
    expect(allocate([1, 1, 1], 2)).toEqual([1, 1, 0]);
    expect(() => allocate([0, 0], 1)).toThrow(RangeError);
  });

  it('always adds up to the amount, each share within a unit of its exact proportion, exact at the total', () => {
    fc.assert(
      // Parts up to 10^14 minor units (a negative one: a group of returns), amounts from −2 to +2 times the total.
      fc.property(fc.array(fc.integer({ min: -1_000_000, max: 100_000_000_000_000 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: -2000, max: 2000 }), fc.nat({ max: 999 }), (parts, permille, extra) => {
        fc.pre(parts.reduce((s, p) => s + p, 0) > 0);
        const total = parts.reduce((s, p) => s + p, 0);
        const amount = Number((BigInt(total) * BigInt(permille)) / 1000n) + extra;
        const shares = allocate(parts, amount);
        expect(shares.reduce((s, p) => s + p, 0)).toBe(amount);
        shares.forEach((share, index) => {
          const exact = (BigInt(parts[index] as number) * BigInt(amount) * 1000n) / BigInt(total);
          expect(Math.abs(Number(BigInt(share) * 1000n - exact))).toBeLessThan(1001);
        });
        expect(allocate(parts, total)).toEqual(parts);
      }),
    );
  });
});

describe('cashShares', () => {
  it('the shares of all payments of a fully paid invoice add up exactly to its net and VAT per rate', () => {
    fc.assert(
      fc.property(
        breakdown.chain((taxes) => fc.tuple(fc.constant(taxes), splitOf(taxes.reduce((s, l) => s + l.base + l.tax, 0)))),
        ([taxes, parts]) => {
          const invoice = invoiceOf(taxes, parts.map((amount, index) => ({ amount, date: day(index) })));
          const shares = cashShares(invoice, []);
          // Each payment's shares add up to the payment.
          for (const share of shares) expect(share.groups.reduce((s, g) => s + g.net + g.tax, 0)).toBe(share.amount);
          const sums = sumsPerGroup(shares);
          for (const line of taxes) expect(sums.get(`${line.category} ${line.rate}`)).toEqual({ net: line.base, tax: line.tax });
        },
      ),
    );
  });

  it('with a credit note on one group and a refund that settles it, the shares add up to the invoice less the credit note', () => {
    fc.assert(
      fc.property(
        breakdown.chain((taxes) => fc.tuple(fc.constant(taxes), splitOf(taxes.reduce((s, l) => s + l.base + l.tax, 0)), fc.nat({ max: taxes.length - 1 }), fc.integer({ min: 1, max: 100 }), fc.nat({ max: 6 }))),
        ([taxes, parts, which, percent, noteDay]) => {
          const credited = taxes[which] as TaxLine;
          const note: TaxLine = { ...credited, base: Math.floor((credited.base * percent) / 100), tax: Math.floor((credited.tax * percent) / 100) };
          fc.pre(note.base + note.tax > 0);
          // Paid in full, then the credit note, then the refund of its total.
          const refundDay = day(parts.length + 7);
          const invoice = invoiceOf(taxes, parts.map((amount, index) => ({ amount, date: day(index) })), [{ amount: note.base + note.tax, date: refundDay }]);
          const shares = cashShares(invoice, [{ issueDate: day(Math.max(noteDay, parts.length)), taxes: [note] } as unknown as Invoice]);
          const sums = sumsPerGroup(shares);
          for (const line of taxes) {
            const minus = line === credited ? note : { base: 0, tax: 0 };
            expect(sums.get(`${line.category} ${line.rate}`)).toEqual({ net: line.base - minus.base, tax: line.tax - minus.tax });
          }
          expect(shares.at(-1)).toMatchObject({ kind: 'refund', amount: -(note.base + note.tax) });
        },
      ),
    );
  });

  it('a credit note before payment: the payments split over what is left', () => {
    // 100.00 at 19 % (19.00) and 100.00 at 7 % (7.00); the 7 % line credited in full; 119.00 paid.
    const taxes: TaxLine[] = [
      { category: 'S', rate: '7', base: 10000, tax: 700 },
      { category: 'S', rate: '19', base: 10000, tax: 1900 },
    ];
    const note = { issueDate: '2026-02-01', taxes: [taxes[0]] } as unknown as Invoice;
    const shares = cashShares(invoiceOf(taxes, [{ amount: 11900, date: '2026-02-10' }]), [note]);
    expect(shares[0]?.groups).toEqual([
      { category: 'S', rate: '7', net: 0, tax: 0 },
      { category: 'S', rate: '19', net: 10000, tax: 1900 },
    ]);
  });

  it('a fully credited invoice refunded in two parts takes back the rates it was paid at', () => {
    const taxes: TaxLine[] = [{ category: 'S', rate: '19', base: 10000, tax: 1900 }];
    const note = { issueDate: '2026-03-01', taxes } as unknown as Invoice;
    const shares = cashShares(invoiceOf(taxes, [{ amount: 11900, date: '2026-02-01' }], [{ amount: 5000, date: '2026-03-05' }, { amount: 6900, date: '2026-03-06' }]), [note]);
    // 69.00 of 119.00 over 100.00, 19.00: 57.983…, 11.016… → 57.98, 11.02; so the first refund counts −42.02 / −7.98.
    expect(shares.map((s) => [s.kind, s.groups[0]?.net, s.groups[0]?.tax])).toEqual([
      ['payment', 10000, 1900],
      ['refund', -4202, -798],
      ['refund', -5798, -1102],
    ]);
  });
});
