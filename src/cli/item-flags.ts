/** Reads the line items given by flags (see item-options.ts for the syntax) into the core's item inputs. */
import { compareDecimals, parseDecimal } from '../domain/decimal.js';
import type { AdjustmentInput, FieldLabel, ItemInput } from '../domain/totals.js';
import { VAT_CATEGORIES } from '../domain/vat-categories.js';
import { UsageError } from './errors.js';
import { ITEM_OPTION_KEYS, type ItemToken } from './item-options.js';

type NumberFlag = 'qty' | 'price' | 'tax';
const FIELD_OF: Record<NumberFlag, 'quantity' | 'unitPrice' | 'taxRate'> = { qty: 'quantity', price: 'unitPrice', tax: 'taxRate' };
const FLAG_OF = { description: '--item', quantity: '--qty', unitPrice: '--price', taxRate: '--tax' } as const;
const TEXT_FIELD_OF = { unit: 'unit', category: 'taxCategory', exemptionReason: 'exemptionReason' } as const;
const TEXT_FLAG_NAME = { unit: '--unit', category: '--category', exemptionReason: '--exemption-reason' } as const;

/** "item 2 --price": how errors point at a value given by flags. */
export const flagFieldLabel: FieldLabel = (index, field) => `item ${index + 1} ${FLAG_OF[field]}`;

/**
 * "10%" → a percentage, "25.00" → an amount; both above 0 (a discount is given as a positive number),
 * a percentage at most 100.
 */
export function adjustmentFromFlag(text: string, label: string): AdjustmentInput {
  const trimmed = text.trim();
  const isPercent = trimmed.endsWith('%');
  const number = isPercent ? trimmed.slice(0, -1).trim() : trimmed;
  const value = parseDecimal(number);
  if (!value || value.coef <= 0n) throw new UsageError(`${label}: '${text}' is not a percentage (10%) or an amount (25.00) above 0`);
  if (isPercent && compareDecimals(value, { coef: 100n, scale: 0 }) > 0) throw new UsageError(`${label}: '${text}' is more than 100%`);
  return isPercent ? { percent: number } : { amount: number };
}

/** The items given by flags, or undefined when there were none. */
export function itemsFromFlags(opts: Record<string, unknown>): ItemInput[] | undefined {
  const tokens = ITEM_OPTION_KEYS.map((key) => opts[key]).find((value) => value !== undefined) as ItemToken[] | undefined;
  if (!tokens) return undefined;
  const items: ItemInput[] = [];
  for (const token of tokens) {
    if (token.flag === 'item') {
      items.push({ description: token.value, unitPrice: '' });
      continue;
    }
    const current = items[items.length - 1];
    const flagName = `--${token.flag.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    if (!current) throw new UsageError(`${flagName} ${token.value}: must follow the --item it belongs to`);
    const place = `item ${items.length}`;
    switch (token.flag) {
      case 'qty':
      case 'price':
      case 'tax': {
        const field = FIELD_OF[token.flag];
        const label = flagFieldLabel(items.length - 1, field);
        if (field !== 'unitPrice' ? current[field] !== undefined : current.unitPrice !== '') throw new UsageError(`${label}: given twice`);
        if (!parseDecimal(token.value)) throw new UsageError(`${label}: '${token.value}' is not a decimal number`);
        current[field] = token.value;
        break;
      }
      case 'unit':
      case 'category':
      case 'exemptionReason': {
        const field = TEXT_FIELD_OF[token.flag];
        const label = `${place} ${TEXT_FLAG_NAME[token.flag]}`;
        if (current[field] !== undefined) throw new UsageError(`${label}: given twice`);
        if (token.value.trim() === '') throw new UsageError(`${label}: must not be empty`);
        if (token.flag === 'category' && !(VAT_CATEGORIES as readonly string[]).includes(token.value.trim().toUpperCase())) {
          throw new UsageError(`${label}: '${token.value}' is not a VAT category (${VAT_CATEGORIES.join(', ')})`);
        }
        current[field] = token.flag === 'category' ? token.value.trim().toUpperCase() : token.value.trim();
        break;
      }
      case 'discount':
        (current.allowances ??= []).push(adjustmentFromFlag(token.value, `${place} --discount`));
        break;
      case 'discountReason': {
        const discount = current.allowances?.[current.allowances.length - 1];
        if (!discount) throw new UsageError(`${place} --discount-reason: must follow the --discount it belongs to`);
        if (discount.reason !== undefined) throw new UsageError(`${place} --discount-reason: given twice for one --discount`);
        discount.reason = token.value;
        break;
      }
    }
  }
  items.forEach((item, index) => {
    if (item.unitPrice === '') throw new UsageError(`${flagFieldLabel(index, 'unitPrice')}: missing for '${item.description}'`);
  });
  return items;
}
