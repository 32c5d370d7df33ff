import type { Command } from 'commander';
import { type DepsFactory, lazyAction, withExamples } from '../../cli/command.js';

export function registerInit(program: Command, makeDeps: DepsFactory): void {
  withExamples(
    program
      .command('init')
      .summary('set up the business that issues the invoices')
      .description('Set up the business that issues the invoices, in a new store. On a terminal, asks for what is missing.')
      .option('--name <name>', 'business name')
      .option('--email <email>', 'business email address')
      .option('--address <text>', 'postal address (use \\n or a quoted newline for more lines)')
      .option('--tax-id <id>', 'VAT or tax number')
      .option('--currency <code>', 'default currency, ISO 4217', 'EUR')
      .option('--terms <days>', 'default payment terms in days', '30')
      .option('--number-format <pattern>', 'invoice number format', 'INV-{YYYY}-{SEQ:4}')
      .option('--lang <code>', 'default language of documents', 'en')
      .option('--json', 'print the settings as JSON')
      .action(lazyAction(makeDeps, () => import('./init.js'))),
    ['smallpay init --name "Ada Lovelace Consulting" --email ada@example.com --tax-id DE123456789', 'smallpay --store ./acme.json init --name Acme --email billing@acme.test --currency USD --terms 14'],
  );
}
