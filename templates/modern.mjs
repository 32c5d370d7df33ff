// The "modern" invoice template: a coloured band across the top, the customer first, a striped items table
// and the total in a coloured box. See classic.mjs and docs/templates.md for how templates work.

/** @param {import('../src/render/pdf/invoice-view.js').InvoiceView} view */
export default function modern(view) {
  const { labels } = view;
  const accent = view.accentColor;
  const party = (title, who) => ({
    stack: [
      { text: title, color: accent, bold: true, margin: [0, 0, 0, 3] },
      { text: who.name, fontSize: 11, bold: true },
      ...who.lines,
      ...(who.taxId ? [`${labels.taxId} ${who.taxId}`] : []),
      { text: who.email, color: '#666666' },
    ],
  });

  return {
    pageSize: 'A4',
    pageMargins: [40, 130, 40, 60],
    watermark: view.watermark ? { text: view.watermark, color: accent, opacity: 0.12, bold: true } : undefined,
    background: () => ({ canvas: [{ type: 'rect', x: 0, y: 0, w: 595.28, h: 100, color: accent }] }),
    header: (current, total) => ({
      margin: [40, 28, 40, 0],
      columns: [
        {
          width: '*',
          stack: [
            { text: labels.invoice, fontSize: 26, bold: true, color: '#ffffff' },
            { text: `${view.number}   ·   ${view.issueDate}`, color: '#ffffff', margin: [0, 4, 0, 0] },
          ],
        },
        {
          width: 180,
          stack: [
            ...(view.logo ? [{ image: view.logo, fit: [110, 44], alignment: 'right' }] : [{ text: view.issuer.name, color: '#ffffff', bold: true, fontSize: 13, alignment: 'right' }]),
            { text: view.pageLabel(current, total), color: '#ffffff', fontSize: 8, alignment: 'right', margin: [0, 4, 0, 0] },
          ],
        },
      ],
    }),
    footer: () => (view.footer ? { text: view.footer, alignment: 'center', fontSize: 8, color: '#666666', margin: [40, 20, 40, 0] } : null),
    content: [
      {
        columns: [
          party(labels.billTo, view.customer),
          party(labels.from, view.issuer),
          {
            width: 'auto',
            stack: [
              { text: labels.dueDate, color: accent, bold: true },
              { text: view.dueDate, fontSize: 11, bold: true, margin: [0, 0, 0, 6] },
              { text: labels.paymentTerms, color: accent, bold: true },
              view.paymentTerms,
            ],
          },
        ],
        columnGap: 20,
        margin: [0, 0, 0, 22],
      },
      {
        table: {
          headerRows: 1,
          widths: ['*', 'auto', 'auto', 'auto', 'auto'],
          body: [
            [labels.description, labels.quantity, labels.unitPrice, labels.taxRate, labels.net].map((text, index) => ({
              text,
              bold: true,
              color: '#ffffff',
              fillColor: accent,
              alignment: index >= 1 ? 'right' : 'left',
            })),
            ...view.items.map((item) => [
              item.description,
              { text: item.quantity, alignment: 'right' },
              { text: item.unitPrice, alignment: 'right', noWrap: true },
              { text: item.taxRate, alignment: 'right', noWrap: true },
              { text: item.net, alignment: 'right', noWrap: true },
            ]),
          ],
        },
        layout: {
          hLineWidth: () => 0,
          vLineWidth: () => 0,
          fillColor: (row) => (row > 0 && row % 2 === 0 ? '#f2f4f7' : null),
          paddingTop: () => 5,
          paddingBottom: () => 5,
        },
      },
      {
        columns: [
          {
            width: '*',
            stack: view.note ? [{ text: labels.note, color: accent, bold: true, margin: [0, 16, 0, 2] }, view.note] : [],
          },
          {
            width: 220,
            margin: [0, 14, 0, 0],
            table: {
              widths: ['*', 'auto'],
              body: [
                [labels.subtotal, { text: view.subtotal, alignment: 'right' }],
                ...view.taxes.map((line) => [line.label, { text: line.amount, alignment: 'right' }]),
                ...(view.paid ? [[labels.paid, { text: view.paid, alignment: 'right' }]] : []),
                [
                  { text: view.paid ? labels.balanceDue : labels.total, bold: true, color: '#ffffff', fillColor: accent, fontSize: 11 },
                  { text: view.paid ? view.balance : view.total, bold: true, color: '#ffffff', fillColor: accent, fontSize: 11, alignment: 'right' },
                ],
                ...(view.paid ? [[{ text: labels.total, color: '#666666' }, { text: view.total, alignment: 'right', color: '#666666' }]] : []),
              ],
            },
            layout: 'noBorders',
          },
        ],
      },
      ...(view.payment
        ? [
            {
              margin: [0, 26, 0, 0],
              columns: [
                ...(view.qr ? [{ width: 'auto', stack: [{ qr: view.qr, fit: 90, eccLevel: 'M' }] }] : []),
                {
                  stack: [
                    { text: labels.paymentDetails, color: accent, bold: true, margin: [0, 0, 0, 3] },
                    ...(view.payment.bank ? [view.payment.bank] : []),
                    `${labels.iban} ${view.payment.iban}`,
                    ...(view.payment.bic ? [`${labels.bic} ${view.payment.bic}`] : []),
                    `${labels.reference}: ${view.payment.reference}`,
                    ...(view.qr ? [{ text: labels.scanToPay, color: '#666666', fontSize: 8, margin: [0, 4, 0, 0] }] : []),
                  ],
                },
              ],
              columnGap: 14,
            },
          ]
        : []),
    ],
    defaultStyle: { fontSize: 9.5, lineHeight: 1.25, color: '#1d2433' },
  };
}
