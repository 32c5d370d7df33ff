/**
 * The options of the verbs that move money on an invoice (`invoice pay`, `invoice refund`): the same flags,
 * checked the same way at parse time.
 */
import type { RawInput } from '../../cli/command.js';
import { UsageError } from '../../cli/errors.js';
import { optionalDate, optionalString, singleArgument } from '../../cli/flags.js';
import { parseDecimal } from '../../domain/decimal.js';
import { singleLine } from '../../domain/fields.js';

export interface MoneyMovementOptions {
  invoice: string;
  amount?: string;
  date?: string;
  method?: string;
  json: boolean;
}

export function toMoneyMovementOptions({ args, opts }: RawInput): MoneyMovementOptions {
  const amount = optionalString(opts, 'amount');
  if (amount !== undefined) {
    const value = parseDecimal(amount);
    if (!value) throw new UsageError(`--amount: '${amount}' is not a decimal amount (write it like 1234.56)`);
    if (value.coef <= 0n) throw new UsageError('--amount: must be greater than 0');
  }
  const date = optionalDate(opts, 'date', '--date');
  const method = optionalString(opts, 'method');
  return {
    invoice: singleArgument(args, 'invoice number or id'),
    ...(amount !== undefined && { amount }),
    ...(date !== undefined && { date }),
    ...(method !== undefined && { method: singleLine(method, '--method') }),
    json: opts.json === true,
  };
}
