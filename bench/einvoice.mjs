// E-invoice benchmark: exports per second over the 1,000 invoices of a generated store, in one process, for
// every format whose writer is built (goal: at least 500/s for UBL and CII; Factur-X, a PDF each, at least
// 30/s, measured over the first 200 invoices to keep the run short). Each export is what `invoice
// export` does per document: resolve the document, run the pre-write checks, write the bytes (in memory:
// file writes are the PDF benchmark's concern). The writers are bundled from src with esbuild, as the CLI is.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { generateStore } from './generate-store.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = join(root, 'bench', '.stores', 'einvoice');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const storePath = join(work, 'store.json');
generateStore(storePath, 1000, { iban: 'DE89370400440532013000' });
const bundle = join(work, 'einvoice.mjs');
await build({
  entryPoints: [join(root, 'bench', 'einvoice-entry.ts')],
  outfile: bundle,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['pdfmake', 'nodemailer', 'pdfkit'],
  define: { SMALLPAY_VERSION: '"bench"' },
  banner: { js: "import { createRequire as __smallpayRequire } from 'node:module'; const require = __smallpayRequire(import.meta.url);" },
  logLevel: 'warning',
});
const { einvoiceDocument, einvoiceProblems, EINVOICE_FORMATS } = await import(pathToFileURL(bundle).href);

// The generated store has free-text addresses only: give every party what an e-invoice needs.
const doc = JSON.parse(readFileSync(storePath, 'utf8'));
Object.assign(doc.business, {
  postalAddress: { lines: ['Hauptstraße 5'], postcode: '10115', city: 'Berlin', country: 'DE' },
  taxId: 'DE123456789',
  endpoint: { scheme: '9930', id: 'DE123456789' },
  contact: { name: 'Ada Lovelace', phone: '+49 30 1234567', email: 'ada@example.com' },
});
for (const [index, customer] of doc.customers.entries()) {
  customer.postalAddress = { lines: [`Street ${index}`], postcode: String(10000 + index), city: 'City', country: 'DE' };
  customer.endpoint = { scheme: '0204', id: `991-${10000 + index}-${String(index % 90 + 10)}` };
}
const invoices = doc.invoices.filter((invoice) => invoice.status !== 'draft');
for (const invoice of invoices) {
  invoice.buyerReference = `991-${invoice.id.slice(-5)}`;
  invoice.customer = { ...invoice.customer, ...doc.customers.find((customer) => customer.id === invoice.customer.id) };
}
const customers = new Map(doc.customers.map((customer) => [customer.id, customer]));

console.log('| E-invoice benchmark (bench/einvoice.mjs) | figure |');
console.log('|---|---:|');
for (const format of EINVOICE_FORMATS) {
  let write;
  try {
    write = await format.loadWriter();
  } catch {
    continue; // not built yet
  }
  const batch = format.extension === '.pdf' ? invoices.slice(0, 200) : invoices;
  const started = process.hrtime.bigint();
  let bytes = 0;
  for (const invoice of batch) {
    const document = einvoiceDocument(invoice, doc.business, customers.get(invoice.customer.id), '2026-11-25');
    const problems = einvoiceProblems(document, format.profile);
    if (problems.length > 0) throw new Error(`${invoice.number}: ${problems[0].rule}: ${problems[0].message}`);
    const output = await write(document);
    bytes += typeof output === 'string' ? Buffer.byteLength(output) : output.length;
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(`| \`${format.name}\`: ${batch.length} invoices, one process | ${((1000 * batch.length) / ms).toFixed(0)} exports/s (${(ms / 1000).toFixed(2)} s, ${(bytes / batch.length / 1024).toFixed(1)} KiB each) |`);
}
rmSync(work, { recursive: true, force: true });
