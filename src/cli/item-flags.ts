/**
 * Line items from flags. `--item` starts an item; the `--qty`, `--price` and `--tax` after it belong to it:
 *
 *   smallpay invoice new --customer globex \
 *     --item "Design work" --qty 10 --price 150.00 --tax 19 \
 *     --item "Hosting, 12 months; prepaid" --price 240
 *
 * The description is one shell word, so it may hold any character. Quantity defaults to 1, tax to 0%.
 * Commander calls option parsers in command-line order, so every item flag appends to one shared list.
 */
import type { Command } from 'commander';
import { parseDecimal } from '../domain/decimal.js';
import type { FieldLabel, ItemInput } from '../domain/totals.js';
import { UsageError } from './errors.js';

type ItemFlag = 'item' | 'qty' | 'price' | 'tax';
interface ItemToken {
  flag: ItemFlag;
  value: string;
}

const FIELD_OF: Record<Exclude<ItemFlag, 'item'>, 'quantity' | 'unitPrice' | 'taxRate'> = { qty: 'quantity', price: 'unitPrice', tax: 'taxRate' };
const FLAG_OF = { description: '--item', quantity: '--qty', unitPrice: '--price', taxRate: '--tax' } as const;

/** "item 2 --price": how errors point at a value given by flags. */
export const flagFieldLabel: FieldLabel = (index, field) => `item ${index + 1} ${FLAG_OF[field]}`;

export function addItemOptions(command: Command): Command {
  const tokens: ItemToken[] = [];
  const collect = (flag: ItemFlag) => (value: string) => {
    tokens.push({ flag, value });
    return tokens;
  };
  return command
    .option('--item <description>', 'add a line item (repeatable); the flags after it describe it', collect('item'))
    .option('--qty <decimal>', 'quantity of the item before it (default 1)', collect('qty'))
    .option('--price <decimal>', 'unit price of the item before it, net of tax', collect('price'))
    .option('--tax <percent>', 'tax rate of the item before it, in percent (default 0)', collect('tax'));
}

/** The items given by flags, or undefined when there were none. */
export function itemsFromFlags(opts: Record<string, unknown>): ItemInput[] | undefined {
  const tokens = (opts.item ?? opts.qty ?? opts.price ?? opts.tax) as ItemToken[] | undefined;
  if (!tokens) return undefined;
  const items: ItemInput[] = [];
  for (const token of tokens) {
    if (token.flag === 'item') {
      items.push({ description: token.value, unitPrice: '' });
      continue;
    }
    const current = items[items.length - 1];
    if (!current) throw new UsageError(`--${token.flag} ${token.value}: must follow the --item it belongs to`);
    const field = FIELD_OF[token.flag];
    const label = flagFieldLabel(items.length - 1, field);
    if (field !== 'unitPrice' ? current[field] !== undefined : current.unitPrice !== '') throw new UsageError(`${label}: given twice`);
    if (!parseDecimal(token.value)) throw new UsageError(`${label}: '${token.value}' is not a decimal number`);
    current[field] = token.value;
  }
  items.forEach((item, index) => {
    if (item.unitPrice === '') throw new UsageError(`${flagFieldLabel(index, 'unitPrice')}: missing for '${item.description}'`);
  });
  return items;
}
