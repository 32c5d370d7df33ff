/**
 * Issue 9 items 18 and 19: every table and report fits COLUMNS, with amounts aligned right, and the forecast
 * bars stay in line from week 10 on. Runs the built CLI (no TTY: the plain layout).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, sandbox, seedBusiness } from '../support/cli.js';
import { type SmtpSink, startSmtpSink } from '../support/smtp.js';

let box: Sandbox;
let smtp: SmtpSink;
const LONG_NAME = 'Donaudampfschifffahrtsgesellschaftskapitänswitwenversicherung und Partner GmbH & Co. KG';

beforeAll(async () => {
  box = sandbox();
  smtp = await startSmtpSink();
  await seedBusiness(box);
  await box.ok(['customer', 'add', '--id', 'long', '--name', LONG_NAME, '--email', 'buchhaltung.abteilung.rechnungseingang@donaudampfschifffahrt.test']);
  await box.ok(['customer', 'add', '--id', 'gone', '--name', 'Gone Ltd', '--email', 'gone@example.test']);
  await box.ok(['customer', 'rm', 'gone', '--yes']);
  await box.ok(['invoice', 'new', '--customer', 'long', '--date', '2026-09-01', '--item', `Beratung ${'sehr '.repeat(20)}lang`, '--qty', '12.5', '--price', '123456.78', '--tax', '19']);
  await box.ok(['invoice', 'new', '--customer', 'acme', '--date', '2026-10-10', '--item', 'Hosting', '--price', '20.5']);
  await box.ok(['invoice', 'new', '--customer', 'globex', '--date', '2026-11-20', '--item', 'Design', '--price', '1500', '--tax', '19']);
  await box.ok(['invoice', 'pay', 'INV-2026-0002', '--amount', '10']);
  await box.ok(['invoice', 'new', '--customer', 'globex', '--item', 'Draft work', '--price', '1', '--draft']);
  const drafts = JSON.parse((await box.ok(['invoice', 'list', '--status', 'draft', '--json'])).stdout) as { id: string }[];
  await box.ok(['invoice', 'delete', drafts[0]!.id, '--yes', '--reason', 'a reason that is rather long, to see it cut at the width of the terminal']);
  await box.ok(['recurring', 'add', '--customer', 'long', '--every', 'month', '--start', '2026-12-01', '--item', 'Retainer', '--price', '900']);
  await box.ok(['send', 'INV-2026-0001'], { env: { SMALLPAY_SMTP_URL: `smtp://127.0.0.1:${smtp.port}` } });
});
afterAll(async () => {
  await smtp.stop();
  box.cleanup();
});

const visible = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');
/** Columns on screen, wide characters counted twice. */
const width = (line: string) => [...visible(line)].reduce((sum, char) => sum + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uff00-\uff60]/.test(char) ? 2 : 1), 0);

const COMMANDS = [
  ['invoice', 'list'],
  ['invoice', 'show', 'INV-2026-0001'],
  ['customer', 'list'],
  ['customer', 'show', 'long'],
  ['report', '--chart'],
  ['report', 'aging'],
  ['report', 'customers'],
  ['report', 'forecast', '--chart', '--weeks', '14'],
  ['report', 'statement', 'long'],
  ['outbox', 'list', '--all'],
  ['recurring', 'list'],
  ['audit'],
];

describe('every table fits the terminal', () => {
  for (const columns of [60, 80, 120, 200]) {
    it(`at ${columns} columns`, async () => {
      // A period of 97,200 months: its chart is sampled to the width, once is enough.
      const huge = columns === 60 ? [['report', '--from', '1900-01-01', '--to', '9999-12-31', '--chart']] : [];
      for (const command of [...COMMANDS, ...huge]) {
        const { stdout } = await box.ok(command, { env: { COLUMNS: String(columns) } });
        expect(stdout.trim(), command.join(' ')).not.toBe('');
        const widest = stdout.split('\n').reduce((most, line) => Math.max(most, width(line)), 0);
        expect([command.join(' '), widest <= columns]).toEqual([command.join(' '), true]);
      }
      // Some fifteen CLI runs: generous on a loaded two-core machine.
    }, 180_000);
  }

  it('aligns amounts right, under their header', async () => {
    for (const columns of [60, 80, 120, 200]) {
      const lines = (await box.ok(['invoice', 'list'], { env: { COLUMNS: String(columns) } })).stdout.trimEnd().split('\n');
      const end = (lines[0] as string).indexOf('Balance') + 'Balance'.length;
      for (const line of lines.slice(1)) expect([columns, line.match(/^(.*\d [A-Z]{3})/)?.[1]?.length]).toEqual([columns, end]);
    }
    const wide = (await box.ok(['invoice', 'list'], { env: { COLUMNS: '200' } })).stdout;
    expect(wide).toContain(LONG_NAME);
    expect((await box.ok(['invoice', 'list'], { env: { COLUMNS: '80' } })).stdout).toMatch(/ Donaudampfschiff\S*… /);
  });

  it('keeps the forecast bars in line from week 10 on', async () => {
    const { stdout } = await box.ok(['report', 'forecast', '--chart', '--weeks', '14'], { env: { COLUMNS: '100' } });
    const weeks = stdout.split('\n').filter((line) => line.startsWith('Week ') && line.includes('–'));
    expect(weeks).toHaveLength(2 * 14);
    const firstDate = new Set(weeks.map((line) => line.indexOf('2026-') === -1 ? line.indexOf('2027-') : line.indexOf('202')));
    expect(firstDate.size).toBe(1);
    const barStart = new Set(weeks.map((line) => line.indexOf('–') + 14));
    expect(barStart.size).toBe(1);
    expect(new Set(weeks.map((line) => line.length)).size).toBe(1);
  });
});
