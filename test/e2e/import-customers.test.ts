import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Sandbox, sandbox } from '../support/cli.js';

let box: Sandbox;
beforeEach(async () => {
  box = sandbox();
  await box.ok(['init', '--name', 'Ada Consulting', '--email', 'ada@example.com', '--country', 'DE']);
  await box.ok(['customer', 'add', '--id', 'globex', '--name', 'Globex GmbH', '--email', 'ap@globex.test']);
});
afterEach(() => box.cleanup());

function write(name: string, content: string): string {
  const path = join(box.home, name);
  writeFileSync(path, content);
  return path;
}

// A CRM's export: its own column names, a German spreadsheet's formula guard, a customer the store has.
const CRM = [
  'Firma,E-Mail,USt-IdNr,Straße,PLZ,Ort,Land,Notiz',
  '"Umbrella SARL",compta@umbrella.test,FR40303265045,"8 rue de la Paix\nBâtiment B",75002,Paris,FR,VIP',
  "'=Evil Corp,evil@example.test,,,,,,",
  'Globex (again),AP@globex.test,,,,,,',
  '',
].join('\r\n');
const MAP = ['--map', 'Firma=name', '--map', 'E-Mail=email', '--map', 'USt-IdNr=taxId', '--map', 'Straße=street', '--map', 'PLZ=postcode', '--map', 'Ort=city', '--map', 'Land=country'];

describe('import customers', () => {
  it('--map names the columns; existing customers (by email) are matched, not changed; --json says what happened', async () => {
    const file = write('crm.csv', CRM);
    const result = await box.ok(['import', 'customers', file, ...MAP, '--json']);
    expect(JSON.parse(result.stdout)).toEqual({ dryRun: false, customers: { added: ['umbrella-sarl', 'evil-corp'], matched: ['globex'] }, ignoredColumns: ['Notiz'] });
    const customers = JSON.parse((await box.ok(['customer', 'list', '--json'])).stdout) as { id: string; name: string; taxId: string | null; postalAddress: { lines: string[]; city: string | null; country: string | null } }[];
    const umbrella = customers.find((customer) => customer.id === 'umbrella-sarl');
    expect(umbrella).toMatchObject({ name: 'Umbrella SARL', taxId: 'FR40303265045', postalAddress: { lines: ['8 rue de la Paix', 'Bâtiment B'], city: 'Paris', country: 'FR' } });
    expect(customers.find((customer) => customer.id === 'evil-corp')?.name).toBe('=Evil Corp');
    expect(customers.find((customer) => customer.id === 'globex')?.name).toBe('Globex GmbH');
  });

  it('is idempotent: the second import adds nothing and leaves the store file alone', async () => {
    const file = write('crm.csv', CRM);
    await box.ok(['import', 'customers', file, ...MAP]);
    const content = readFileSync(box.store, 'utf8');
    const modified = statSync(box.store).mtimeMs;
    const again = await box.ok(['import', 'customers', file, ...MAP]);
    expect(again.stderr).toBe('Imported 0 customers; 3 already in the store; ignored columns: Notiz\n');
    expect(readFileSync(box.store, 'utf8')).toBe(content);
    expect(statSync(box.store).mtimeMs).toBe(modified);
  });

  it('reads JSON with the field names, and --dry-run writes nothing', async () => {
    const file = write('customers.json', JSON.stringify([{ id: 'initech', name: 'Initech LLC', email: 'billing@initech.test', terms: 14, currency: 'USD' }]));
    const content = readFileSync(box.store, 'utf8');
    const dry = await box.ok(['import', 'customers', file, '--dry-run']);
    expect(dry.stderr).toBe('Dry run, nothing written: would import 1 customer; 0 already in the store\n');
    expect(readFileSync(box.store, 'utf8')).toBe(content);
    await box.ok(['import', 'customers', file]);
    expect(JSON.parse((await box.ok(['customer', 'show', 'initech', '--json'])).stdout)).toMatchObject({ terms: 14, currency: 'USD' });
  });

  it('lists every bad row (line, column, reason), exits 2 and writes nothing', async () => {
    const file = write('bad.csv', ['name,email,country,terms', 'A,not-an-email,DE,', 'B,b@example.test,XX,', 'C,c@example.test,,-3', ',d@example.test,,', ''].join('\n'));
    const content = readFileSync(box.store, 'utf8');
    const result = await box.run(['import', 'customers', file]);
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toBe('smallpay: 4 problems in the import; nothing was imported:');
    expect(lines.slice(1).map((line) => line.replace(/: [^:]*$/, ''))).toEqual([`smallpay: ${file} line 2, column email`, `smallpay: ${file} line 3, column country`, `smallpay: ${file} line 4, column terms`, `smallpay: ${file} line 5, column name`]);
    expect(readFileSync(box.store, 'utf8')).toBe(content);
  });

  it('takes the customer columns of smallpay export csv as they are', async () => {
    await box.ok(['invoice', 'new', '--customer', 'globex', '--item', 'Work', '--price', '10']);
    const exported = (await box.ok(['export', 'csv'])).stdout;
    const other = sandbox();
    try {
      await other.ok(['init', '--name', 'Other', '--email', 'o@example.com']);
      const file = join(other.home, 'invoices.csv');
      writeFileSync(file, exported);
      const result = await other.ok(['import', 'customers', file, '--json']);
      expect((JSON.parse(result.stdout) as { customers: { added: string[] } }).customers.added).toEqual(['globex']);
    } finally {
      other.cleanup();
    }
  });

  it('refuses a --map that is not column=field before reading anything', async () => {
    const result = await box.run(['import', 'customers', 'missing.csv', '--map', 'Firma=firm']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("'firm' is not a customer field");
  });
});
