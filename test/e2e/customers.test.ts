import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, sandbox, seedBusiness } from '../support/cli.js';

let box: Sandbox;
beforeAll(async () => {
  box = sandbox();
  await seedBusiness(box);
});
afterAll(() => box.cleanup());

describe('customers from the shell', () => {
  it('adds a customer with a derived id and prints it', async () => {
    const result = await box.ok(['customer', 'add', '--name', 'Zoë Łódź', '--email', 'zoe@lodz.test', '--address', 'ul. Piotrkowska 1\n90-001 Łódź', '--lang', 'pl']);
    expect(result.stdout).toBe('zoe-lodz\n');
    const zoe = JSON.parse((await box.ok(['customer', 'show', 'zoe@lodz.test', '--json'])).stdout);
    expect(zoe).toMatchObject({ id: 'zoe-lodz', name: 'Zoë Łódź', address: 'ul. Piotrkowska 1\n90-001 Łódź', lang: 'pl', currency: null, invoiceCount: 0, balances: [] });
    // Issue 10: the free-text --address is kept as street lines; the other new fields are null until set.
    expect(zoe).toMatchObject({
      postalAddress: { lines: ['ul. Piotrkowska 1', '90-001 Łódź'], postcode: null, city: null, region: null, country: null },
      contact: null,
      endpoint: null,
      vatTreatment: null,
    });
  });

  it('lists and searches, as JSON and as a table', async () => {
    const all = JSON.parse((await box.ok(['customer', 'list', '--json'])).stdout) as { id: string }[];
    expect(all.map((c) => c.id)).toEqual(['acme', 'globex', 'zoe-lodz']);
    expect(JSON.parse((await box.ok(['customer', 'list', '--search', 'LODZ', '--json'])).stdout)).toHaveLength(1);
    expect((await box.ok(['customer', 'list', '--search', 'nobody', '--json'])).stdout).toBe('[]\n');
    const empty = await box.ok(['customer', 'list', '--search', 'nobody']);
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toBe("No customer matches 'nobody'.\n");
    expect((await box.ok(['customer', 'list'])).stdout).toMatch(/^Id\s+Name\s+Email\s+Currency\s+Terms\nacme\s+ACME Corp\.\s+billing@acme\.test\s+USD\s+14 d\n/);
  });

  it('edits without rewriting issued invoices', async () => {
    await box.ok(['invoice', 'new', '--customer', 'globex', '--item', 'Work', '--price', '100']);
    await box.ok(['customer', 'edit', 'globex', '--name', 'Globex AG', '--address', 'Neue Straße 2']);
    const invoice = JSON.parse((await box.ok(['invoice', 'show', 'INV-2026-0001', '--json'])).stdout);
    expect(invoice.customer).toEqual({ id: 'globex', name: 'Globex GmbH', email: 'ap@globex.test', address: null, taxId: null });
    const shown = JSON.parse((await box.ok(['customer', 'show', 'globex', '--json'])).stdout);
    expect(shown).toMatchObject({ name: 'Globex AG', address: 'Neue Straße 2', invoiceCount: 1, balances: [{ currency: 'EUR', outstanding: '100.00', overdue: '0.00' }] });
  });

  it('removes only without unpaid invoices, or with --force keeping the invoice copies', async () => {
    expect((await box.run(['customer', 'rm', 'globex'])).code).toBe(2);
    const removed = await box.ok(['customer', 'rm', 'globex', '--force', '--json']);
    expect(JSON.parse(removed.stdout)).toMatchObject({ id: 'globex', name: 'Globex AG' });
    const invoice = JSON.parse((await box.ok(['invoice', 'show', 'INV-2026-0001', '--json'])).stdout);
    expect(invoice.customer.name).toBe('Globex GmbH');
    // The invoices of a removed customer can still be listed by the id they carry.
    expect(JSON.parse((await box.ok(['invoice', 'list', '--customer', 'globex', '--json'])).stdout)).toHaveLength(1);
    const audit = JSON.parse((await box.ok(['audit', '--json'])).stdout);
    expect(audit).toEqual([expect.objectContaining({ event: 'customer.removed', customerId: 'globex', customer: expect.objectContaining({ name: 'Globex AG' }) })]);
    await box.ok(['customer', 'rm', 'zoe-lodz']);
    expect((await box.run(['customer', 'show', 'zoe-lodz'])).code).toBe(2);
  });
});

describe('settings from the shell', () => {
  it('shows and changes the business, validating each value', async () => {
    const shown = JSON.parse((await box.ok(['config', 'show', '--json'])).stdout);
    expect(shown).toEqual({
      name: 'Ada Consulting',
      email: 'ada@example.com',
      address: 'DE',
      taxId: 'DE123456789',
      currency: 'EUR',
      terms: 30,
      numberFormat: 'INV-{YYYY}-{SEQ:4}',
      lang: 'en',
      pdf: { template: null, logo: null, accentColor: null, footer: null, labels: null, font: null, fontBold: null },
      payment: { bank: null, iban: null, bic: null, accounts: {} },
      smtp: { host: null, port: null, secure: null, user: null, password: null, tlsRejectUnauthorized: null, requireTLS: null },
      mail: { bcc: null, transport: null },
      tax: { defaultRate: null },
      postalAddress: { lines: [], postcode: null, city: null, region: null, country: 'DE' },
      taxNumber: null,
      registration: null,
      endpoint: null,
      creditNumberFormat: 'CN-{YYYY}-{SEQ:4}',
      contact: { name: null, phone: null, email: null },
      vat: { smallBusiness: false, smallBusinessCategory: null },
      xero: { accountCode: null, dateFormat: null, taxTypes: {} },
      quickbooks: { item: null, dateFormat: null, taxCodes: {} },
      accounts: { receivable: null, revenue: null, bank: null, writeoff: null, vat: {} },
    });
    await box.ok(['config', 'set', 'number-format', 'R{YYYY}{MM}-{SEQ:3}']);
    await box.ok(['config', 'set', 'terms', '14']);
    expect((await box.ok(['invoice', 'new', '--customer', 'acme', '--item', 'x', '--price', '1'])).stdout).toBe('R202611-001\n');
    await box.ok(['config', 'unset', 'taxId']);
    expect(JSON.parse((await box.ok(['config', 'show', '--json'])).stdout)).toMatchObject({ taxId: null, terms: 14, numberFormat: 'R{YYYY}{MM}-{SEQ:3}' });
    expect((await box.ok(['config', 'show'])).stdout).toMatch(/^name\s+Ada Consulting\n/);
  });

  it('refuses commands that need a business in a store without one', async () => {
    const result = await box.run(['customer', 'add', '--name', 'X', '--email', 'x@x.test'], { env: { SMALLPAY_STORE: `${box.home}/empty.json` } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('smallpay: no business is set up in this store; run smallpay init --name <name> --email <email> first\n');
  });
});
