import type { Command } from 'commander';
import { type DepsFactory, lazyAction, withExamples } from '../../cli/command.js';

function formats(command: Command, chart: boolean): Command {
  command.option('--json', 'print the report as JSON').option('--csv', 'print the table as CSV');
  if (chart) command.option('--chart', 'draw the chart even when stdout is not a terminal').option('--no-chart', 'leave the chart out');
  return command;
}

export function registerReport(program: Command, makeDeps: DepsFactory): void {
  const report = program
    .command('report')
    .summary('the dashboard, aging, customers, forecast, statements, VAT and the EC sales list')
    .description('Where the money is: `smallpay report` is the dashboard; aging, customers, forecast and statement look closer; vat and ec-sales give the figures of the VAT return and the EC sales list. Amounts in different currencies are never added together.');
  withExamples(report, [
    'smallpay report',
    'smallpay report aging --csv > aging.csv',
    'smallpay report customers --sort late --top 5',
    'smallpay report forecast --weeks 8',
    'smallpay report statement globex --from 2026-01-01',
    'smallpay report vat --quarter 2026-Q4',
    'smallpay report ec-sales --quarter 2026-Q4 --csv > ec-sales.csv',
  ]);
  withExamples(
    formats(
      report
        .command('dashboard', { isDefault: true })
        .description('received, pending, overdue and invoiced, with a chart of invoiced and received per month')
        .option('--from <date>', 'start of the period (default: the first day of the month 11 months ago)')
        .option('--to <date>', 'end of the period (default: today)'),
      true,
    ).action(lazyAction(makeDeps, () => import('./dashboard.js'))),
    ['smallpay report dashboard', 'smallpay report --from 2026-01-01 --to 2026-06-30 --json', 'smallpay report --chart | mail -s "SmallPay" me@example.com'],
  );
  withExamples(
    formats(
      report
        .command('aging')
        .description('open balances by days past due: current, 1-30, 31-60, 61-90, 91-120, over 120; per customer')
        .option('--customer <customer>', 'only this customer (id or email)'),
      false,
    ).action(lazyAction(makeDeps, () => import('./aging.js'))),
    ['smallpay report aging', 'smallpay report aging --customer globex --csv > aging.csv'],
  );
  withExamples(
    formats(
      report
        .command('customers')
        .description('per customer: invoiced, received, outstanding, overdue, days to pay, share paid late, last payment')
        .option('--sort <key>', 'outstanding, revenue or late', 'outstanding')
        .option('--top <n>', 'only the first n per currency')
        .option('--from <date>', 'invoices issued and payments made from this date (default: all)')
        .option('--to <date>', 'and up to this date'),
      false,
    ).action(lazyAction(makeDeps, () => import('./customers.js'))),
    ['smallpay report customers --sort late --top 5', 'smallpay report customers --json'],
  );
  withExamples(
    formats(
      report
        .command('forecast')
        .description('expected cash in per week, from open balances and how each customer pays')
        .option('--weeks <n>', 'how many weeks ahead', '12'),
      true,
    ).action(lazyAction(makeDeps, () => import('./forecast.js'))),
    ['smallpay report forecast', 'smallpay report forecast --weeks 8 --json'],
  );
  withExamples(
    formats(
      report
        .command('statement')
        .description('a statement of account: every invoice and payment with a running balance, ending with the balance due')
        .argument('<customer>', 'id or email')
        .option('--from <date>', 'start (earlier entries are brought forward as one balance)')
        .option('--to <date>', 'end (default: today)'),
      false,
    ).action(lazyAction(makeDeps, () => import('./statement.js'))),
    ['smallpay report statement globex', 'smallpay report statement globex --from 2026-01-01 --csv'],
  );
  withExamples(
    formats(
      taxPeriodOptions(
        report
          .command('vat')
          .description('net amount and VAT per currency, VAT category and rate for a period, credit notes netted: the figures of the VAT return')
          .option('--basis <basis>', 'invoice (accrual: by date of supply, else issue date) or payment (cash accounting: what was paid in the period)', 'invoice'),
      ),
      false,
    ).action(lazyAction(makeDeps, () => import('./vat.js'))),
    ['smallpay report vat', 'smallpay report vat --quarter 2026-Q4 --basis payment', 'smallpay report vat --month 2026-11 --json'],
  );
  withExamples(
    formats(
      taxPeriodOptions(
        report
          .command('ec-sales')
          .description('the EC sales list: per buyer VAT id, net reverse-charge services (AE) and intra-community supplies of goods (K), credit notes netted'),
      ),
      false,
    ).action(lazyAction(makeDeps, () => import('./ec-sales.js'))),
    ['smallpay report ec-sales', 'smallpay report ec-sales --quarter 2026-Q4 --csv > ec-sales.csv'],
  );
}

/** The period flags of the tax reports; one group only (default: the last complete quarter). */
function taxPeriodOptions(command: Command): Command {
  return command
    .option('--quarter <YYYY-Qn>', 'a calendar quarter, e.g. 2026-Q4 (default: the last complete quarter)')
    .option('--month <YYYY-MM>', 'a month, e.g. 2026-11')
    .option('--from <date>', 'start of the period (alone: up to today)')
    .option('--to <date>', 'end of the period (alone: from the beginning)');
}
