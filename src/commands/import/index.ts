import type { Command } from 'commander';
import { type DepsFactory, lazyAction, withExamples } from '../../cli/command.js';

export function registerImport(program: Command, makeDeps: DepsFactory): void {
  const group = program
    .command('import')
    .summary('bring in customers and invoices from CSV or JSON, all or nothing')
    .description('Brings in customers, and invoices in the format of smallpay export csv (docs/imports.md). All or nothing: any bad row stops the import, every bad row is listed, nothing is written. Importing the same file again changes nothing.');
  withExamples(group, ['smallpay import customers customers.csv --map Firma=name --map Mail=email', 'smallpay import invoices invoices.csv payments.csv --dry-run']);
  withExamples(
    group
      .command('customers')
      .description('add the customers of a CSV or JSON file; those already in the store (by id, else email) are left as they are')
      .argument('<file>', 'a .csv file with a header row, or a .json array of objects')
      .option('--map <column=field>', "the customer field a column holds, e.g. 'Firma=name' (repeatable)", (pair: string, pairs: string[] = []) => [...pairs, pair])
      .option('--dry-run', 'check the file and say what would be imported; write nothing')
      .option('--json', 'print what was (or would be) imported as JSON')
      .action(lazyAction(makeDeps, () => import('./customers.js'))),
    ['smallpay import customers customers.csv', 'smallpay import customers export.csv --map Firma=name --map "E-Mail=email" --map USt-IdNr=taxId --dry-run'],
  );
  withExamples(
    group
      .command('invoices')
      .description('bring in issued invoices and credit notes from the CSV of smallpay export csv, with their payments (export csv --payments); new customers are added')
      .argument('<file>', 'the invoices file (.csv, or .json: an array of row objects)')
      .argument('[payments-file]', 'the payments file (as --payments)')
      .option('--payments <file>', 'the payments, refunds and write-offs file (smallpay export csv --payments)')
      .option('--dry-run', 'check the files and say what would be imported; write nothing')
      .option('--json', 'print what was (or would be) imported as JSON')
      .action(lazyAction(makeDeps, () => import('./invoices.js'))),
    ['smallpay import invoices invoices.csv --payments payments.csv', 'smallpay import invoices invoices.csv payments.csv --dry-run --json'],
  );
}
