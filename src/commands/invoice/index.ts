import type { Command } from 'commander';
import { type DepsFactory, lazyAction, withExamples } from '../../cli/command.js';
import { addDocumentOptions } from '../../cli/document-options.js';
import { addItemOptions } from '../../cli/item-options.js';

const ITEM_HELP = `
Items: --item starts a line item; the --qty, --unit, --price, --tax, --category, --exemption-reason,
--discount and --discount-reason after it belong to it.
  --item "Design work" --qty 10 --unit h --price 150.00 --tax 19 --discount 10% --item "Hosting" --price 20
The description may hold any character (quote it); quantity defaults to 1 and tax to 0%.
A line with no --category gets the customer's VAT treatment (customer edit --vat-treatment), else S or Z.
A description or price starting with a dash is joined to its flag with '=' (quote the description):
  --item="-10% discount" --price=-15`;

export function registerInvoice(program: Command, makeDeps: DepsFactory): void {
  const invoice = program
    .command('invoice')
    .summary('create, list, show, edit, pay, void and delete invoices')
    .description('Create, list, show, edit, pay, void and delete invoices.');
  withExamples(invoice, [
    'smallpay invoice new --customer globex --item "Design work" --qty 10 --price 150 --tax 19',
    'smallpay invoice list --status overdue',
    'smallpay invoice pay INV-2026-0001 --amount 500',
    'smallpay invoice pdf INV-2026-0001',
  ]);

  withExamples(
    addDocumentOptions(addItemOptions(
      invoice
        .command('new')
        .description('create an invoice and issue it (or keep it as a draft); on a terminal, asks for what is missing')
        .option('--customer <customer>', 'customer id or email')
        .option('--input <file>', "read the invoice as JSON from a file, or '-' for stdin"),
    )
      .option('--date <date>', 'issue date YYYY-MM-DD (default: today)')
      .option('--due <date>', 'due date YYYY-MM-DD (default: issue date + terms)')
      .option('--terms <days>', "payment terms in days (default: the customer's, else the business's)")
      .option('--currency <code>', "currency (default: the customer's, else the business's)")
      .option('--note <text>', 'a note printed on the invoice')
      .option('--draft', 'keep it as a draft: no number until smallpay invoice issue'),
    )
      .option('--json', 'print the invoice as JSON')
      .addHelpText('after', ITEM_HELP)
      .action(lazyAction(makeDeps, () => import('./new.js'))),
    [
      'smallpay invoice new --customer globex --item "Design work" --qty 10 --price 150 --tax 19',
      'smallpay invoice new --customer globex --period 2026-11-01..2026-11-30 --po PO-4711 --item "Consulting" --qty 12 --unit h --price 95 --tax 19 --discount 10%',
      'smallpay invoice new --customer acme --item "Retainer, November" --price 2000 --due 2026-12-15 --draft',
      'echo \'{"customer":"globex","items":[{"description":"Audit","unitPrice":"900","taxRate":"19"}]}\' | smallpay invoice new --input - --json',
    ],
  );
  withExamples(
    invoice
      .command('list')
      .description('list invoices by issue date, then number')
      .option('--status <status>', 'draft, open, partial, paid, void or overdue')
      .option('--customer <customer>', 'customer id or email')
      .option('--from <date>', 'issued on or after this date')
      .option('--to <date>', 'issued on or before this date')
      .option('--json', 'print a JSON array of invoices')
      .action(lazyAction(makeDeps, () => import('./list.js'))),
    ['smallpay invoice list --status overdue', 'smallpay invoice list --customer globex --from 2026-01-01 --json'],
  );
  withExamples(
    invoice
      .command('show')
      .description('show one invoice with its items, totals, payments and history')
      .argument('<invoice>', 'number or id')
      .option('--json', 'print the invoice as JSON')
      .action(lazyAction(makeDeps, () => import('./show.js'))),
    ['smallpay invoice show INV-2026-0001', 'smallpay invoice show INV-2026-0001 --json | jq -r .balance'],
  );
  withExamples(
    addDocumentOptions(addItemOptions(
      invoice
        .command('edit')
        .description('change items, dates or note; issued invoices only while unpaid, keeping the old version in the history')
        .argument('<invoice>', 'number or id')
        .option('--input <file>', "read changes as JSON (fields as for invoice new), or '-' for stdin"),
    )
      .option('--date <date>', 'new issue date')
      .option('--due <date>', 'new due date')
      .option('--terms <days>', 'new payment terms in days (due date follows)')
      .option('--note <text>', 'new note ("" removes it)')
      .option('--customer <customer>', 'another customer (drafts only)')
      .option('--currency <code>', 'another currency (drafts only)'),
    )
      .option('--json', 'print the invoice as JSON')
      .addHelpText('after', `${ITEM_HELP}\nGiving any --item replaces all the items.`)
      .action(lazyAction(makeDeps, () => import('./edit.js'))),
    ['smallpay invoice edit INV-2026-0001 --due 2026-12-31', 'smallpay invoice edit inv_x7k2m9 --item "Design" --qty 12 --price 150 --tax 19'],
  );
  withExamples(
    invoice
      .command('pay')
      .description('record a payment; without --amount, pays the balance')
      .argument('<invoice>', 'number or id')
      .option('--amount <decimal>', 'amount received (default: the balance due)')
      .option('--date <date>', 'date received (default: today)')
      .option('--method <text>', 'how it was paid, e.g. bank, card, cash')
      .option('--json', 'print the invoice as JSON')
      .action(lazyAction(makeDeps, () => import('./pay.js'))),
    ['smallpay invoice pay INV-2026-0001', 'smallpay invoice pay INV-2026-0001 --amount 500 --date 2026-11-20 --method bank'],
  );
  withExamples(
    invoice
      .command('void')
      .description('void an issued, unpaid invoice: it keeps its number, with nothing due')
      .argument('<invoice>', 'number or id')
      .option('--reason <text>', 'why, for the history')
      .option('--json', 'print the invoice as JSON')
      .action(lazyAction(makeDeps, () => import('./void.js'))),
    ['smallpay invoice void INV-2026-0007 --reason "sent to the wrong customer"'],
  );
  withExamples(
    invoice
      .command('issue')
      .description('issue a draft: it gets its number and is frozen')
      .argument('<draft>', 'the draft id (or number)')
      .option('--date <date>', 'issue date (default: the date given when drafted, else today)')
      .option('--json', 'print the invoice as JSON')
      .action(lazyAction(makeDeps, () => import('./issue.js'))),
    ['smallpay invoice issue inv_x7k2m9q4ab'],
  );
  withExamples(
    invoice
      .command('pdf')
      .description('write invoice PDFs: one per invoice, to pdf/ beside the store unless --out says otherwise')
      .argument('[invoice...]', 'numbers or ids (or use --all and the filters)')
      .option('--all', 'every invoice (narrowed by the filters)')
      .option('--status <status>', 'draft, open, partial, paid, void or overdue')
      .option('--customer <customer>', 'customer id or email')
      .option('--from <date>', 'issued on or after this date')
      .option('--to <date>', 'issued on or before this date')
      .option('--out <path>', "a file, a folder, or '-' for stdout (one invoice)")
      .option('--template <name|path>', 'classic, modern, or a template module (default: the pdf.template setting)')
      .option('--lang <code>', "language of the document (default: the customer's, else the business's)")
      .option('--json', 'print [{ number, path, sha256, pages }]')
      .action(lazyAction(makeDeps, () => import('./pdf.js'))),
    ['smallpay invoice pdf INV-2026-0001', 'smallpay invoice pdf INV-2026-0001 --out - | lp', 'smallpay invoice pdf --all --status open --template modern --out ./pdfs --json'],
  );
  withExamples(
    invoice
      .command('delete')
      .description('delete a draft; an issued invoice only with --force, kept in the audit log')
      .argument('<invoice>', 'number or id')
      .option('--force', 'delete an issued invoice (its number is never reused)')
      .option('--reason <text>', 'why, for the audit log')
      .option('-y, --yes', 'do not ask for confirmation (required without a terminal)')
      .option('--json', 'print the deleted invoice as JSON')
      .action(lazyAction(makeDeps, () => import('./delete.js'))),
    ['smallpay invoice delete inv_x7k2m9q4ab --yes', 'smallpay invoice delete INV-2026-0003 --force --yes --reason "duplicate"'],
  );
}
