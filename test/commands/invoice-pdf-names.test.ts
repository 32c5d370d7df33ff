/**
 * Issue 9 item 1, second end: even a number or draft id that got past the loader (here handed over by a
 * store whose read skips validation) cannot lead a PDF out of its folder.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import * as pdf from '../../src/commands/invoice/pdf.js';
import { createBusiness } from '../../src/domain/business.js';
import { addCustomer } from '../../src/domain/customers.js';
import { createInvoice } from '../../src/domain/invoices.js';
import { createTestDeps } from '../support/test-deps.js';

let setup: ReturnType<typeof createTestDeps>;
afterEach(() => setup.cleanup());

it('writes ../elsewhere/pwned and ../../evil inside pdf/', async () => {
  setup = createTestDeps();
  await setup.store.update((doc) => {
    doc.business = createBusiness({ name: 'Ada Consulting', email: 'ada@example.com', country: 'DE' });
    addCustomer(doc, { id: 'globex', name: 'Globex GmbH', email: 'ap@globex.test' }, '2026-01-01');
    createInvoice(doc, { customer: 'globex', items: [{ description: 'Work', unitPrice: '100' }] }, { today: '2026-11-25', id: 'inv_issued' });
    createInvoice(doc, { customer: 'globex', items: [{ description: 'Draft', unitPrice: '50' }], draft: true }, { today: '2026-11-25', id: 'inv_draft' });
  });
  const store = setup.store;
  const tampered = {
    ...store,
    path: store.path,
    read: async () => {
      const doc = await store.read();
      doc.invoices[0]!.number = '../elsewhere/pwned';
      doc.invoices[1]!.id = '../../evil';
      return doc;
    },
  };
  const deps = { ...setup.deps, store: async () => tampered };
  const output = await pdf.run(pdf.toOptions({ args: [], opts: { all: true } }), deps);
  const folder = join(dirname(setup.path), 'pdf');
  expect(String(output).trim().split('\n').map((path) => dirname(path))).toEqual([folder, folder]);
  expect(readdirSync(folder).sort()).toEqual(['%2E.%2F..%2Fevil.pdf', '%2E.%2Felsewhere%2Fpwned.pdf']);
  expect(existsSync(join(dirname(setup.path), 'elsewhere'))).toBe(false);
  expect(existsSync(join(dirname(setup.path), '..', 'evil.pdf'))).toBe(false);
});
