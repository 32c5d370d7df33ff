// Issue 10: what issuing freezes, and the edit lock of sent invoices, in the core.
import { describe, expect, it } from 'vitest';
import { changeSetting } from '../../src/domain/business.js';
import { DomainError } from '../../src/domain/errors.js';
import { issueInvoice } from '../../src/domain/invoice-issue.js';
import { createInvoice, editInvoice, wasSent } from '../../src/domain/invoices.js';
import { currentPresentation, legalNotesOf } from '../../src/domain/presentation.js';
import type { SendJob, StoreDocument } from '../../src/domain/types.js';
import { nextId, sampleDocument } from './fixtures.js';

const TODAY = '2026-11-25';
const design = [{ description: 'Design work', quantity: '10', unitPrice: '150.00', taxRate: '19' }];
const LOGO = { path: '/home/ada/logo.png', sha256: 'a'.repeat(64) };

function documentWithSettings(): StoreDocument {
  const doc = sampleDocument();
  const business = doc.business!;
  changeSetting(business, 'iban', 'DE89 3704 0044 0532 0130 00');
  changeSetting(business, 'pdf.footer', 'Registergericht Hamburg');
  business.pdf = { ...business.pdf, logo: LOGO.path };
  return doc;
}

function refusal(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a DomainError');
}

describe('issuing freezes what the PDF shows', () => {
  it('freezes template, language, footer, the account of the currency and the logo digest handed in', () => {
    const doc = documentWithSettings();
    const invoice = createInvoice(doc, { customer: 'globex', items: design }, { today: TODAY, id: nextId(), facts: { logo: LOGO } });
    expect(invoice.presentation).toEqual({
      template: 'classic',
      lang: 'de',
      footer: 'Registergericht Hamburg',
      payment: { iban: 'DE89370400440532013000' },
      logo: LOGO,
      legalNotes: [],
    });
  });

  it('gives drafts none, and freezes when the draft is issued', () => {
    const doc = documentWithSettings();
    const draft = createInvoice(doc, { customer: 'globex', items: design, draft: true }, { today: TODAY, id: nextId() });
    expect(draft.presentation).toBeUndefined();
    changeSetting(doc.business!, 'pdf.footer', 'Later footer');
    issueInvoice(doc, draft, TODAY, undefined, undefined, { logo: LOGO });
    expect(draft.presentation).toMatchObject({ footer: 'Later footer', logo: LOGO });
  });

  it('freezes no logo whose digest was read for another path than the setting names now', () => {
    const doc = documentWithSettings();
    const invoice = createInvoice(doc, { customer: 'globex', items: design }, { today: TODAY, id: nextId(), facts: { logo: { ...LOGO, path: '/elsewhere.png' } } });
    expect(invoice.presentation?.logo).toBeUndefined();
  });

  it('freezes no account for a currency none is declared for', () => {
    const doc = documentWithSettings();
    const invoice = createInvoice(doc, { customer: 'globex', items: design, currency: 'CHF' }, { today: TODAY, id: nextId() });
    expect(invoice.presentation?.payment).toBeUndefined();
    expect(currentPresentation(invoice, doc.business!).payment).toBeUndefined();
  });

  it('lists each VAT group note once, the code when a group has no text', () => {
    expect(
      legalNotesOf([
        { category: 'S', rate: '19', base: 100, tax: 19 },
        { category: 'AE', rate: '0', base: 100, tax: 0, exemptionReason: 'Reverse charge' },
        { category: 'K', rate: '0', base: 100, tax: 0, exemptionCode: 'VATEX-EU-IC' },
        { category: 'E', rate: '0', base: 100, tax: 0, exemptionReason: 'Reverse charge' },
      ]),
    ).toEqual(['Reverse charge', 'VATEX-EU-IC']);
  });

  it('keeps what it froze through an edit, with the notes of its new VAT groups', () => {
    const doc = documentWithSettings();
    const invoice = createInvoice(doc, { customer: 'globex', items: design }, { today: TODAY, id: nextId(), facts: { logo: LOGO } });
    changeSetting(doc.business!, 'pdf.footer', 'Later footer');
    invoice.presentation!.legalNotes = ['stale'];
    editInvoice(doc, invoice, { note: 'changed' }, TODAY);
    expect(invoice.presentation).toMatchObject({ footer: 'Registergericht Hamburg', logo: LOGO, legalNotes: [] });
  });
});

describe('a sent invoice', () => {
  const sentJob = (invoiceId: string, number: string, state: SendJob['state']): SendJob => ({
    id: nextId(), invoiceId, number, kind: 'invoice', to: ['ap@globex.test'], cc: [], bcc: [], messageId: '<m@x>', state, createdAt: TODAY, attempts: 1,
  });

  it('is refused an edit once its history says it was sent, pointing to a credit note', () => {
    const doc = documentWithSettings();
    const invoice = createInvoice(doc, { customer: 'globex', items: design }, { today: TODAY, id: nextId() });
    invoice.history.push({ at: TODAY, event: 'sent', kind: 'invoice', to: ['ap@globex.test'], messageId: '<m@x>' });
    const error = refusal(() => editInvoice(doc, invoice, { note: 'changed' }, TODAY));
    expect(error).toMatchObject({ kind: 'refused', message: 'invoice INV-2026-0001 was sent and can no longer be edited', hint: 'correct it with a credit note: smallpay invoice credit INV-2026-0001' });
    expect(invoice.note).toBeUndefined();
  });

  it('is refused an edit when only the outbox says it was sent; a pending or failed message does not count', () => {
    const doc = documentWithSettings();
    const invoice = createInvoice(doc, { customer: 'globex', items: design }, { today: TODAY, id: nextId() });
    doc.outbox.push(sentJob(invoice.id, 'INV-2026-0001', 'pending'), sentJob(invoice.id, 'INV-2026-0001', 'failed'));
    expect(wasSent(doc, invoice)).toBe(false);
    editInvoice(doc, invoice, { note: 'still editable' }, TODAY);
    doc.outbox.push(sentJob(invoice.id, 'INV-2026-0001', 'sent'));
    expect(wasSent(doc, invoice)).toBe(true);
    expect(refusal(() => editInvoice(doc, invoice, { note: 'too late' }, TODAY)).kind).toBe('refused');
    expect(invoice.note).toBe('still editable');
  });
});

describe('a frozen presentation in the store file', () => {
  // The IBAN and colour are copied from settings the schema leaves free (a hand-edited store may hold any
  // text there), so their frozen copies are left free too: issuing must never write a store it then refuses.
  it('is checked when the store is loaded: a hand-edited logo digest or a missing part is refused', async () => {
    const { schemaProblem } = await import('../../src/store/schema.js');
    const doc = documentWithSettings();
    createInvoice(doc, { customer: 'globex', items: design }, { today: TODAY, id: nextId(), facts: { logo: LOGO } });
    expect(schemaProblem(doc)).toBeUndefined();
    const presentation = () => doc.invoices[0]!.presentation!;
    for (const [change, problem] of [
      [() => (presentation().logo = { path: LOGO.path, sha256: 'not a digest' }), /presentation\.logo\.sha256/],
      [() => delete (presentation() as Partial<typeof LOGO & { legalNotes: string[] }>).legalNotes, /legalNotes/],
    ] as const) {
      const saved = structuredClone(presentation());
      change();
      expect(schemaProblem(doc)).toMatch(problem);
      doc.invoices[0]!.presentation = saved;
    }
  });
});
