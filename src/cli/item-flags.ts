/** Reads the line items given by flags (see item-options.ts for the syntax) into the core's item inputs. */
import { parseDecimal } from '../domain/decimal.js';
import type { FieldLabel, ItemInput } from '../domain/totals.js';
import { UsageError } from './errors.js';
import type { ItemFlag, ItemToken } from './item-options.js';


const FIELD_OF: Record<Exclude<ItemFlag, 'item'>, 'quantity' | 'unitPrice' | 'taxRate'> = { qty: 'quantity', price: 'unitPrice', tax: 'taxRate' };
const FLAG_OF = { description: '--item', quantity: '--qty', unitPrice: '--price', taxRate: '--tax' } as const;

/** "item 2 --price": how errors point at a value given by flags. */
export const flagFieldLabel: FieldLabel = (index, field) => `item ${index + 1} ${FLAG_OF[field]}`;

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
