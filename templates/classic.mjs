// The "classic" invoice template: black on white, the issuer at the top left, a ruled items table.
// A template is a function from an invoice view (every value already formatted; see docs/templates.md) to a
// pdfmake document definition. SmallPay adds the fonts, the metadata and the security settings.

/**
 * A size at which the watermark, drawn along the page's diagonal, stays whole on an A4 page: pdfmake's
 * automatic size lets the corners of longer words ("ANNULÉE", "BORRADOR") run off the page.
 * @param {string} text
 */
function watermarkSize(text) {
  return Math.min(110, Math.floor(560 / (0.72 * Math.max(text.length, 1))));
}

/** Tax lines up to which the totals block surely fits on one page. */
const MAX_UNBREAKABLE_TAX_LINES = 25;

/**
 * A heading (headlineLevel 1) that would end a page moves to the next one, with the text it heads. pdfmake
 * lists the page's header and footer among the "following nodes": only those below the heading and above
 * the bottom margin count.
 */
function keepHeadingsWithText(node, nodes) {
  if (node.headlineLevel !== 1) return false;
  const contentBottom = 841.89 - 60; // A4 height less the bottom page margin
  const top = node.startPosition.top;
  return !nodes.getFollowingNodesOnPage().some((other) => other.startPosition.top > top && other.startPosition.top < contentBottom);
}

/** @param {import('../src/render/pdf/invoice-view.js').InvoiceView} view */
export default function classic(view) {
  const { labels } = view;
  const party = (title, who) => [
    { text: title.toUpperCase(), style: 'caption' },
    { text: who.name, bold: true },
    ...(who.contact ? [{ text: who.contact }] : []),
    ...who.lines.map((line) => ({ text: line })),
    ...(who.taxId ? [{ text: `${labels.taxId}: ${who.taxId}` }] : []),
    ...(who.taxNumber ? [{ text: `${labels.taxNumber}: ${who.taxNumber}` }] : []),
    ...(who.registration ? [{ text: `${labels.registration}: ${who.registration}` }] : []),
    { text: who.email, color: '#555555' },
  ];
  const fact = (label, value) => [{ text: label, style: 'caption', margin: [0, 2, 8, 0] }, { text: value, alignment: 'right' }];

  // One row per part of a description (see ItemView.descriptionParts); later parts repeat the position in
  // grey, so a description that continues on the next page says which item it belongs to.
  const itemRows = [];
  const continued = new Set(); // indexes in the table body (header = 0) of rows continuing the item above
  // Without a VAT column (no line bears VAT, e.g. a small business), the rate cells are left out.
  const withVat = (cells) => (view.vatColumn ? cells : cells.filter((_, index) => index !== 4));
  for (const item of view.items) {
    item.descriptionParts.forEach((part, index) => {
      if (index > 0) continued.add(itemRows.length + 1);
      // Line allowances and charges under the last part of the description.
      const last = index === item.descriptionParts.length - 1;
      const description = last && item.adjustments.length > 0 ? { stack: [part, ...item.adjustments.map((text) => ({ text, fontSize: 8, color: '#555555' }))] } : part;
      itemRows.push(
        withVat(
          index === 0
            ? [
                item.position,
                description,
                { text: item.unit ? `${item.quantity} ${item.unit}` : item.quantity, alignment: 'right' },
                { text: item.unitPrice, alignment: 'right', noWrap: true },
                { text: item.taxRate, alignment: 'right', noWrap: true },
                { text: item.net, alignment: 'right', noWrap: true, id: item.anchor },
              ]
            : [{ text: item.position, color: '#999999' }, description, '', '', '', ''],
        ),
      );
    });
  }
  const totalRows = [
    ...(view.lineTotal ? [[labels.lineTotal, view.lineTotal], ...view.adjustments.map((row) => [row.label, row.amount])] : []),
    ...(view.vatColumn || view.lineTotal ? [[view.lineTotal ? labels.totalWithoutVat : labels.subtotal, view.subtotal]] : []),
    ...view.taxes.map((line) => [line.label, line.amount]),
    [{ text: labels.total, bold: true }, { text: view.total, bold: true }],
    ...(view.paid ? [[labels.paid, view.paid], [{ text: labels.balanceDue, bold: true }, { text: view.balance, bold: true }]] : []),
  ].map(([label, value]) => [label, { text: typeof value === 'string' ? value : value.text, bold: typeof value !== 'string', alignment: 'right', noWrap: true }]);

  return {
    pageSize: 'A4',
    pageMargins: [50, 50, 50, 60],
    watermark: view.watermark ? { text: view.watermark, fontSize: watermarkSize(view.watermark), color: '#b03a2e', opacity: 0.15, bold: true } : undefined,
    pageBreakBefore: keepHeadingsWithText,
    // Multi-page invoices: the net amounts so far at the foot of each page and the head of the next.
    header: (current) => {
      const brought = view.carriedForward(current - 1);
      return brought ? { margin: [50, 30, 50, 0], text: `${labels.broughtForward}: ${brought}`, alignment: 'right', bold: true, fontSize: 8.5 } : null;
    },
    footer: (current, total) => {
      const carried = view.carriedForward(current);
      return {
        margin: [50, 4, 50, 0],
        stack: [
          { text: carried ? `${labels.carriedForward}: ${carried}` : ' ', alignment: 'right', bold: true, fontSize: 8.5 },
          {
            margin: [0, 5, 0, 0],
            columns: [
              { text: view.footer ?? '', fontSize: 8, color: '#555555' },
              { text: view.pageLabel(current, total), alignment: 'right', fontSize: 8, width: 60 },
            ],
          },
        ],
      };
    },
    content: [
      {
        columns: [
          [...(view.logo ? [{ image: view.logo, fit: [140, 60], margin: [0, 0, 0, 8] }] : []), ...party(labels.from, view.issuer)],
          [
            { text: view.heading.toUpperCase(), style: 'title', alignment: 'right' },
            {
              layout: 'noBorders',
              margin: [0, 6, 0, 0],
              table: {
                widths: ['*', 'auto'],
                body: [
                  fact(view.numberLabel, view.number),
                  fact(labels.issueDate, view.issueDate),
                  ...view.details.map((detail) => fact(detail.label, detail.value)),
                  fact(labels.dueDate, view.dueDate),
                  fact(labels.paymentTerms, view.paymentTerms),
                ],
              },
            },
          ],
        ],
      },
      // A credit note names the invoice it corrects, across the page.
      ...(view.corrects ? [{ text: view.corrects, bold: true, margin: [0, 16, 0, 0] }] : []),
      { stack: party(labels.billTo, view.customer), margin: [0, view.corrects ? 12 : 24, 0, 18] },
      {
        table: {
          headerRows: 1,
          // A row that does not fit moves whole to the next page, so its position number and amounts go with it.
          dontBreakRows: true,
          widths: withVat([18, '*', 'auto', 'auto', 'auto', 'auto']),
          body: [
            withVat([labels.item, labels.description, labels.quantity, labels.unitPrice, labels.taxRate, labels.net]).map((text, index) => ({
              text,
              style: 'tableHeader',
              alignment: index >= 2 ? 'right' : 'left',
            })),
            ...itemRows,
          ],
        },
        // pdfmake's lightHorizontalLines, without a rule between the parts of one item.
        layout: {
          hLineWidth: (i, node) => (i === 0 || i === node.table.body.length || continued.has(i) ? 0 : i === node.table.headerRows ? 2 : 1),
          vLineWidth: () => 0,
          hLineColor: (i) => (i === 1 ? 'black' : '#aaaaaa'),
          paddingLeft: (i) => (i === 0 ? 0 : 8),
          paddingRight: (i, node) => (i === node.table.widths.length - 1 ? 0 : 8),
        },
      },
      {
        // Subtotal, taxes and total stay on one page, unless so many tax rates make them taller than a page
        // (pdfmake drops what an unbreakable block cannot fit).
        unbreakable: view.taxes.length <= MAX_UNBREAKABLE_TAX_LINES,
        columns: [
          { width: '*', text: '' },
          { width: 'auto', layout: 'noBorders', margin: [0, 12, 0, 0], table: { body: totalRows } },
        ],
      },
      // VAT exemption notes (reverse charge, small business, …): the legal wording, below the amounts it explains.
      ...view.legalNotes.map((text, index) => ({ text, fontSize: 8.5, margin: [0, index === 0 ? 10 : 2, 0, 0] })),
      ...(view.note ? [{ text: labels.note.toUpperCase(), style: 'caption', margin: [0, 20, 0, 2], headlineLevel: 1 }, { text: view.note }] : []),
      ...(view.payment
        ? [
            {
              // The heading, the account and the QR code stay together.
              unbreakable: true,
              stack: [
                { text: labels.paymentDetails.toUpperCase(), style: 'caption', margin: [0, 20, 0, 4] },
                {
                  columns: [
                    {
                      width: '*',
                      stack: [
                        ...(view.payment.bank ? [`${labels.bank}: ${view.payment.bank}`] : []),
                        `${labels.iban}: ${view.payment.iban}`,
                        ...(view.payment.bic ? [`${labels.bic}: ${view.payment.bic}`] : []),
                        `${labels.reference}: ${view.payment.reference}`,
                      ],
                    },
                    ...(view.qr ? [{ width: 'auto', stack: [{ qr: view.qr, fit: 96, eccLevel: 'M' }, { text: labels.scanToPay, fontSize: 7, margin: [0, 2, 0, 0] }] }] : []),
                  ],
                },
              ],
            },
          ]
        : []),
    ],
    defaultStyle: { fontSize: 9.5, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 22, bold: true, color: view.accentColor },
      caption: { fontSize: 7.5, bold: true, color: '#555555', characterSpacing: 0.6 },
      tableHeader: { bold: true, fontSize: 8.5 },
    },
  };
}
