/**
 * The invoice-wide flags of `invoice new` and `invoice edit` (see document-flags.ts for what each maps to).
 * This file stays free of the core: it is loaded to register the commands.
 */
import type { Command } from 'commander';

/** Registers the flags that document-flags.ts reads. */
export function addDocumentOptions(command: Command): Command {
  return command
    .option('--service-date <date>', 'date of supply YYYY-MM-DD (BT-72)')
    .option('--period <start..end>', 'service period, e.g. 2026-11-01..2026-11-30 (BT-73/74)')
    .option('--po <text>', 'purchase order number of the buyer (BT-13)')
    .option('--buyer-reference <text>', "the buyer's reference, e.g. a Leitweg-ID (BT-10)")
    .option('--contract <text>', 'contract reference (BT-12)')
    .option('--invoice-discount <percent%|amount>', 'a discount on the whole invoice: 5% (one per VAT group) or an amount')
    .option('--invoice-discount-reason <text>', 'the reason of --invoice-discount')
    .option('--charge <amount|percent%>', 'a charge on the whole invoice, e.g. shipping: 12.50')
    .option('--charge-reason <text>', 'the reason of --charge, e.g. Shipping')
    .option('--charge-tax <percent>', 'VAT rate of --charge in percent (default: the core decides from the lines)')
    .option('--charge-category <code>', 'VAT category of --charge: S, Z, E, AE, K, G or O');
}
