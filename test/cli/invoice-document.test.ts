import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInvoiceDocument } from '../../src/cli/invoice-document.js';

// Issue 9 item 27: invoice-input.schema.json is the one definition of the --input document; its TypeScript
// type is generated from it and the compiler ties it to the core's InvoiceInput. What is left to check at
// run time: that the reader carries every field the schema defines into the document.
const schema = JSON.parse(readFileSync(new URL('../../src/cli/invoice-input.schema.json', import.meta.url), 'utf8')) as {
  properties: Record<string, unknown>;
};

describe('the --input document', () => {
  const full = {
    customer: 'globex',
    issueDate: '2026-11-01',
    dueDate: '2026-12-01',
    terms: 30,
    currency: 'EUR',
    note: 'Thanks!',
    draft: true,
    items: [{ description: 'Design work', quantity: 2.5, unitPrice: '150.00', taxRate: 19 }],
  };

  it('reads every field the schema defines, and nothing else', () => {
    expect(Object.keys(full).sort()).toEqual(Object.keys(schema.properties).sort());
    expect(parseInvoiceDocument(full, '--input x')).toEqual({
      ...full,
      items: [{ description: 'Design work', quantity: '2.5', unitPrice: '150.00', taxRate: '19' }],
    });
  });

  it('refuses a field the schema does not define', () => {
    expect(() => parseInvoiceDocument({ ...full, unit_price: 1 }, '--input x')).toThrow(/^--input x: unit_price: unknown field$/);
  });
});
