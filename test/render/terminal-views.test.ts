/**
 * Belt and braces for issue 9 item 14: whatever the store holds, the views never print a control character
 * raw. The core refuses them on input; here they are planted in the data directly, as a store edited by hand
 * would hold them.
 */
import { describe, expect, it } from 'vitest';
import type { Customer, Invoice } from '../../src/domain/types.js';
import { createInvoice } from '../../src/domain/invoices.js';
import { renderCustomerDetail, renderCustomerList } from '../../src/render/customer-views.js';
import { renderInvoiceDetail, renderInvoiceList } from '../../src/render/invoice-views.js';
import { sampleDocument } from '../domain/fixtures.js';
import { FORBIDDEN_CHARACTER } from '../../src/domain/fields.js';
import { block, cell } from '../../src/render/text.js';

const HOSTILE = '\u001b[2J\u001b]0;owned\u0007 \u0085\u2028\u202Egnp.exe\u009b31m';
// Anything a terminal acts on: C0 (but newline), DEL, C1, line/paragraph separators, bidi controls.
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function hostileInvoice(): { invoice: Invoice; customer: Customer } {
  const doc = sampleDocument();
  const invoice = createInvoice(doc, { customer: 'globex', items: [{ description: 'Work', unitPrice: '100' }], note: 'note' }, { today: '2026-11-25', id: 'inv_hostile' });
  invoice.customer.name = `Evil ${HOSTILE}`;
  invoice.customer.address = `Street ${HOSTILE}\nTown`;
  invoice.items[0]!.description = `Item ${HOSTILE}`;
  invoice.note = `Note ${HOSTILE}`;
  invoice.payments.push({ amount: 1000, date: '2026-11-25', method: HOSTILE });
  const customer = { ...(doc.customers[0] as Customer), name: `Evil ${HOSTILE}`, email: `x${HOSTILE}@y.test`, address: HOSTILE };
  return { invoice, customer };
}

describe('views escape control characters from the store', () => {
  for (const tty of [true, false]) {
    const style = { stdoutIsTTY: tty, color: false, columns: 200 };
    it(`in invoice list, invoice show, customer list and customer show ${tty ? 'on a terminal' : 'piped'}`, () => {
      const { invoice, customer } = hostileInvoice();
      const outputs = [
        renderInvoiceList([invoice], '2026-11-25', style),
        renderInvoiceDetail(invoice, '2026-11-25', style),
        renderCustomerList([customer], style),
        renderCustomerDetail(customer, [], 1, style),
      ];
      for (const output of outputs) {
        expect(output).not.toMatch(RAW_CONTROL);
        expect(output).toContain('?[2J');
      }
    });
  }
});

describe('cell and block', () => {
  it('neutralise exactly the characters the core refuses in stored text, keeping line breaks where allowed', () => {
    for (let codePoint = 0; codePoint <= 0x30000; codePoint += codePoint < 0x2100 ? 1 : 0x101) {
      const character = String.fromCodePoint(codePoint);
      if ('\t\n\r'.includes(character)) continue;
      const refused = FORBIDDEN_CHARACTER.test(character);
      expect([codePoint.toString(16), cell(`a${character}b`)]).toEqual([codePoint.toString(16), refused ? 'a?b' : `a${character}b`]);
      expect(block(`a${character}b`)).toBe(refused ? 'a?b' : `a${character}b`);
    }
    expect(cell('a\r\n\tb')).toBe('a b');
    expect(block('a\r\n\tb')).toBe('a\n b');
  });
});
