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
      .option('--street <line>', 'a street line of the postal address (repeatable, at most 3)', (line: string, lines: string[] = []) => [...lines, line])
      .option('--postcode <code>', 'postal code')
      .option('--city <name>', 'city')
      .option('--region <name>', 'country subdivision (state, province)')
      .option('--country <code>', 'country, ISO 3166-1 alpha-2 (e.g. DE); required before the first invoice')
      .option('--address <text>', 'street lines as one text, one per line (the older form of --street)')
      .option('--tax-id <id>', 'VAT identification number')
      .option('--tax-number <number>', 'national tax number (e.g. the German Steuernummer)')
      .option('--registration <text>', 'legal registration, e.g. a trade register number')
      .option('--endpoint <scheme:id>', 'electronic address for e-invoices, e.g. 0088:4012345000009 or 9930:DE123456789')
      .option('--currency <code>', 'default currency, ISO 4217', 'EUR')
      .option('--terms <days>', 'default payment terms in days', '30')
      .option('--number-format <pattern>', 'invoice number format', 'INV-{YYYY}-{SEQ:4}')
      .option('--lang <code>', 'default language of documents', 'en')
      .option('--json', 'print the settings as JSON')
      .action(lazyAction(makeDeps, () => import('./init.js'))),
    [
      'smallpay init --name "Ada Lovelace Consulting" --email ada@example.com --tax-id DE123456789 --street "Hafenstraße 12" --postcode 20457 --city Hamburg --country DE',
      'smallpay --store ./acme.json init --name Acme --email billing@acme.test --country US --currency USD --terms 14',
    ],
  );
}
