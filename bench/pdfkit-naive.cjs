// The naive floor under pdfmake: plain pdfkit drawing a one-page invoice with the same embedded font
// (Roboto from pdfmake), one new document per invoice, the font registered from its bytes each time, as a
// straightforward script would. Prints documents per second.
const { readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

const pdfmakeDirectory = dirname(require.resolve('pdfmake/package.json'));
const PDFDocument = require(require.resolve('pdfkit', { paths: [pdfmakeDirectory] }));
const regular = readFileSync(join(pdfmakeDirectory, 'fonts', 'Roboto', 'Roboto-Regular.ttf'));
const bold = readFileSync(join(pdfmakeDirectory, 'fonts', 'Roboto', 'Roboto-Medium.ttf'));
const count = Number(process.argv[2] ?? 200);

function invoice(number) {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, info: { CreationDate: new Date('2026-11-25T00:00:00Z') } });
    const chunks = [];
    doc.on('data', (chunk) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.registerFont('body', regular);
    doc.registerFont('bold', bold);
    doc.font('bold').fontSize(20).text(`Invoice INV-2026-${String(number).padStart(4, '0')}`);
    doc.font('body').fontSize(10).text('Bench Studio, Bench Street 1, 12345 Bench').moveDown();
    doc.text('Bill to: Customer 1 GmbH, Street 1, 10001 City').moveDown();
    for (let line = 0; line < 5; line += 1) doc.text(`Consulting, week ${line}        1 × 95.00 €        19 %        95.00 €`);
    doc.moveDown().font('bold').text('Total 565.25 €');
    doc.end();
  });
}

(async () => {
  const started = process.hrtime.bigint();
  for (let number = 1; number <= count; number += 1) await invoice(number);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log((count / seconds).toFixed(1));
})();
