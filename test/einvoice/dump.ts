// Development aid: writes every case in every UBL format to a folder, for the official validator.
import { mkdirSync, writeFileSync } from 'node:fs';
import { ublXml } from '../../src/render/einvoice/ubl.js';
import { einvoiceProblems } from '../../src/domain/einvoice-checks.js';
import { documentOf, goldenCases, smallBusinessCase } from './cases.js';
const out = process.argv[2] ?? '/tmp/ubl-out';
mkdirSync(out, { recursive: true });
const { doc, cases } = goldenCases();
const small = smallBusinessCase();
const all = [...cases.map((c) => ({ name: c.name, document: documentOf(doc, c.invoice) })), { name: 'small-business', document: documentOf(small.doc, small.invoice) }];
for (const { name, document } of all) for (const profile of ['en16931', 'peppol', 'xrechnung'] as const) {
  const problems = einvoiceProblems(document, profile);
  if (problems.length) console.log(name, profile, problems.map((p) => `${p.rule}: ${p.message}`));
  writeFileSync(`${out}/${name}.${profile}.xml`, ublXml(document, profile));
}
