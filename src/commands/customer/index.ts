import type { Command } from 'commander';
import { type DepsFactory, lazyAction, withExamples } from '../../cli/command.js';

function customerFields(command: Command, editing: boolean): Command {
  const clear = editing ? '; "" clears it' : '';
  return command
    .option('--name <name>', 'name as it appears on invoices')
    .option('--email <email>', 'email address invoices are sent to (unique per store)')
    .option('--id <slug>', editing ? 'a new id (slug)' : 'id (slug); derived from the name when absent')
    .option('--street <line>', `a street line of the postal address (repeatable, at most 3)${clear}`, (line: string, lines: string[] = []) => [...lines, line])
    .option('--postcode <code>', `postal code${clear}`)
    .option('--city <name>', `city${clear}`)
    .option('--region <name>', `country subdivision (state, province)${clear}`)
    .option('--country <code>', `country, ISO 3166-1 alpha-2 (e.g. FR)${clear}`)
    .option('--address <text>', `street lines as one text, one per line (the older form of --street)${clear}`)
    .option('--contact <name>', `the person greeted in emails${clear}`)
    .option('--phone <text>', `phone number${clear}`)
    .option('--tax-id <id>', `VAT identification number${clear}`)
    .option('--vat-treatment <treatment>', `VAT of their new lines: standard, reverse-charge, intra-community, export or exempt${clear}`)
    .option('--endpoint <scheme:id>', `electronic address for e-invoices, e.g. 0088:4012345000009 or 9930:FR12345678901${clear}`)
    .option('--currency <code>', `currency of their invoices (default: the business's)${clear}`)
    .option('--terms <days>', `payment terms in days (default: the business's)${clear}`)
    .option('--lang <code>', `language of their documents (en, de, fr, es)${clear}`)
    .option('--json', 'print the customer as JSON');
}

export function registerCustomer(program: Command, makeDeps: DepsFactory): void {
  const customer = program.command('customer').summary('add, list, show, edit and remove customers').description('Add, list, show, edit and remove customers.');
  withExamples(customer, [
    'smallpay customer add --id globex --name "Globex GmbH" --email ap@globex.test --lang de',
    'smallpay customer list --search gmbh',
    'smallpay customer show globex',
    'smallpay customer edit globex --terms 14',
  ]);
  withExamples(customerFields(customer.command('add').description('add a customer; on a terminal, asks for what is missing'), false).action(lazyAction(makeDeps, () => import('./add.js'))), [
    'smallpay customer add --id globex --name "Globex GmbH" --email ap@globex.test --lang de --terms 14',
    'smallpay customer add --name "Zoë Łódź" --email zoe@lodz.test   # id: zoe-lodz',
    'smallpay customer add --id acme --name "ACME Corp." --email billing@acme.test --currency USD',
    'smallpay customer add --id umbrella --name "Umbrella SARL" --email compta@umbrella.test --street "8 rue de la Paix" --postcode 75002 --city Paris --country FR --tax-id FR40303265045 --vat-treatment reverse-charge --contact "Claire Dubois"',
  ]);
  withExamples(
    customer
      .command('list')
      .description('list customers, sorted by name')
      .option('--search <text>', 'only those whose id, name, email or tax id contains the text')
      .option('--json', 'print a JSON array')
      .action(lazyAction(makeDeps, () => import('./list.js'))),
    ['smallpay customer list', 'smallpay customer list --search globex --json'],
  );
  withExamples(
    customer
      .command('show')
      .description('show a customer and what they owe')
      .argument('<customer>', 'id or email')
      .option('--json', 'print the customer as JSON')
      .action(lazyAction(makeDeps, () => import('./show.js'))),
    ['smallpay customer show globex', 'smallpay customer show ap@globex.test --json'],
  );
  withExamples(
    customerFields(customer.command('edit').description('change a customer; issued invoices keep the details they were issued with').argument('<customer>', 'id or email'), true).action(
      lazyAction(makeDeps, () => import('./edit.js')),
    ),
    ['smallpay customer edit globex --email invoices@globex.test', 'smallpay customer edit globex --phone ""'],
  );
  withExamples(
    customer
      .command('rm')
      .alias('remove')
      .description('remove a customer; refused while they have unpaid or draft invoices')
      .argument('<customer>', 'id or email')
      .option('--force', 'remove even with unpaid invoices (the invoices keep their copy of the customer)')
      .option('-y, --yes', 'do not ask for confirmation')
      .option('--json', 'print the removed customer as JSON')
      .action(lazyAction(makeDeps, () => import('./rm.js'))),
    ['smallpay customer rm globex', 'smallpay customer rm globex --force --yes'],
  );
}
