/**
 * `smallpay export <format>`: the books for the accountant, by issue date. Every format takes --from/--to
 * (issue dates, inclusive) and --out <file|-> (default stdout). Exports are reproducible: the same store
 * and range give the same bytes (no "generated at" stamps, a fixed order).
 * Each format is one verb module in this folder; options they share are added by `exportCommand`.
 */
import type { Command } from 'commander';
import { type DepsFactory, type VerbModule, lazyAction, withExamples } from '../../cli/command.js';

interface ExportFormat {
  name: string;
  description: string;
  examples: string[];
  load: () => Promise<VerbModule<unknown>>;
  /** Options of this format alone (e.g. csv's --payments). */
  options?: (command: Command) => Command;
}

/** Formats register here; each helper adds its own line. */
const FORMATS: ExportFormat[] = [
  {
    name: 'csv',
    description: 'one row per invoice line, with invoice and customer columns (docs/exports.md); --payments: one row per payment, refund and write-off',
    examples: ['smallpay export csv --from 2026-01-01 --to 2026-12-31 --out invoices-2026.csv', 'smallpay export csv --payments --out payments.csv'],
    load: () => import('./csv.js'),
    options: (command) => command.option('--payments', 'one row per payment, refund and write-off instead of one per invoice line'),
  },
  {
    name: 'xero',
    description: "Xero's sales invoice import CSV: one row per line, tax rates from the xero.* settings (docs/accounting-import.md)",
    examples: ['smallpay export xero --from 2026-10-01 --to 2026-12-31 --out xero-q4.csv', 'smallpay config set xero.taxType.S.19 "19% (VAT on Income)"'],
    load: () => import('./accounting-csv.js') as Promise<VerbModule<unknown>>,
  },
  {
    name: 'quickbooks',
    description: 'the QuickBooks Online invoice import CSV: one row per line, tax codes from the quickbooks.* settings (docs/accounting-import.md)',
    examples: ['smallpay export quickbooks --from 2026-10-01 --to 2026-12-31 --out qbo-q4.csv', 'smallpay config set quickbooks.taxCode.S.20 "20.0% S"'],
    load: () => import('./accounting-csv.js') as Promise<VerbModule<unknown>>,
  },
  {
    name: 'hledger',
    description: 'a journal for hledger (and Ledger): one balanced transaction per invoice, credit note, payment, refund, write-off and void, on the accounts.* settings',
    examples: ['smallpay export hledger --from 2026-01-01 --to 2026-12-31 --out 2026.journal', 'smallpay export hledger | hledger -f - balance'],
    load: () => import('./ledger.js'),
  },
  {
    name: 'beancount',
    description: 'the same transactions as a beancount ledger (bean-check passes), accounts mapped to beancount names',
    examples: ['smallpay export beancount --out books.beancount && bean-check books.beancount'],
    load: () => import('./ledger.js'),
  },
];

export function exportCommand(command: Command): Command {
  return command
    .option('--from <date>', 'invoices issued on or after this date (YYYY-MM-DD)')
    .option('--to <date>', 'invoices issued on or before this date (YYYY-MM-DD)')
    .option('--out <file>', "write to this file (atomically); '-' or none for stdout");
}

export function registerExport(program: Command, makeDeps: DepsFactory): void {
  const group = program
    .command('export')
    .summary('the books for the accountant: csv, hledger, beancount, xero, quickbooks')
    .description('Exports invoices, credit notes, payments, refunds and write-offs for accounting software, by issue date. The same store and range always give the same bytes.');
  withExamples(group, FORMATS.flatMap((format) => format.examples.slice(0, 1)));
  for (const format of FORMATS) {
    const command = exportCommand(group.command(format.name).description(format.description));
    (format.options ?? ((c: Command) => c))(command);
    withExamples(command, format.examples).action(lazyAction(makeDeps, format.load));
  }
}
