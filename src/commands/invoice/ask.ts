/** The questions `invoice new` asks on a terminal when the customer or the items were not given. */
import type { Deps } from '../../cli/deps.js';
import type { Env } from '../../cli/io.js';
import { validatorFor } from '../../cli/prompter.js';
import { searchCustomers } from '../../domain/customers.js';
import { parseDecimal } from '../../domain/decimal.js';
import { refused } from '../../domain/errors.js';
import { singleLine } from '../../domain/fields.js';
import type { ItemInput } from '../../domain/totals.js';
import type { StoreDocument } from '../../domain/types.js';
import { cell } from '../../render/text.js';

/** The customer picker: type part of a name, id, email or tax id to narrow the list. */
export async function askCustomer(doc: StoreDocument, deps: Deps): Promise<string> {
  if (doc.customers.length === 0) throw refused('there are no customers yet', 'add one with smallpay customer add');
  return deps.prompter.search('Customer (type to search)', (term) =>
    searchCustomers(doc.customers, term).map((customer) => ({ name: `${cell(customer.name)} <${cell(customer.email)}>`, value: customer.id, description: customer.id })),
  );
}

/**
 * Whether the person at the terminal writes decimals with a comma: their locale (LC_ALL, else LC_NUMERIC,
 * else LANG, as the C library reads them) formats 1.5 as "1,5". de_DE, fr_FR and es_ES do; en_US and C do not.
 */
export function writesDecimalComma(env: Env): boolean {
  const setting = [env.LC_ALL, env.LC_NUMERIC, env.LANG].find((value) => value !== undefined && value !== '');
  const language = setting?.split(/[.@]/)[0]?.replace('_', '-');
  if (!language || language === 'C' || language === 'POSIX') return false;
  try {
    return new Intl.NumberFormat(language).formatToParts(1.5).find((part) => part.type === 'decimal')?.value === ',';
  } catch {
    return false;
  }
}

/**
 * A decimal as typed: "3.5" always; "3,5" too where the locale writes a decimal comma. Thousands separators
 * are refused rather than guessed at: "1,000" is a thousand in one locale and one in another.
 */
export function decimalAnswer(answer: string, decimalComma: boolean): string {
  const text = answer.trim();
  const normalized = decimalComma && /^[+-]?\d*,\d+$/.test(text) ? text.replace(',', '.') : text;
  if (parseDecimal(normalized)) return normalized;
  const separators = decimalComma ? 'a comma or a point before the decimals' : 'a point before the decimals';
  throw new Error(`not a decimal number: write it like ${decimalComma ? '3,5 or 3.5' : '3.5'} (${separators}, no thousands separators)`);
}

export interface ItemDefaults {
  /** The business's usual rate (tax.defaultRate), proposed for the first item; later items propose the last one's. */
  taxRate: string;
  decimalComma: boolean;
}

export async function askItems(deps: Deps, defaults: ItemDefaults): Promise<ItemInput[]> {
  const decimal = validatorFor((answer) => decimalAnswer(answer, defaults.decimalComma));
  const askDecimal = async (message: string, fallback?: string) =>
    decimalAnswer(await deps.prompter.input(message, { ...(fallback !== undefined && { default: fallback }), validate: decimal }), defaults.decimalComma);
  const items: ItemInput[] = [];
  let taxRate = defaults.taxRate;
  for (;;) {
    const first = items.length === 0;
    const description = await deps.prompter.input(first ? 'Item description' : 'Next item description (empty to finish)', {
      validate: (answer) => (first || answer.trim() !== '' ? validatorFor(singleLine)(answer) : undefined),
    });
    if (description.trim() === '') return items;
    const quantity = await askDecimal('Quantity', '1');
    const unitPrice = await askDecimal('Unit price (net)');
    taxRate = await askDecimal('Tax rate %', taxRate);
    items.push({ description, quantity, unitPrice, taxRate });
  }
}
