/** Credit notes, refunds, write-offs and unpay through the built CLI, against a temporary store. */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Sandbox, sandbox, seedBusiness } from '../support/cli.js';
import { readPdf } from '../support/pdf-text.js';
import { type SmtpSink, startSmtpSink } from '../support/smtp.js';

let box: Sandbox;
beforeEach(async () => {
  box = sandbox();
  await seedBusiness(box);
});
afterEach(() => box.cleanup());

const json = async (args: string[]) => JSON.parse((await box.ok([...args, '--json'])).stdout);
const show = (number: string) => json(['invoice', 'show', number]);
const dashboard = async () => (await json(['report'])).currencies.find((c: { currency: string }) => c.currency === 'EUR');
/** 1,000.00 + 19 % = 1,190.00, issued 2026-11-01, due 2026-12-01. */
const newInvoice = () => box.ok(['invoice', 'new', '--customer', 'globex', '--date', '2026-11-01', '--item', 'Design work', '--qty', '10', '--price', '100', '--tax', '19']);

describe('smallpay invoice credit', () => {
  it('credits a paid invoice, then refunds it: the dashboard shows invoiced 0 and received 0', async () => {
    await newInvoice();
    await box.ok(['invoice', 'pay', 'INV-2026-0001', '--date', '2026-11-10']);
    const credited = await box.ok(['invoice', 'credit', 'INV-2026-0001', '--all', '--reason', 'project cancelled', '--json']);
    const note = JSON.parse(credited.stdout);
    expect(note).toMatchObject({ number: 'CN-2026-0001', status: 'issued', total: '1190.00', balance: '0.00', note: 'project cancelled' });
    expect(note.precedingInvoice).toEqual({ number: 'INV-2026-0001', id: expect.any(String), issueDate: '2026-11-01' });
    expect(credited.stderr).toContain('refund due 1,190.00 EUR');
    expect(await show('INV-2026-0001')).toMatchObject({ status: 'credited', credited: '1190.00', balance: '-1190.00', refundDue: '1190.00' });
    expect((await json(['invoice', 'list', '--status', 'refund-due'])).map((i: { number: string }) => i.number)).toEqual(['INV-2026-0001']);

    const statement = (await box.ok(['report', 'statement', 'globex'], { env: { COLUMNS: '120' } })).stdout;
    expect(statement).toMatch(/2026-11-25\s+Credit note CN-2026-0001\s+1,190.00 EUR\s+-1,190.00 EUR/);
    expect(statement).toMatch(/Refund due\s+1,190.00 EUR/);

    await box.ok(['invoice', 'refund', 'INV-2026-0001', '--method', 'bank']);
    expect(await show('INV-2026-0001')).toMatchObject({ status: 'credited', balance: '0.00', refundDue: '0.00', refunded: '1190.00', refunds: [{ amount: '1190.00', date: '2026-11-25', method: 'bank' }] });
    const eur = await dashboard();
    expect(eur).toMatchObject({ invoiced: { amount: '0.00', count: 1 }, received: { amount: '0.00', count: 1 }, credited: { amount: '1190.00', count: 1 }, refunded: { amount: '1190.00', count: 1 } });
    expect(eur.months.at(-1)).toEqual({ month: '2026-11', invoiced: '0.00', received: '0.00' });
    const lines = (await json(['report', 'statement', 'globex'])).currencies[0].lines;
    expect(lines.map((l: { type: string; number: string; balance: string }) => [l.type, l.number, l.balance])).toEqual([
      ['invoice', 'INV-2026-0001', '1190.00'],
      ['payment', 'INV-2026-0001', '0.00'],
      ['credit-note', 'CN-2026-0001', '-1190.00'],
      ['refund', 'INV-2026-0001', '0.00'],
    ]);
    // Nothing more to give back.
    const again = await box.run(['invoice', 'refund', 'INV-2026-0001']);
    expect(again.code).toBe(2);
  });

  it('credits part of an open invoice: the balance drops', async () => {
    await newInvoice();
    const result = await box.ok(['invoice', 'credit', 'INV-2026-0001', '--item', 'Two hours not worked', '--qty', '2', '--price', '100', '--tax', '19', '--date', '2026-11-20']);
    expect(result.stdout).toBe('CN-2026-0001\n');
    expect(await show('INV-2026-0001')).toMatchObject({ status: 'open', credited: '238.00', balance: '952.00' });
    expect(await show('CN-2026-0001')).toMatchObject({ issueDate: '2026-11-20', total: '238.00', items: [{ description: 'Two hours not worked', quantity: '2', unitPrice: '100.00', taxRate: '19', net: '200.00' }] });
    const aging = await json(['report', 'aging']);
    expect(aging.currencies[0].total).toBe('952.00');
    const text = (await box.ok(['invoice', 'show', 'INV-2026-0001'])).stdout;
    expect(text).toMatch(/Credited\s+238.00 EUR/);
    expect(text).toMatch(/Balance due\s+952.00 EUR/);
    const cn = (await box.ok(['invoice', 'show', 'CN-2026-0001'])).stdout;
    expect(cn).toMatch(/^Credit note CN-2026-0001/);
    expect(cn).toMatch(/Corrects\s+invoice INV-2026-0001 of 2026-11-01/);
  });

  it('numbers partial credit notes one after another, gaplessly, until --all credits the rest', async () => {
    await newInvoice();
    await box.ok(['invoice', 'credit', 'INV-2026-0001', '--item', 'a', '--price', '100', '--tax', '19']);
    await newInvoice(); // an invoice in between does not touch the credit-note series
    await box.ok(['invoice', 'credit', 'INV-2026-0001', '--input', '-'], { input: JSON.stringify({ items: [{ description: 'b', unitPrice: '250', taxRate: '19' }] }) });
    await box.ok(['invoice', 'credit', 'INV-2026-0001', '--all']);
    const notes = await json(['invoice', 'list', '--type', 'credit-note']);
    expect(notes.map((n: { number: string; total: string }) => [n.number, n.total])).toEqual([
      ['CN-2026-0001', '119.00'],
      ['CN-2026-0002', '297.50'],
      ['CN-2026-0003', '773.50'],
    ]);
    expect(await show('INV-2026-0001')).toMatchObject({ status: 'credited', credited: '1190.00', balance: '0.00' });
    expect((await json(['invoice', 'list', '--type', 'invoice'])).map((i: { number: string }) => i.number)).toEqual(['INV-2026-0001', 'INV-2026-0002']);
    expect((await box.ok(['verify'])).stdout).toContain('ok      credits');
  });

  it('keeps the references and date of supply of the invoice unless --input gives others', async () => {
    const invoice = { customer: 'globex', issueDate: '2026-11-01', purchaseOrder: 'PO-77', buyerReference: '04011000-12345-03', serviceDate: '2026-10-30', items: [{ description: 'Audit', unitPrice: '500', taxRate: '19' }] };
    await box.ok(['invoice', 'new', '--input', '-'], { input: JSON.stringify(invoice) });
    await box.ok(['invoice', 'credit', 'INV-2026-0001', '--input', '-'], { input: JSON.stringify({ purchaseOrder: 'PO-78', items: [{ description: 'Audit, day 2', unitPrice: '100', taxRate: '19' }] }) });
    await box.ok(['invoice', 'credit', 'INV-2026-0001', '--all']);
    expect(await show('CN-2026-0001')).toMatchObject({ purchaseOrder: 'PO-78', buyerReference: '04011000-12345-03', serviceDate: '2026-10-30', type: 'credit-note' });
    expect(await show('CN-2026-0002')).toMatchObject({ purchaseOrder: 'PO-77', buyerReference: '04011000-12345-03', total: '476.00', items: [{ description: 'INV-2026-0001, 19 %', net: '400.00', taxCategory: 'S' }] });
    const refused = await box.run(['invoice', 'credit', 'INV-2026-0001', '--input', '-'], { input: JSON.stringify({ customer: 'acme', items: [{ description: 'x', unitPrice: '1' }] }) });
    expect([refused.code, refused.stderr]).toEqual([2, expect.stringContaining("customer: a credit note takes the invoice's customer")]);
  });

  it('refuses crediting more than the invoice, a draft or an unknown invoice: exit 2, the store unchanged byte for byte', async () => {
    await newInvoice();
    await box.ok(['invoice', 'new', '--customer', 'globex', '--item', 'x', '--price', '5', '--draft']);
    const before = await box.snapshot();
    for (const args of [
      ['invoice', 'credit', 'INV-2026-0001', '--item', 'too much', '--price', '1000.01', '--tax', '19'],
      ['invoice', 'credit', 'INV-2026-0001', '--item', 'wrong rate', '--price', '10', '--tax', '7'],
      ['invoice', 'credit', 'INV-2026-0009', '--all'],
      ['invoice', 'credit', 'INV-2026-0001'],
      ['invoice', 'credit', 'INV-2026-0001', '--all', '--item', 'x', '--price', '1'],
      ['invoice', 'credit', 'INV-2026-0001', '--all', '--date', '2026-10-31'],
      ['invoice', 'unpay', 'INV-2026-0001', '1'],
      ['invoice', 'unpay', 'INV-2026-0001', 'first'],
      ['invoice', 'write-off', 'CN-2026-0001'],
    ]) {
      const result = await box.run(args);
      expect({ args, code: result.code, stdout: result.stdout }).toEqual({ args, code: 2, stdout: '' });
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
    const draft = (await json(['invoice', 'list', '--status', 'draft']))[0].id;
    const refused = await box.run(['invoice', 'credit', draft, '--all']);
    expect([refused.code, refused.stderr]).toEqual([2, expect.stringContaining('is a draft')]);
    const over = await box.run(['invoice', 'credit', 'INV-2026-0001', '--item', 'too much', '--price', '1000.01', '--tax', '19']);
    expect(over.stderr).toContain('only 1,000.00 EUR is left to credit there on INV-2026-0001');
    expect(await box.snapshot()).toBe(before);
  });

  it('writes a credit note PDF, and emails it as a credit note', async () => {
    const smtp: SmtpSink = await startSmtpSink();
    try {
      await newInvoice();
      await box.ok(['invoice', 'credit', 'INV-2026-0001', '--all']);
      const written = await json(['invoice', 'pdf', 'CN-2026-0001']);
      const pdf = await readPdf(readFileSync(written[0].path));
      expect(pdf.text).toContain('CN-2026-0001');
      const env = { SMALLPAY_SMTP_URL: `smtp://smallpay:pw@127.0.0.1:${smtp.port}?requireTLS=false` };
      await box.ok(['send', 'CN-2026-0001'], { env });
      const [message] = smtp.received;
      // Globex reads German: "Rechnungskorrektur", not "Gutschrift" (self-billing).
      expect(message!.mail.subject).toBe('Rechnungskorrektur CN-2026-0001 von Ada Consulting');
      expect(message!.mail.text).toContain('zur Rechnung INV-2026-0001');
      expect(message!.mail.attachments[0]).toMatchObject({ filename: 'CN-2026-0001.pdf' });
      await box.ok(['invoice', 'new', '--customer', 'acme', '--item', 'Audit', '--price', '100']);
      await box.ok(['invoice', 'credit', 'INV-2026-0002', '--all']);
      // --unsent sends the unsent credit note; the fully credited invoices have nothing left to ask for.
      await box.ok(['send', '--unsent'], { env });
      expect(smtp.received.map((m) => m.mail.subject)).toEqual(['Rechnungskorrektur CN-2026-0001 von Ada Consulting', 'Credit note CN-2026-0002 from Ada Consulting']);
    } finally {
      await smtp.stop();
    }
  });
});

describe('smallpay invoice write-off and unpay', () => {
  it('writes off an unpaid balance: aging drops it, received stays as it was', async () => {
    await newInvoice();
    await box.ok(['invoice', 'pay', 'INV-2026-0001', '--amount', '190', '--date', '2026-11-10']);
    const before = await dashboard();
    expect((await json(['report', 'aging'])).currencies[0].total).toBe('1000.00');
    await box.ok(['invoice', 'write-off', 'INV-2026-0001', '--reason', 'customer insolvent']);
    expect(await show('INV-2026-0001')).toMatchObject({ status: 'written-off', balance: '0.00', paid: '190.00', writeOff: { amount: '1000.00', date: '2026-11-25', reason: 'customer insolvent' } });
    expect((await json(['report', 'aging'])).currencies).toEqual([]);
    const after = await dashboard();
    expect(after.received).toEqual(before.received);
    expect(after.received.amount).toBe('190.00');
    expect(after.writtenOff).toEqual({ amount: '1000.00', count: 1 });
    expect(after.pending.amount).toBe('0.00');
    expect((await json(['invoice', 'list', '--status', 'written-off'])).map((i: { number: string }) => i.number)).toEqual(['INV-2026-0001']);
    expect((await box.run(['invoice', 'pay', 'INV-2026-0001'])).code).toBe(2);
  });

  it('removes a payment recorded by mistake, keeping it in the history and the audit log', async () => {
    await newInvoice();
    await box.ok(['invoice', 'pay', 'INV-2026-0001', '--amount', '190', '--date', '2026-11-10']);
    await box.ok(['invoice', 'pay', 'INV-2026-0001', '--amount', '190', '--date', '2026-11-10']);
    expect((await box.ok(['invoice', 'show', 'INV-2026-0001'])).stdout).toMatch(/Payments\n\s+1\. 2026-11-10\s+190.00 EUR\n\s+2\. 2026-11-10\s+190.00 EUR/);
    const result = await box.ok(['invoice', 'unpay', 'INV-2026-0001', '2', '--reason', 'booked twice']);
    expect(result.stderr).toContain('Removed payment 2 (190.00 EUR of 2026-11-10) from INV-2026-0001; balance due 1,000.00 EUR');
    const invoice = await show('INV-2026-0001');
    expect(invoice).toMatchObject({ status: 'partial', paid: '190.00', balance: '1000.00', payments: [{ amount: '190.00', date: '2026-11-10', method: null }] });
    expect(invoice.history.at(-1)).toEqual({ at: '2026-11-25', event: 'payment-removed', index: 2, payment: { amount: '190.00', date: '2026-11-10', method: null }, reason: 'booked twice' });
    const audit = await json(['audit']);
    expect(audit.at(-1)).toMatchObject({ event: 'payment.removed', number: 'INV-2026-0001', reason: 'booked twice' });
    expect((await box.ok(['verify'])).stdout).not.toContain('FAILED');
    const bad = await box.run(['invoice', 'unpay', 'INV-2026-0001', '2']);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('has payments 1 to 1')]);
  });
});

describe('smallpay verify and credit notes', () => {
  it('finds a gap in the credit-note series of a hand-edited store', async () => {
    await newInvoice();
    await box.ok(['invoice', 'credit', 'INV-2026-0001', '--item', 'a', '--price', '10', '--tax', '19']);
    await box.ok(['invoice', 'credit', 'INV-2026-0001', '--item', 'b', '--price', '10', '--tax', '19']);
    await box.update((doc) => {
      doc.invoices = doc.invoices.filter((invoice) => invoice.number !== 'CN-2026-0001');
    });
    const result = await box.run(['verify']);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toContain('CN-2026-#1: missing, a gap in the series CN-2026-{SEQ}');
    expect(result.stdout).toContain('INV-2026-0001: credited is 23.80 EUR, its credit notes add up to 11.90 EUR');
  });
});
