/** Flags → options of `report vat` and `report ec-sales`: periods, basis, and usage errors before the store is read. */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/errors.js';
import { DomainError } from '../../src/domain/errors.js';
import { toOptions as ecSalesOptions } from '../../src/commands/report/ec-sales.js';
import { taxPeriod } from '../../src/commands/report/tax-period.js';
import { toOptions as vatOptions } from '../../src/commands/report/vat.js';

const vat = (opts: Record<string, unknown>) => vatOptions({ args: [], opts });

describe('report vat toOptions', () => {
  it('reads the period flags and the basis', () => {
    expect(vat({})).toEqual({ output: { format: 'human' }, basis: 'invoice', period: {} });
    expect(vat({ quarter: '2026-Q4', basis: 'payment', json: true })).toEqual({ output: { format: 'json' }, basis: 'payment', period: { period: { from: '2026-10-01', to: '2026-12-31' } } });
    expect(vat({ month: '2026-02', csv: true }).period).toEqual({ period: { from: '2026-02-01', to: '2026-02-28' } });
    expect(vat({ from: '2026-01-15', to: '2026-02-14' }).period).toEqual({ from: '2026-01-15', to: '2026-02-14' });
  });

  it('refuses exclusive groups, bad periods and bases as usage errors', () => {
    for (const opts of [{ quarter: '2026-Q4', month: '2026-11' }, { quarter: '2026-Q4', from: '2026-10-01' }, { month: '2026-11', to: '2026-11-30' }, { basis: 'cash' }, { json: true, csv: true }]) {
      expect(() => vat(opts)).toThrow(UsageError);
    }
    for (const opts of [{ quarter: '2026-4' }, { month: '2026-1' }, { from: '2026-02-30' }]) expect(() => vat(opts)).toThrow(DomainError);
    expect(() => ecSalesOptions({ args: [], opts: { month: '2026-11', quarter: '2026-Q4' } })).toThrow(/--quarter and --month cannot be used together/);
  });
});

describe('taxPeriod', () => {
  it('resolves the default and half-open ranges against today', () => {
    expect(taxPeriod({}, '2026-11-25')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(taxPeriod({ from: '2026-10-01' }, '2026-11-25')).toEqual({ from: '2026-10-01', to: '2026-11-25' });
    expect(taxPeriod({ to: '2026-09-30' }, '2026-11-25')).toEqual({ from: '1900-01-01', to: '2026-09-30' });
    expect(() => taxPeriod({ from: '2026-12-01' }, '2026-11-25')).toThrow(UsageError);
  });
});
