/**
 * `smallpay store copy --to <store>` (issue 13): from the store of this run's engine to an empty store of each
 * engine (JSON, SQLite, and PostgreSQL when a server runs), then the copy used through the CLI.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, sandbox, seedBusiness } from '../support/cli.js';
import { postgresHarness } from '../support/engine.js';

let box: Sandbox;
beforeAll(async () => {
  box = sandbox();
  await seedBusiness(box);
  await box.ok(['config', 'set', 'iban', 'DE89370400440532013000']);
  for (let i = 1; i <= 3; i += 1) await box.ok(['invoice', 'new', '--customer', 'globex', '--date', '2026-10-01', '--item', `Work ${i}`, '--price', `${i}00`, '--tax', '19']);
  await box.ok(['invoice', 'new', '--customer', 'acme', '--item', 'Consulting', '--qty', '3', '--price', '250']);
  await box.ok(['invoice', 'new', '--customer', 'globex', '--item', 'Later', '--price', '10', '--draft']);
  await box.ok(['invoice', 'pay', 'INV-2026-0001', '--date', '2026-10-10']);
  await box.ok(['invoice', 'pay', 'INV-2026-0004', '--amount', '100']);
  await box.ok(['invoice', 'credit', 'INV-2026-0002', '--item', 'Discount', '--price', '50', '--tax', '19']);
  await box.ok(['invoice', 'new', '--customer', 'globex', '--item', 'Mistake', '--price', '1']);
  await box.ok(['invoice', 'delete', 'INV-2026-0005', '--force', '--yes']);
  await box.ok(['recurring', 'add', '--customer', 'globex', '--item', 'Retainer {period}', '--price', '1000', '--tax', '19', '--every', 'month', '--day', '1', '--start', '2026-10-01']);
  await box.ok(['recurring', 'run', '--send', '--eml']);
}, 180_000);
afterAll(() => box.cleanup());

const views = [
  ['invoice', 'list', '--json'],
  ['customer', 'list', '--json'],
  ['recurring', 'list', '--json'],
  ['outbox', 'list', '--all', '--json'],
  ['audit', '--json'],
  ['report', '--json'],
  ['report', 'customers', '--json'],
];
const viewsOf = async (store: string) => Promise.all(views.map(async (args) => (await box.ok(args, { env: { SMALLPAY_STORE: store } })).stdout));

interface CopyReport {
  ok: boolean;
  from: { store: string; engine: string };
  to: { store: string; engine: string };
  counts: Record<string, { source: number; copy: number }>;
  totals: { currency: string; invoiced: { source: string; copy: string }; paid: { source: string; copy: string }; balance: { source: string; copy: string } }[];
  checks: { name: string; ok: boolean; problems: string[] }[];
}

/** An empty store of each engine to copy into. */
async function targets(): Promise<[string, () => Promise<string>][]> {
  const list: [string, () => Promise<string>][] = [
    ['json', async () => join(box.home, `copy-${Math.random().toString(36).slice(2)}.json`)],
    ['sqlite', async () => `sqlite:${join(box.home, `copy-${Math.random().toString(36).slice(2)}.db`)}`],
  ];
  const harness = await postgresHarness();
  if (harness?.postgresAvailable) list.push(['postgres', async () => `${await harness.createTestDatabase('copy')}?business=copied`]);
  return list;
}

describe('smallpay store copy', async () => {
  for (const [engine, target] of await targets()) {
    it(`copies every record into an empty ${engine} store, verifies it, and the copy carries on where the source stopped`, async () => {
      const to = await target();
      const result = await box.run(['store', 'copy', '--to', to, '--json']);
      expect(result.code, result.stderr).toBe(0);
      const report = JSON.parse(result.stdout) as CopyReport;
      expect(report.ok).toBe(true);
      expect(report.to.engine).toBe(engine);
      expect(report.from.engine).toBe(box.engine);
      expect(Object.fromEntries(Object.entries(report.counts).map(([key, pair]) => [key, pair.copy]))).toEqual({
        customers: 2,
        invoices: 7, // 4 issued + the draft + 2 recurring (October and November)
        creditNotes: 1,
        payments: 2,
        schedules: 1,
        outboxJobs: 2,
        auditEntries: 1,
      });
      for (const pair of Object.values(report.counts)) expect(pair.copy).toBe(pair.source);
      expect(report.totals).toEqual([
        { currency: 'EUR', invoiced: { source: '3094.00', copy: '3094.00' }, paid: { source: '119.00', copy: '119.00' }, balance: { source: '2915.50', copy: '2915.50' } },
        { currency: 'USD', invoiced: { source: '750.00', copy: '750.00' }, paid: { source: '100.00', copy: '100.00' }, balance: { source: '650.00', copy: '650.00' } },
      ]);
      expect(report.checks.map((check) => [check.name, check.ok])).toEqual([['schema', true], ['numbers', true], ['totals', true], ['recurring', true], ['outbox', true], ['credits', true], ['comparison', true]]);
      expect(result.stderr).toMatch(/Copied .* verified, same counts and totals\n$/);

      // The copy answers every question as the source does, passes verify, and numbers on without a gap.
      expect(await viewsOf(to)).toEqual(await viewsOf(box.store));
      await box.ok(['verify'], { env: { SMALLPAY_STORE: to } });
      const next = await box.ok(['invoice', 'new', '--customer', 'acme', '--item', 'Next', '--price', '1'], { env: { SMALLPAY_STORE: to } });
      expect(next.stdout.trim()).toBe('INV-2026-0008');

      // A second copy into it is refused: exit 2, one line, nothing written.
      const before = await viewsOf(to);
      const again = await box.run(['store', 'copy', '--to', to]);
      expect([again.code, again.stdout, again.stderr.split('\n').length]).toEqual([2, '', 2]);
      expect(again.stderr).toMatch(/^smallpay: store .* is not empty: store copy writes only into an empty store; nothing was copied/);
      expect(await viewsOf(to)).toEqual(before);
    }, 180_000);
  }

  it('prints a summary on stderr without --json', async () => {
    const to = join(box.home, 'summary.json');
    const result = await box.ok(['store', 'copy', '--to', to]);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('  credit notes           1\n');
    expect(result.stderr).toContain('  EUR  invoiced 3,094.00 EUR, paid 119.00 EUR, balance 2,915.50 EUR\n');
    expect(result.stderr).toContain('ok      comparison\n');
  });

  it('refuses the store itself, a missing --to, and a missing source', async () => {
    const self = await box.run(['store', 'copy', '--to', box.store]);
    expect([self.code, self.stderr]).toEqual([2, expect.stringMatching(/^smallpay: store copy: --to names the store being copied .*\n$/)]);
    const missing = await box.run(['store', 'copy']);
    expect([missing.code, missing.stderr]).toEqual([2, "smallpay: required option '--to <store>' not specified\n"]);
    const nothing = await box.run(['store', 'copy', '--to', join(box.home, 'x.json')], { env: { SMALLPAY_STORE: join(box.home, 'absent.json') } });
    expect([nothing.code, nothing.stderr]).toEqual([1, `smallpay: store ${join(box.home, 'absent.json')} does not exist: nothing to copy\n`]);
  });

  it('exits 1 when the copy fails verify, naming the problem, and leaves the source as it was', async () => {
    const damaged = sandbox();
    try {
      await seedBusiness(damaged);
      await damaged.ok(['invoice', 'new', '--customer', 'globex', '--item', 'Work', '--price', '100', '--tax', '19']);
      await damaged.update((doc) => {
        doc.invoices[0]!.total = 11_800;
      });
      const before = await damaged.snapshot();
      const result = await damaged.run(['store', 'copy', '--to', join(damaged.home, 'copy.json'), '--json']);
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout) as CopyReport;
      expect(report.ok).toBe(false);
      expect(report.checks.find((check) => check.name === 'totals')?.problems).toEqual(['INV-2026-0001: total is 118.00 EUR, computed 119.00 EUR']);
      expect(report.checks.find((check) => check.name === 'comparison')?.ok).toBe(true);
      expect(result.stderr).toMatch(/^smallpay: the copy in .*copy\.json failed its check: 1 problem; the source was not changed, the copy is left for a look\n$/);
      expect(await damaged.snapshot()).toBe(before);
    } finally {
      damaged.cleanup();
    }
  });
});
