/** A small in-memory business for core tests. */
import { createBusiness } from '../../src/domain/business.js';
import { addCustomer } from '../../src/domain/customers.js';
import type { StoreDocument } from '../../src/domain/types.js';
import { emptyDocument } from '../../src/store/schema.js';

export function sampleDocument(): StoreDocument {
  const doc = emptyDocument();
  doc.business = createBusiness({ name: 'Ada Consulting', email: 'ada@example.com', taxId: 'DE123' });
  addCustomer(doc, { id: 'globex', name: 'Globex GmbH', email: 'ap@globex.test', lang: 'de' }, '2026-01-01');
  addCustomer(doc, { id: 'acme', name: 'ACME Corp.', email: 'billing@acme.test', currency: 'USD', terms: '14' }, '2026-01-01');
  return doc;
}

let counter = 0;
export const nextId = () => `inv_${String(++counter).padStart(6, '0')}`;
