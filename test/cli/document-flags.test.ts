/** The invoice-wide flags of invoice new/edit map onto the JSON input fields, and bad values are usage errors. */
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { documentFieldsFromFlags } from '../../src/cli/document-flags.js';
import { addDocumentOptions } from '../../src/cli/document-options.js';
import { addItemOptions } from '../../src/cli/item-options.js';
import { DomainError } from '../../src/domain/errors.js';
import { UsageError } from '../../src/cli/errors.js';
import { toOptions as newOptions } from '../../src/commands/invoice/new.js';
import { toOptions as editOptions } from '../../src/commands/invoice/edit.js';

function opts(argv: string[]) {
  const command = addDocumentOptions(addItemOptions(new Command('new').exitOverride().option('--customer <c>').option('--note <n>')));
  command.parse(argv, { from: 'user' });
  return command.opts();
}

describe('document flags', () => {
  it('map onto serviceDate, servicePeriod, the references, allowances and charges', () => {
    expect(
      documentFieldsFromFlags(
        opts([
          '--service-date', '2026-11-03', '--period', '2026-11-01..2026-11-30', '--po', 'PO-4711', '--buyer-reference', '04011000-12345-67', '--contract', 'Framework 2026',
          '--invoice-discount', '5%', '--invoice-discount-reason', 'Early payment', '--charge', '12.50', '--charge-reason', 'Shipping', '--charge-tax', '19', '--charge-category', 's',
        ]),
      ),
    ).toEqual({
      serviceDate: '2026-11-03',
      servicePeriod: { start: '2026-11-01', end: '2026-11-30' },
      purchaseOrder: 'PO-4711',
      buyerReference: '04011000-12345-67',
      contract: 'Framework 2026',
      allowances: [{ percent: '5', reason: 'Early payment' }],
      charges: [{ amount: '12.50', reason: 'Shipping', taxRate: '19', taxCategory: 'S' }],
    });
  });

  it('gives nothing when no document flag was used', () => {
    expect(documentFieldsFromFlags(opts([]))).toEqual({});
  });

  it.each([
    [['--period', '2026-11-30..2026-11-01'], UsageError, /--period: the end 2026-11-01 is before the start 2026-11-30/],
    [['--period', '2026-11-01'], UsageError, /--period: '2026-11-01' is not <start>..<end>/],
    [['--period', '2026-11-01..2026-02-30'], DomainError, /--period end: '2026-02-30' is not a date/],
    [['--service-date', 'tomorrow'], DomainError, /--service-date: 'tomorrow' is not a date/],
    [['--po', 'a\nb'], UsageError, /--po: must be one line/],
    [['--invoice-discount', '5 percent'], UsageError, /--invoice-discount: '5 percent' is not a percentage/],
    [['--invoice-discount-reason', 'x'], UsageError, /--invoice-discount-reason: needs --invoice-discount/],
    [['--charge-reason', 'Shipping'], UsageError, /--charge-reason: needs --charge/],
    [['--charge-tax', '19'], UsageError, /--charge-tax: needs --charge/],
    [['--charge', '5', '--charge-tax', '119'], UsageError, /--charge-tax: '119' is not a percentage from 0 to 100/],
    [['--charge', '5', '--charge-category', 'Q'], UsageError, /--charge-category: 'Q' is not a VAT category/],
  ])('refuses %j', (argv, kind, message) => {
    expect(() => documentFieldsFromFlags(opts(argv))).toThrow(kind);
    expect(() => documentFieldsFromFlags(opts(argv))).toThrow(message);
  });
});

describe('invoice new and edit take them with the items', () => {
  it('invoice new: flags become the input fields, items with their units and discounts', () => {
    const options = newOptions({ args: [], opts: opts(['--customer', 'globex', '--item', 'Consulting', '--qty', '12', '--unit', 'HUR', '--price', '95', '--tax', '19', '--discount', '10%', '--po', 'PO-1', '--period', '2026-11-01..2026-11-30']) });
    expect(options.flags).toEqual({
      customer: 'globex',
      items: [{ description: 'Consulting', quantity: '12', unit: 'HUR', unitPrice: '95', taxRate: '19', allowances: [{ percent: '10' }] }],
      purchaseOrder: 'PO-1',
      servicePeriod: { start: '2026-11-01', end: '2026-11-30' },
    });
  });

  it('invoice edit: a reference alone is a change', () => {
    expect(editOptions({ args: ['INV-2026-0001'], opts: opts(['--contract', 'C-9']) }).changes).toEqual({ contract: 'C-9' });
    expect(() => editOptions({ args: ['INV-2026-0001'], opts: opts([]) })).toThrow(/nothing to change: .*--service-date, --period, --po/);
  });
});
