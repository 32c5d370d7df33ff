import type { Command } from 'commander';
import { type DepsFactory, lazyAction, withExamples } from '../../cli/command.js';
import { addItemOptions } from '../../cli/item-options.js';

export function registerRecurring(program: Command, makeDeps: DepsFactory): void {
  const recurring = program
    .command('recurring')
    .summary('recurring invoices, issued exactly once per period by `recurring run`')
    .description('Recurring invoices: schedules that `smallpay recurring run` (by hand, cron or CI) turns into invoices, each period exactly once.');
  withExamples(recurring, [
    'smallpay recurring add --customer globex --every month --day 1 --start 2026-12-01 --item "Retainer {period}" --price 2000 --tax 19',
    'smallpay recurring list',
    'smallpay recurring run --dry-run',
    'smallpay recurring run --send',
  ]);
  withExamples(
    addItemOptions(
      recurring
        .command('add')
        .description('add a schedule; items as for invoice new (flags, or --input with items, currency and note)')
        .option('--customer <customer>', 'customer id or email')
        .option('--every <cadence>', 'week, month, quarter or year')
        .option('--interval <n>', 'every n weeks, months, quarters or years', '1')
        .option('--day <day>', 'day of the month, 1-28 or last (default: the day of --start)')
        .option('--start <date>', 'the first issue date, or the day from which the first falls')
        .option('--end <date>', 'no invoice after this date')
        .option('--count <n>', 'at most n invoices in all')
        .option('--terms <days>', "payment terms in days (default: the customer's, else the business's)")
        .option('--currency <code>', 'currency of the invoices')
        .option('--note <text>', 'a note on every invoice, under the period')
        .option('--input <file>', "items, currency and note as JSON (as for invoice new), or '-' for stdin"),
    )
      .option('--json', 'print the schedule as JSON')
      .action(lazyAction(makeDeps, () => import('./add.js'))),
    [
      'smallpay recurring add --customer globex --every month --day 1 --start 2026-12-01 --item "Retainer {period}" --price 2000 --tax 19',
      'smallpay recurring add --customer acme --every quarter --start 2027-01-01 --count 4 --input plan.json',
    ],
  );
  withExamples(recurring.command('list').description('list the schedules').option('--json', 'print a JSON array').action(lazyAction(makeDeps, () => import('./list.js'))), [
    'smallpay recurring list',
    'smallpay recurring list --json',
  ]);
  withExamples(
    recurring
      .command('show')
      .description('show a schedule, the periods it issued and the next issue dates')
      .argument('<schedule>', 'schedule id')
      .option('--json', 'print the schedule as JSON')
      .action(lazyAction(makeDeps, () => import('./show.js'))),
    ['smallpay recurring show rec_7k3m9x2q4a'],
  );
  for (const [verb, description] of [
    ['pause', 'stop issuing invoices until resumed (missed periods are caught up on resume)'],
    ['resume', 'issue invoices again'],
    ['rm', 'remove a schedule (its invoices stay)'],
  ] as const) {
    withExamples(
      recurring
        .command(verb)
        .description(description)
        .argument('<schedule>', 'schedule id')
        .option('--json', 'print the schedule as JSON')
        .action(lazyAction(makeDeps, () => import('./status.js'))),
      [`smallpay recurring ${verb} rec_7k3m9x2q4a`],
    );
  }
  withExamples(
    addItemOptions(
      recurring
        .command('edit')
        .description('change what future invoices bill: items, note, terms, currency, end, count (issued invoices stay as they are)')
        .argument('<schedule>', 'schedule id')
        .option('--input <file>', "items, currency and note as JSON, or '-' for stdin"),
    )
      .option('--terms <days>', 'payment terms in days')
      .option('--currency <code>', 'currency')
      .option('--note <text>', 'note ("" removes it)')
      .option('--end <date>', 'no invoice after this date')
      .option('--count <n>', 'at most n invoices in all')
      .option('--json', 'print the schedule as JSON')
      .action(lazyAction(makeDeps, () => import('./edit.js'))),
    ['smallpay recurring edit rec_7k3m9x2q4a --item "Retainer {period}" --price 2200 --tax 19'],
  );
  withExamples(
    recurring
      .command('run')
      .description('issue every invoice whose date has come, catching up missed periods, each exactly once; safe to run twice or at once')
      .option('--send', 'email the invoices this run issues (and those of an earlier --send run whose sending failed) through the outbox')
      .option('--eml', 'with --send: write the messages as .eml files to outbox/ instead of sending them')
      .option('--dry-run', 'print what would be issued and change nothing')
      .option('--json', 'print { created, sent, skipped, failed }')
      .addHelpText('after', '\nExit codes: 0 nothing failed, 1 something failed (the rest was done), 2 the request is wrong.')
      .action(lazyAction(makeDeps, () => import('./run.js'))),
    ['smallpay recurring run', 'smallpay recurring run --send --json > summary.json', 'smallpay recurring run --dry-run'],
  );
}
