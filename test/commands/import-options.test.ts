/** Flags → options of the import verbs and export csv: usage errors before any file or store is read. */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/errors.js';
import * as exportCsv from '../../src/commands/export/csv.js';
import * as importCustomers from '../../src/commands/import/customers.js';
import * as importInvoices from '../../src/commands/import/invoices.js';

describe('import invoices flags', () => {
  it('takes the payments file as a second file or --payments, not both', () => {
    expect(importInvoices.toOptions({ args: ['in.csv', 'pay.csv'], opts: {} })).toEqual({ file: 'in.csv', payments: 'pay.csv', dryRun: false, json: false });
    expect(importInvoices.toOptions({ args: ['in.csv'], opts: { payments: 'pay.csv', dryRun: true, json: true } })).toEqual({ file: 'in.csv', payments: 'pay.csv', dryRun: true, json: true });
    expect(importInvoices.toOptions({ args: ['in.json'], opts: {} })).toEqual({ file: 'in.json', dryRun: false, json: false });
    expect(() => importInvoices.toOptions({ args: ['in.csv', 'a.csv'], opts: { payments: 'b.csv' } })).toThrow(new UsageError('give the payments file once: as the second file or with --payments'));
  });
});

describe('import customers flags', () => {
  it('reads each --map as column=field', () => {
    expect(importCustomers.toOptions({ args: ['c.csv'], opts: { map: ['Firma=name', 'E-Mail=email'], dryRun: true } })).toEqual({ file: 'c.csv', map: [['Firma', 'name'], ['E-Mail', 'email']], dryRun: true, json: false });
    expect(() => importCustomers.toOptions({ args: ['c.csv'], opts: { map: ['Firma'] } })).toThrow(UsageError);
  });
});

describe('export csv flags', () => {
  it('takes the range, --out and --payments', () => {
    expect(exportCsv.toOptions({ args: [], opts: { from: '2026-01-01', to: '2026-03-31', out: '-', payments: true } })).toEqual({ range: { from: '2026-01-01', to: '2026-03-31' }, payments: true });
    expect(() => exportCsv.toOptions({ args: [], opts: { from: '2026-04-01', to: '2026-03-31' } })).toThrow(UsageError);
  });
});
