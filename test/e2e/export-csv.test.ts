import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOICE_COLUMNS, PAYMENT_COLUMNS } from '../../src/domain/invoice-csv.js';
import { parseCsv, restoreFormulas } from '../../src/domain/csv-text.js';
import { type Sandbox, sandbox } from '../support/cli.js';
import { seedCsvBooks } from './csv-dataset.js';

let box: Sandbox;
beforeAll(async () => {
  box = sandbox();
  await seedCsvBooks(box);
}, 120_000);
afterAll(() => box.cleanup());

const records = (text: string) => parseCsv(text).map((record) => record.fields.map(restoreFormulas));

describe('export csv', () => {
  it('writes one row per line of each issued document, drafts left out, in issue-date order', async () => {
    const { stdout } = await box.ok(['export', 'csv']);
    const [header, ...rows] = records(stdout);
    expect(header).toEqual([...INVOICE_COLUMNS]);
    const cell = (row: string[], column: (typeof INVOICE_COLUMNS)[number]) => row[INVOICE_COLUMNS.indexOf(column)];
    expect(rows.map((row) => `${cell(row, 'number')}/${cell(row, 'line')}`)).toEqual([
      'INV-2026-0001/1', 'INV-2026-0001/2', 'INV-2026-0002/1', 'INV-2026-0003/1', 'INV-2026-0004/1', 'CN-2026-0001/1',
      'INV-2026-0005/1', 'INV-2026-0006/1', 'INV-2026-0007/1', 'INV-2026-0007/2', 'CN-2026-0002/1', 'CN-2026-0002/2',
    ]);
    expect(stdout).not.toContain('Still a draft');
    const first = rows[0] as string[];
    expect(Object.fromEntries(INVOICE_COLUMNS.map((column, index) => [column, first[index]]))).toMatchObject({
      type: 'invoice', status: 'partial', issue_date: '2026-09-01', due_date: '2026-10-01', currency: 'EUR', customer_id: 'globex',
      line_description: 'Design, "phase 1"', line_quantity: '10', line_unit_price: '100.00', line_vat_category: 'S', line_vat_rate: '19',
      line_allowances: '[{"percent":"10","reason":"Loyalty"}]', line_net: '900.00', purchase_order: 'PO-7',
      line_total: '912.50', charge_total: '12.50', net_total: '925.00', tax_total: '174.26', total: '1099.26', paid: '700.01', balance: '399.25',
    });
    const creditNote = rows[5] as string[];
    expect([cell(creditNote, 'type'), cell(creditNote, 'status'), cell(creditNote, 'corrects_number'), cell(creditNote, 'corrects_issue_date'), cell(creditNote, 'total')]).toEqual(['credit-note', 'issued', 'INV-2026-0003', '2026-10-05', '190.40']);
  });

  it('guards formulas and quotes what must be quoted (RFC 4180, CRLF)', async () => {
    const { stdout } = await box.ok(['export', 'csv']);
    expect(stdout).toContain(",'=SUM(A1);'+1,");
    expect(stdout).toContain(",'@team: thanks,");
    expect(stdout).toContain('"Design, ""phase 1"""');
    expect(stdout.split('\r\n')[0]).toBe(INVOICE_COLUMNS.join(','));
  });

  it('--payments: one row per payment, refund and write-off', async () => {
    const { stdout } = await box.ok(['export', 'csv', '--payments']);
    expect(stdout).toBe(
      [
        PAYMENT_COLUMNS.join(','),
        'INV-2026-0001,payment,2026-09-15,500.00,EUR,bank,',
        'INV-2026-0001,payment,2026-10-01,200.01,EUR,,',
        'INV-2026-0002,payment,2026-10-10,1000.00,USD,wire,',
        'INV-2026-0003,payment,2026-10-20,476.00,EUR,,',
        'INV-2026-0003,refund,2026-10-28,190.40,EUR,bank,',
        'INV-2026-0006,payment,2026-11-05,20.00,USD,,',
        'INV-2026-0006,write-off,2026-11-20,30.00,USD,,customer insolvent',
        '',
      ].join('\r\n'),
    );
  });

  it('--from/--to select by issue date; the same store and range give the same bytes, on stdout or in --out', async () => {
    const { stdout } = await box.ok(['export', 'csv', '--from', '2026-10-01', '--to', '2026-10-31']);
    expect([...new Set(records(stdout).slice(1).map((row) => row[0]))]).toEqual(['INV-2026-0003', 'INV-2026-0004', 'CN-2026-0001']);
    const again = await box.ok(['export', 'csv', '--from', '2026-10-01', '--to', '2026-10-31']);
    expect(again.stdout).toBe(stdout);
    const out = join(box.home, 'october.csv');
    const written = await box.ok(['export', 'csv', '--from', '2026-10-01', '--to', '2026-10-31', '--out', out]);
    expect(written.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(stdout);
  });

  it('an empty store gives the header alone', async () => {
    const empty = sandbox();
    try {
      expect((await empty.ok(['export', 'csv'])).stdout).toBe(`${INVOICE_COLUMNS.join(',')}\r\n`);
      expect((await empty.ok(['export', 'csv', '--payments'])).stdout).toBe(`${PAYMENT_COLUMNS.join(',')}\r\n`);
    } finally {
      empty.cleanup();
    }
  });

  it('docs/exports.md lists every column, in order', () => {
    const doc = readFileSync(new URL('../../docs/exports.md', import.meta.url), 'utf8');
    const listed = (section: string) => {
      const part = doc.slice(doc.indexOf(section));
      return [...part.slice(0, part.indexOf('\n#', 1) < 0 ? undefined : part.indexOf('\n#', 1)).matchAll(/^\| `([a-z_]+)` \|/gm)].map((match) => match[1]);
    };
    expect(listed('### Invoices CSV')).toEqual([...INVOICE_COLUMNS]);
    expect(listed('### Payments CSV')).toEqual([...PAYMENT_COLUMNS]);
  });
});
