import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCustomer } from '../../src/domain/customers.js';
import { createInvoice } from '../../src/domain/invoices.js';
import { TODAY, reportDataset } from '../domain/reports/dataset.js';
import { type Sandbox, sandbox } from '../support/cli.js';

let box: Sandbox;
beforeAll(async () => {
  box = sandbox();
  const { doc } = reportDataset();
  // A customer whose name is a spreadsheet formula, to check CSV neutralising.
  addCustomer(doc, { id: 'evil', name: '=HYPERLINK("http://evil.test","click")', email: 'evil@evil.test' }, '2026-01-01');
  createInvoice(doc, { customer: 'evil', items: [{ description: 'x', unitPrice: '10.00' }], issueDate: '2026-11-25', dueDate: '2026-12-25' }, { today: TODAY, id: 'inv_evil' });
  await box.load(doc);
});
afterAll(() => box.cleanup());

const json = async (args: string[]) => JSON.parse((await box.ok(['report', ...args, '--json'])).stdout);

describe('smallpay report', () => {
  it('gives the dashboard as documented JSON, per currency, with decimal strings', async () => {
    const report = await json([]);
    expect(report).toMatchObject({ asOf: '2026-11-25', from: '2025-12-01', to: '2026-11-25' });
    expect(report.currencies.map((c: { currency: string }) => c.currency)).toEqual(['EUR', 'USD']);
    expect(report.currencies[0]).toMatchObject({
      received: { amount: '2200.00', count: 5 },
      pending: { amount: '260.00', count: 3 },
      overdue: { amount: '850.00', count: 3, oldest: { dueDate: '2026-10-25', daysOverdue: 31 } },
      invoiced: { amount: '3310.00', count: 9 },
      averageDaysToPay: 38.7,
    });
    expect(report.currencies[0].months.at(-1)).toEqual({ month: '2026-11', invoiced: '260.00', received: '0.00' });
    expect(report.currencies[1]).toMatchObject({ currency: 'USD', overdue: { amount: '800.00' }, invoiced: { amount: '1000.00' } });
  });

  it('draws the chart only on a terminal or with --chart, never with --no-chart', async () => {
    const plain = (await box.ok(['report'])).stdout;
    expect(plain).not.toMatch(/[┼┤╭╯]/);
    expect(plain).toMatch(/^Month\s+Invoiced\s+Received$/m);
    const charted = (await box.ok(['report', '--chart'])).stdout;
    expect(charted).toMatch(/┼/);
    expect(charted).toContain('invoiced');
    expect(charted).not.toContain('\u001b['); // NO colour without a terminal, even with --chart
    expect((await box.ok(['report', '--no-chart'], { env: { FORCE_COLOR: '1' } })).stdout).not.toMatch(/┼/);
    for (const line of charted.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    const wide = (await box.ok(['report', '--chart'], { env: { COLUMNS: '120' } })).stdout;
    expect(Math.max(...wide.split('\n').map((line) => line.length))).toBeGreaterThan(80);
  });

  it('gives aging buckets per customer, to the exact boundary', async () => {
    const report = await json(['aging']);
    const eur = report.currencies[0];
    expect(eur.totals).toEqual({ current: '260.00', '1-30': '600.00', '31-60': '250.00', '61-90': '0.00', '91-120': '0.00', 'over-120': '0.00' });
    expect(eur.customers.find((c: { id: string }) => c.id === 'beta').buckets).toMatchObject({ current: '150.00', '1-30': '300.00', '31-60': '250.00' });
    expect(report.currencies[1]).toMatchObject({ currency: 'USD', total: '800.00', totals: { 'over-120': '800.00' } });
    expect((await json(['aging', '--customer', 'a@alpha.test'])).currencies[0].customers).toEqual([
      { id: 'alpha', name: 'Alpha', buckets: { current: '0.00', '1-30': '300.00', '31-60': '0.00', '61-90': '0.00', '91-120': '0.00', 'over-120': '0.00' }, total: '300.00' },
    ]);
  });

  it('ranks customers', async () => {
    const report = await json(['customers', '--sort', 'late', '--top', '2']);
    expect(report).toMatchObject({ asOf: '2026-11-25', sort: 'late', top: 2 });
    expect(report.customers.map((c: { id: string; lateShare: number | null }) => [c.id, c.lateShare])).toEqual([['beta', 1], ['alpha', 0.3333], ['gamma', 0]]);
  });

  it('forecasts cash in per week with the at-risk invoices apart', async () => {
    const report = await json(['forecast', '--weeks', '12']);
    expect(report.method).toMatch(/^Method: each open balance is expected on its due date/);
    expect(report.currencies[0].weeks[0]).toEqual({ week: 1, from: '2026-11-25', to: '2026-12-01', expected: '850.00', invoices: 3 });
    expect(report.currencies[1].atRisk).toMatchObject({ amount: '800.00', invoices: [{ customer: { id: 'gamma', name: 'Gamma' }, balance: '800.00', daysOverdue: 178 }] });
    const human = (await box.ok(['report', 'forecast', '--chart'])).stdout;
    expect(human).toMatch(/Week {2}1 {2}2026-11-25 – 2026-12-01 +█+ +850.00 EUR/);
    expect(human).toContain('At risk, more than 90 days overdue: 800.00 USD');
    // The method closes the report, wrapped at the width.
    expect(human.trimEnd().split('\n\n').at(-1)).toMatch(/^Method: [^\n]{0,79}\n/);
  });

  it('prints a statement of account with its running balance', async () => {
    const report = await json(['statement', 'beta', '--from', '2026-09-10']);
    expect(report).toMatchObject({ customer: { id: 'beta', name: 'Beta' }, from: '2026-09-10', to: '2026-11-25' });
    expect(report.currencies[0]).toMatchObject({ opening: '400.00', closing: '700.00', balanceDue: '700.00' });
    expect(report.currencies[0].lines.map((l: { balance: string }) => l.balance)).toEqual(['650.00', '550.00', '700.00']);
  });

  it('writes CSV that a spreadsheet cannot run as a formula', async () => {
    const csv = (await box.ok(['report', 'customers', '--csv'])).stdout;
    expect(csv.split('\r\n')[0]).toBe('customer_id,customer,currency,invoiced,received,outstanding,overdue,invoices,average_days_to_pay,late_share,last_payment');
    expect(csv).toContain(`evil,"'=HYPERLINK(""http://evil.test"",""click"")",EUR,10.00`);
    expect((await box.ok(['report', 'aging', '--csv'])).stdout).toContain(`"'=HYPERLINK(`);
    expect((await box.ok(['report', 'statement', 'beta', '--csv'])).stdout).toContain('EUR,2026-11-20,invoice,INV-2026-0010,150.00,,700.00');
  });

  it('refuses bad report options', async () => {
    for (const [args, message] of [
      [['report', 'customers', '--sort', 'name'], /--sort: 'name' is not one of outstanding, revenue, late/],
      [['report', 'forecast', '--weeks', '0'], /--weeks: '0' is not a number of weeks/],
      [['report', '--json', '--csv'], /--json and --csv cannot be used together/],
      [['report', 'statement', 'nobody'], /no customer 'nobody'/],
    ] as const) {
      const result = await box.run([...args]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
    }
  });

  describe('at both ends of the date range (issue 9)', () => {
    const reports = [['report'], ['report', 'aging'], ['report', 'customers'], ['report', 'forecast'], ['report', 'statement', 'beta']];
    const formatsOf = (report: string[]) => [[], ['--json'], ['--csv'], ...(report.length === 1 || report[1] === 'forecast' ? [['--chart']] : [])];

    it('finishes every report for 9999-12-31 with a result, or refuses it with one line and exit 2', async () => {
      for (const report of reports) {
        for (const format of formatsOf(report)) {
          const args = [...report, ...format];
          const result = await box.run(args, { env: { SMALLPAY_NOW: '9999-12-31' } });
          if (report[1] === 'forecast') {
            // 12 weeks from 9999-12-31 cannot be written as dates: refused, not looped over.
            expect([args, result.code, result.stderr]).toEqual([args, 2, 'smallpay: a forecast of 12 weeks from 9999-12-31 would end after 9999-12-31, the last date SmallPay handles\n']);
            continue;
          }
          expect([args, result.code, result.stderr]).toEqual([args, 0, '']);
          if (format[0] === '--json') expect(JSON.parse(result.stdout).asOf).toBe('9999-12-31');
        }
      }
      const dashboard = JSON.parse((await box.ok(['report', '--json'], { env: { SMALLPAY_NOW: '9999-12-31' } })).stdout);
      expect(dashboard).toMatchObject({ from: '9999-01-01', to: '9999-12-31' });
      expect(dashboard.currencies[0].months.map((m: { month: string }) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => `9999-${String(i + 1).padStart(2, '0')}`));
      const aging = JSON.parse((await box.ok(['report', 'aging', '--json'], { env: { SMALLPAY_NOW: '9999-12-31' } })).stdout);
      expect(aging.currencies[0].totals['over-120']).toBe(aging.currencies[0].total);
      const week = JSON.parse((await box.ok(['report', 'forecast', '--weeks', '1', '--json'], { env: { SMALLPAY_NOW: '9999-12-25' } })).stdout);
      expect(week.currencies[0].weeks).toEqual([{ week: 1, from: '9999-12-25', to: '9999-12-31', expected: '0.00', invoices: 0 }]);
    });

    it('takes --to 9999-12-31 and --from 1900-01-01 in every report that has them', async () => {
      const upTo = JSON.parse((await box.ok(['report', '--to', '9999-12-31', '--json'])).stdout);
      expect(upTo).toMatchObject({ from: '9999-01-01', to: '9999-12-31' });
      const everything = JSON.parse((await box.ok(['report', '--from', '1900-01-01', '--to', '9999-12-31', '--json'])).stdout);
      expect(everything.currencies[0].months).toHaveLength((9999 - 1900 + 1) * 12);
      expect(everything.currencies[0].invoiced).toEqual({ amount: '3360.00', count: 10 });
      expect(JSON.parse((await box.ok(['report', 'customers', '--from', '1900-01-01', '--to', '9999-12-31', '--json'])).stdout).customers).toHaveLength(5);
      const statement = JSON.parse((await box.ok(['report', 'statement', 'beta', '--from', '1900-01-01', '--to', '9999-12-31', '--json'])).stdout);
      expect(statement.currencies[0]).toMatchObject({ opening: '0.00', closing: '700.00' });
      const refused = await box.run(['report', '--from', '1899-12-31']);
      expect([refused.code, refused.stderr.trim().split('\n')]).toEqual([2, ["smallpay: --from: '1899-12-31' is not a date (use YYYY-MM-DD, e.g. 2026-11-01)"]]);
    });

    it('refuses date arithmetic past 9999-12-31 in one line, exit 2, instead of writing a five-digit year', async () => {
      const before = await box.snapshot();
      const result = await box.run(['invoice', 'new', '--customer', 'alpha', '--item', 'x', '--price', '1'], { env: { SMALLPAY_NOW: '9999-12-31' } });
      expect([result.code, result.stderr]).toEqual([2, 'smallpay: the date would be after 9999-12-31, the last date SmallPay handles\n']);
      expect(await box.snapshot()).toBe(before);
    });

    it('finishes every report for 1900-01-01, the first day it accepts', async () => {
      for (const report of reports) {
        for (const format of formatsOf(report)) {
          const result = await box.run([...report, ...format], { env: { SMALLPAY_NOW: '1900-01-01' } });
          expect([report, format, result.code]).toEqual([report, format, 0]);
        }
      }
      const dashboard = JSON.parse((await box.ok(['report', '--json'], { env: { SMALLPAY_NOW: '1900-01-01' } })).stdout);
      expect(dashboard).toMatchObject({ from: '1900-01-01', to: '1900-01-01' });
      expect(dashboard.currencies[0].months).toEqual([{ month: '1900-01', invoiced: '0.00', received: '0.00' }]);
      const forecast = JSON.parse((await box.ok(['report', 'forecast', '--json'], { env: { SMALLPAY_NOW: '1900-01-01' } })).stdout);
      expect(forecast.currencies[0].weeks[0]).toMatchObject({ from: '1900-01-01', to: '1900-01-07' });
    });
  });
});
