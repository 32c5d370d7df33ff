/**
 * Line items from flags. `--item` starts an item; the `--qty`, `--price` and `--tax` after it belong to it:
 *
 *   smallpay invoice new --customer globex \
 *     --item "Design work" --qty 10 --price 150.00 --tax 19 \
 *     --item "Hosting, 12 months; prepaid" --price 240
 *
 * The description is one shell word, so it may hold any character. Quantity defaults to 1, tax to 0%.
 * Commander calls option parsers in command-line order, so every item flag appends to one shared list,
 * which item-flags.ts reads. This file stays free of the core: it is loaded to register the commands.
 */
import type { Command } from 'commander';

export type ItemFlag = 'item' | 'qty' | 'price' | 'tax';
export interface ItemToken {
  flag: ItemFlag;
  value: string;
}

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
