// Writes a valid store with N invoices for the benchmarks: a business, 200 customers, invoices spread over
// three years with two or three items each, about a third paid, some partly paid, some void.
// Money is computed with integers of cents, as the store holds it; tax is rounded half away from zero.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

function roundDiv(numerator, denominator) {
  const quotient = Math.trunc(numerator / denominator);
  const remainder = numerator - quotient * denominator;
  return 2 * Math.abs(remainder) >= denominator ? quotient + Math.sign(numerator) : quotient;
}

const pad = (n, width) => String(n).padStart(width, '0');
function dateOf(dayIndex) {
  const date = new Date(Date.UTC(2024, 0, 1) + dayIndex * 86_400_000);
  return date.toISOString().slice(0, 10);
}

/**
 * options.lines: items per invoice (default 2 or 3); options.iban: a payment account, so EUR invoices carry
 * an EPC QR code as real ones would. With no path (null), the document is only returned: bench/engines.mjs
 * loads it into SQLite and PostgreSQL through the store's load().
 */
export function generateStore(path, invoiceCount, options = {}) {
  const customers = Array.from({ length: 200 }, (_, i) => ({
    id: `customer-${i}`,
    name: `Customer ${i} GmbH`,
    email: `ap${i}@customer${i}.test`,
    address: `Street ${i}\n${10000 + i} City`,
    createdAt: '2024-01-01',
  }));
  const sequences = {};
  const invoices = [];
  for (let i = 0; i < invoiceCount; i += 1) {
    const day = Math.floor((i / invoiceCount) * 1060);
    const issueDate = dateOf(day);
    const dueDate = dateOf(day + 30);
    const year = issueDate.slice(0, 4);
    const key = `INV-${year}-{SEQ}`;
    sequences[key] = (sequences[key] ?? 0) + 1;
    const number = `INV-${year}-${pad(sequences[key], 4)}`;
    const customer = customers[i % customers.length];
    const items = [
      { description: `Consulting, week ${i % 52}`, quantity: String(1 + (i % 9)), unitPrice: '95.00', taxRate: '19', net: (1 + (i % 9)) * 9500, taxCategory: 'S' },
      { description: 'Hosting', quantity: '1', unitPrice: '20.50', taxRate: '19', net: 2050, taxCategory: 'S' },
      { description: 'Travel', quantity: '1', unitPrice: '89.90', taxRate: '7', net: 8990, taxCategory: 'S' },
    ].slice(0, 2 + (i % 2));
    if (options.lines) {
      items.length = 0;
      for (let line = 0; line < options.lines; line += 1) {
        items.push({ description: `Consulting, day ${line + 1}: workshop and follow-up`, quantity: '1', unitPrice: '95.00', taxRate: '19', net: 9500, taxCategory: 'S' });
      }
    }
    const byRate = new Map();
    for (const item of items) byRate.set(item.taxRate, (byRate.get(item.taxRate) ?? 0) + item.net);
    const taxes = [...byRate].sort((a, b) => Number(a[0]) - Number(b[0])).map(([rate, base]) => ({ category: 'S', rate, base, tax: roundDiv(base * Number(rate), 100) }));
    const subtotal = items.reduce((sum, item) => sum + item.net, 0);
    const tax = taxes.reduce((sum, line) => sum + line.tax, 0);
    const total = subtotal + tax;
    const kind = i % 10;
    const status = kind < 4 ? 'paid' : kind === 4 ? 'partial' : kind === 5 ? 'void' : 'open';
    const paid = status === 'paid' ? total : status === 'partial' ? Math.floor(total / 2) : 0;
    const payments = paid > 0 ? [{ amount: paid, date: dateOf(day + 20), method: 'bank' }] : [];
    const history = [{ at: issueDate, event: 'issued' }, ...payments.map((p) => ({ at: p.date, event: 'payment', amount: p.amount, date: p.date }))];
    if (status === 'void') history.push({ at: dateOf(day + 2), event: 'voided' });
    invoices.push({
      id: `inv_bench${pad(i, 7)}`,
      number,
      status,
      customer: { id: customer.id, name: customer.name, email: customer.email, address: customer.address },
      issuer: { name: 'Bench Studio', email: 'bench@example.com', address: 'Bench Street 1\n12345 Bench', taxId: 'DE123456789' },
      issueDate,
      dueDate,
      terms: 30,
      currency: 'EUR',
      items,
      taxes,
      subtotal,
      tax,
      total,
      type: 'invoice',
      lineTotal: subtotal,
      allowanceTotal: 0,
      chargeTotal: 0,
      paid,
      payments,
      history,
    });
  }
  const doc = {
    schemaVersion: 4,
    business: {
      name: 'Bench Studio',
      email: 'bench@example.com',
      address: 'Bench Street 1\n12345 Bench',
      // Schema 4: a new invoice needs the seller's country.
      postalAddress: { lines: ['Bench Street 1'], postcode: '12345', city: 'Bench', country: 'DE' },
      taxId: 'DE123456789',
      currency: 'EUR',
      terms: 30,
      numberFormat: 'INV-{YYYY}-{SEQ:4}',
      lang: 'en',
      ...(options.iban && { payment: { bank: 'Bench Bank', iban: options.iban, bic: 'COBADEFFXXX' } }),
    },
    customers,
    invoices,
    sequences,
    audit: [],
    outbox: [],
    recurring: [],
  };
  if (path !== null) writeStoreFile(path, doc);
  return doc;
}

/**
 * The document as smallpay writes it, one record per line. Written piece by piece: one joined string would
 * stop near 300,000 invoices at V8's string limit, the very limit bench/engines.mjs shows the JSON store hits.
 */
export function writeStoreFile(path, doc) {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'w', 0o600);
  try {
    let buffered = [];
    let size = 0;
    const write = (text) => {
      buffered.push(text);
      size += text.length;
      if (size > 1 << 22) flush();
    };
    const flush = () => {
      writeSync(fd, buffered.join(''));
      buffered = [];
      size = 0;
    };
    write('{\n');
    Object.entries(doc).forEach(([key, value], index) => {
      write(`${index === 0 ? '' : ',\n'}  ${JSON.stringify(key)}: `);
      if (!Array.isArray(value)) write(JSON.stringify(value));
      else if (value.length === 0) write('[]');
      else {
        write('[\n');
        value.forEach((item, at) => write(`${at === 0 ? '' : ',\n'}    ${JSON.stringify(item)}`));
        write('\n  ]');
      }
    });
    write('\n}\n');
    flush();
  } finally {
    closeSync(fd);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [path, count] = process.argv.slice(2);
  generateStore(path, Number(count));
}
