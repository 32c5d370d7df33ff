import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { itemsFromFlags } from '../../src/cli/item-flags.js';
import { addItemOptions } from '../../src/cli/item-options.js';
import { UsageError } from '../../src/cli/errors.js';

function parse(argv: string[]) {
  const command = addItemOptions(new Command('new').exitOverride());
  command.parse(argv, { from: 'user' });
  return itemsFromFlags(command.opts());
}

describe('item flags', () => {
  it('groups each --qty, --price and --tax with the --item before it', () => {
    expect(parse(['--item', 'Design work', '--qty', '10', '--price', '150.00', '--tax', '19', '--item', 'Hosting', '--price', '20'])).toEqual([
      { description: 'Design work', quantity: '10', unitPrice: '150.00', taxRate: '19' },
      { description: 'Hosting', unitPrice: '20' },
    ]);
  });

  it('takes the flags of an item in any order', () => {
    expect(parse(['--item', 'A', '--tax', '7', '--price', '1', '--qty', '2.5'])).toEqual([{ description: 'A', quantity: '2.5', unitPrice: '1', taxRate: '7' }]);
  });

  it('gives undefined when no item flag was used', () => {
    expect(parse([])).toBeUndefined();
  });

  it.each([
    [['--price', '1', '--item', 'A'], /--price 1: must follow the --item it belongs to/],
    [['--item', 'A', '--price', '1', '--price', '2'], /item 1 --price: given twice/],
    [['--item', 'A', '--qty', 'two', '--price', '1'], /item 1 --qty: 'two' is not a decimal number/],
    [['--item', 'A', '--price', '1', '--item', 'B'], /item 2 --price: missing for 'B'/],
  ])('refuses %j', (argv, message) => {
    expect(() => parse(argv)).toThrow(UsageError);
    expect(() => parse(argv)).toThrow(message);
  });

  it('starts afresh for every program it is added to', () => {
    parse(['--item', 'A', '--price', '1']);
    expect(parse(['--item', 'B', '--price', '2'])).toEqual([{ description: 'B', unitPrice: '2' }]);
  });

  it('reads the unit, category, exemption reason and discounts of each item (issue 10)', () => {
    expect(
      parse([
        '--item', 'Consulting', '--qty', '12', '--unit', 'h', '--price', '95', '--discount', '10%', '--discount-reason', 'Loyalty', '--discount', '25.00',
        '--item', 'Export crate', '--price', '40', '--category', 'g', '--exemption-reason', 'Export outside the EU',
      ]),
    ).toEqual([
      { description: 'Consulting', quantity: '12', unit: 'h', unitPrice: '95', allowances: [{ percent: '10', reason: 'Loyalty' }, { amount: '25.00' }] },
      { description: 'Export crate', unitPrice: '40', taxCategory: 'G', exemptionReason: 'Export outside the EU' },
    ]);
  });

  it.each([
    [['--unit', 'h', '--item', 'A', '--price', '1'], /--unit h: must follow the --item it belongs to/],
    [['--item', 'A', '--price', '1', '--unit', 'h', '--unit', 'DAY'], /item 1 --unit: given twice/],
    [['--item', 'A', '--price', '1', '--category', 'X'], /item 1 --category: 'X' is not a VAT category \(S, Z, E, AE, K, G, O\)/],
    [['--item', 'A', '--price', '1', '--discount', 'ten'], /item 1 --discount: 'ten' is not a percentage \(10%\) or an amount \(25.00\) above 0/],
    [['--item', 'A', '--price', '1', '--discount', '0%'], /item 1 --discount: '0%' is not a percentage/],
    [['--item', 'A', '--price', '1', '--discount', '-5'], /item 1 --discount: '-5' is not/],
    [['--item', 'A', '--price', '1', '--discount', '101%'], /item 1 --discount: '101%' is more than 100%/],
    [['--item', 'A', '--price', '1', '--discount-reason', 'why'], /item 1 --discount-reason: must follow the --discount it belongs to/],
    [['--item', 'A', '--price', '1', '--discount', '5%', '--discount-reason', 'a', '--discount-reason', 'b'], /given twice for one --discount/],
  ])('refuses %j (issue 10 flags)', (argv, message) => {
    expect(() => parse(argv)).toThrow(UsageError);
    expect(() => parse(argv)).toThrow(message);
  });
});
