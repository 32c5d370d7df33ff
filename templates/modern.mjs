// The "modern" invoice template: a coloured band across the top, the customer first, a striped items table
// and the total in a coloured box. See classic.mjs and docs/templates.md for how templates work.

/** Whole on an A4 page along its diagonal; see classic.mjs. @param {string} text */
function watermarkSize(text) {
  return Math.min(110, Math.floor(560 / (0.72 * Math.max(text.length, 1))));
}

// The logo sits on a white card in the banner: most logos have a white background, which on the accent
// colour showed as a white box. The card spans the logo's fit box plus a margin.
const PAGE_WIDTH = 595.28;
const LOGO_BOX = { width: 110, height: 44, top: 28, right: 40 };
const CARD_PADDING = 6;

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
export default function modern(view) {
  const { labels } = view;
  const accent = view.accentColor;
  const party = (title, who) => ({
    stack: [
      { text: title, color: accent, bold: true, margin: [0, 0, 0, 3] },
      { text: who.name, fontSize: 11, bold: true },
      ...(who.contact ? [who.contact] : []),
      ...who.lines,
      ...(who.taxId ? [`${labels.taxId} ${who.taxId}`] : []),
      ...(who.taxNumber ? [`${labels.taxNumber} ${who.taxNumber}`] : []),
      ...(who.registration ? [`${labels.registration} ${who.registration}`] : []),
      { text: who.email, color: '#666666' },
    ],
  });

  // One row per part of a description (see ItemView.descriptionParts); the parts of an item share its stripe.
  const itemRows = [];
  const striped = new Set(); // indexes in the table body (header = 0) of rows on a grey stripe
  // Without a VAT column (no line bears VAT, e.g. a small business), the rate cells are left out.
  const withVat = (cells) => (view.vatColumn ? cells : cells.filter((_, index) => index !== 3));
  view.items.forEach((item, itemIndex) => {
    item.descriptionParts.forEach((part, index) => {
      if (itemIndex % 2 === 1) striped.add(itemRows.length + 1);
      // Line allowances and charges under the last part of the description.
      const last = index === item.descriptionParts.length - 1;
      const description = last && item.adjustments.length > 0 ? { stack: [part, ...item.adjustments.map((text) => ({ text, fontSize: 8, color: '#666666' }))] } : part;
      itemRows.push(
        withVat(
          index === 0
            ? [
                description,
                { text: item.unit ? `${item.quantity} ${item.unit}` : item.quantity, alignment: 'right' },
                { text: item.unitPrice, alignment: 'right', noWrap: true },
                { text: item.taxRate, alignment: 'right', noWrap: true },
                { text: item.net, alignment: 'right', noWrap: true, id: item.anchor },
              ]
            : [description, '', '', '', ''],
        ),
      );
    });
  });
  const amountRows = [
    ...(view.lineTotal ? [[labels.lineTotal, view.lineTotal], ...view.adjustments.map((row) => [row.label, row.amount])] : []),
    ...(view.vatColumn || view.lineTotal ? [[view.lineTotal ? labels.totalWithoutVat : labels.subtotal, view.subtotal]] : []),
    ...view.taxes.map((line) => [line.label, line.amount]),
  ].map(([label, amount]) => [label, { text: amount, alignment: 'right' }]);

  return {
    pageSize: 'A4',
    pageMargins: [40, 130, 40, 60],
    watermark: view.watermark ? { text: view.watermark, fontSize: watermarkSize(view.watermark), color: accent, opacity: 0.12, bold: true } : undefined,
    pageBreakBefore: keepHeadingsWithText,
    background: () => ({
      canvas: [
        { type: 'rect', x: 0, y: 0, w: PAGE_WIDTH, h: 100, color: accent },
        ...(view.logo
          ? [{
              type: 'rect',
              x: PAGE_WIDTH - LOGO_BOX.right - LOGO_BOX.width - CARD_PADDING,
              y: LOGO_BOX.top - CARD_PADDING,
              w: LOGO_BOX.width + 2 * CARD_PADDING,
              h: LOGO_BOX.height + 2 * CARD_PADDING,
              r: 4,
              color: '#ffffff',
            }]
          : []),
      ],
    }),
    header: (current, total) => {
      const brought = view.carriedForward(current - 1);
      return [
        {
          margin: [40, 28, 40, 0],
          columns: [
            {
              width: '*',
              stack: [
                { text: view.heading, fontSize: 26, bold: true, color: '#ffffff' },
                { text: `${view.number}   ·   ${view.issueDate}`, color: '#ffffff', margin: [0, 4, 0, 0] },
              ],
            },
            {
              width: 180,
              stack: [
                ...(view.logo
                  ? [{ image: view.logo, fit: [LOGO_BOX.width, LOGO_BOX.height], alignment: 'right' }]
                  : [{ text: view.issuer.name, color: '#ffffff', bold: true, fontSize: 13, alignment: 'right' }]),
                // Below the logo's card, still on the banner.
                { text: view.pageLabel(current, total), color: '#ffffff', fontSize: 8, alignment: 'right', margin: [0, view.logo ? CARD_PADDING + 6 : 4, 0, 0] },
              ],
            },
          ],
        },
        // Between the banner and the content (which starts at 130): the amounts brought from the page before.
        ...(brought
          ? [{ absolutePosition: { x: 40, y: 110 }, columns: [{ width: PAGE_WIDTH - 80, text: `${labels.broughtForward}: ${brought}`, alignment: 'right', bold: true, color: accent, fontSize: 8.5 }] }]
          : []),
      ];
    },
    // Multi-page invoices: the net amounts so far at the foot of each page (and, in the header, the head of the next).
    footer: (current) => {
      const carried = view.carriedForward(current);
      return {
        margin: [40, 4, 40, 0],
        stack: [
          { text: carried ? `${labels.carriedForward}: ${carried}` : ' ', alignment: 'right', bold: true, color: accent, fontSize: 8.5 },
          ...(view.footer ? [{ text: view.footer, alignment: 'center', fontSize: 8, color: '#666666', margin: [0, 5, 0, 0] }] : []),
        ],
      };
    },
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
        margin: [0, 0, 0, view.corrects || view.details.length > 0 ? 10 : 22],
      },
      // The corrected invoice of a credit note, the date of supply and the references, when there are any.
      ...(view.corrects ? [{ text: view.corrects, bold: true, margin: [0, 0, 0, 4] }] : []),
      ...(view.details.length > 0
        ? [{ margin: [0, 0, 0, 18], text: view.details.flatMap((detail, index) => [...(index > 0 ? ['   ·   '] : []), { text: `${detail.label}: `, color: accent, bold: true }, detail.value]) }]
        : view.corrects
          ? [{ text: '', margin: [0, 0, 0, 12] }]
          : []),
      {
        table: {
          headerRows: 1,
          // A row that does not fit moves whole to the next page, so its position number and amounts go with it.
          dontBreakRows: true,
          widths: withVat(['*', 'auto', 'auto', 'auto', 'auto']),
          body: [
            withVat([labels.description, labels.quantity, labels.unitPrice, labels.taxRate, labels.net]).map((text, index) => ({
              text,
              bold: true,
              color: '#ffffff',
              fillColor: accent,
              alignment: index >= 1 ? 'right' : 'left',
            })),
            ...itemRows,
          ],
        },
        layout: {
          hLineWidth: () => 0,
          vLineWidth: () => 0,
          fillColor: (row) => (striped.has(row) ? '#f2f4f7' : null),
          paddingTop: () => 5,
          paddingBottom: () => 5,
        },
      },
      {
        // The totals stay on one page. The note goes below them, so a long note cannot make this block
        // taller than a page (pdfmake drops what an unbreakable block cannot fit); nor can many tax rates.
        unbreakable: view.taxes.length <= MAX_UNBREAKABLE_TAX_LINES,
        columns: [
          { width: '*', text: '' },
          {
            width: 220,
            margin: [0, 14, 0, 0],
            table: {
              widths: ['*', 'auto'],
              body: [
                ...amountRows,
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
      // VAT exemption notes (reverse charge, small business, …): the legal wording, below the amounts it explains.
      ...view.legalNotes.map((text, index) => ({ text, fontSize: 8.5, margin: [0, index === 0 ? 10 : 2, 0, 0] })),
      ...(view.note ? [{ text: labels.note, color: accent, bold: true, margin: [0, 16, 0, 2], headlineLevel: 1 }, { text: view.note }] : []),
      ...(view.payment
        ? [
            {
              unbreakable: true,
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
