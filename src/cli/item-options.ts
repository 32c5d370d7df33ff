/**
 * Line items from flags. `--item` starts an item; the item flags after it belong to it:
 *
 *   smallpay invoice new --customer globex \
 *     --item "Design work" --qty 10 --unit h --price 150.00 --tax 19 --discount 10% --discount-reason "Loyalty" \
 *     --item "Hosting, 12 months; prepaid" --price 240
 *
 * The description is one shell word, so it may hold any character. Quantity defaults to 1, tax to 0%.
 * `--discount` may come several times per item (each applies to quantity × price on its own, BT-137/142);
 * `--discount-reason` belongs to the `--discount` before it.
 * Commander calls option parsers in command-line order, so every item flag appends to one shared list,
 * which item-flags.ts reads. This file stays free of the core: it is loaded to register the commands.
 */
import type { Command } from 'commander';

export type ItemFlag = 'item' | 'qty' | 'price' | 'tax' | 'unit' | 'category' | 'exemptionReason' | 'discount' | 'discountReason';
export interface ItemToken {
  flag: ItemFlag;
  value: string;
}

/** The option keys commander gives the item flags (they all hold the same shared list). */
export const ITEM_OPTION_KEYS: readonly ItemFlag[] = ['item', 'qty', 'price', 'tax', 'unit', 'category', 'exemptionReason', 'discount', 'discountReason'];

export function addItemOptions(command: Command): Command {
  const tokens: ItemToken[] = [];
  const collect = (flag: ItemFlag) => (value: string) => {
    tokens.push({ flag, value });
    return tokens;
  };
  return command
    .option('--item <description>', 'add a line item (repeatable); the flags after it describe it', collect('item'))
    .option('--qty <decimal>', 'quantity of the item before it (default 1)', collect('qty'))
    .option('--unit <code>', 'unit of the item before it: a UN/ECE code (HUR, DAY, C62, KGM) or h, day, month, piece, …', collect('unit'))
    .option('--price <decimal>', 'unit price of the item before it, net of tax', collect('price'))
    .option('--tax <percent>', 'tax rate of the item before it, in percent (default 0)', collect('tax'))
    .option('--category <code>', "VAT category of the item before it: S, Z, E, AE, K, G or O (default: the customer's treatment)", collect('category'))
    .option('--exemption-reason <text>', 'why the item before it carries no VAT (default: the legal text of its category)', collect('exemptionReason'))
    .option('--discount <percent%|amount>', 'a discount on the item before it: 10% of quantity × price, or an amount such as 25.00', collect('discount'))
    .option('--discount-reason <text>', 'the reason of the --discount before it', collect('discountReason'));
}
