/** Reads the figures of a UBL e-invoice back with an XML parser (xmlbuilder2's), to compare with show --json. */
import { convert } from 'xmlbuilder2';

type Node = Record<string, unknown>;
const list = (value: unknown): Node[] => (value === undefined ? [] : Array.isArray(value) ? (value as Node[]) : [value as Node]);
const textOf = (value: unknown): string | undefined => (value === undefined ? undefined : typeof value === 'string' ? value : ((value as Node)['#'] as string));

export interface UblFigures {
  root: string;
  id: string;
  customizationId: string;
  lineTotal: string;
  subtotal: string;
  total: string;
  allowanceTotal: string;
  chargeTotal: string;
  paid: string;
  payable: string;
  tax: string;
  taxes: { category: string; rate: string; base: string; tax: string }[];
  lineNets: string[];
  currencies: string[];
  billingReference?: string;
}

export function ublFigures(xml: string): UblFigures {
  const parsed = convert(xml, { format: 'object' }) as Node;
  const root = Object.keys(parsed).find((key) => !key.startsWith('@'))!;
  const doc = parsed[root] as Node;
  const totals = doc['cac:LegalMonetaryTotal'] as Node;
  const taxTotal = doc['cac:TaxTotal'] as Node;
  const lines = list(doc[root === 'CreditNote' ? 'cac:CreditNoteLine' : 'cac:InvoiceLine']);
  const currencies = new Set<string>();
  for (const match of xml.matchAll(/currencyID="([^"]*)"/g)) currencies.add(match[1]!);
  const billing = doc['cac:BillingReference'] as Node | undefined;
  return {
    root,
    id: textOf(doc['cbc:ID'])!,
    customizationId: textOf(doc['cbc:CustomizationID'])!,
    lineTotal: textOf(totals['cbc:LineExtensionAmount'])!,
    subtotal: textOf(totals['cbc:TaxExclusiveAmount'])!,
    total: textOf(totals['cbc:TaxInclusiveAmount'])!,
    allowanceTotal: textOf(totals['cbc:AllowanceTotalAmount']) ?? '0.00',
    chargeTotal: textOf(totals['cbc:ChargeTotalAmount']) ?? '0.00',
    paid: textOf(totals['cbc:PrepaidAmount']) ?? '0.00',
    payable: textOf(totals['cbc:PayableAmount'])!,
    tax: textOf(taxTotal['cbc:TaxAmount'])!,
    taxes: list(taxTotal['cac:TaxSubtotal']).map((subtotal) => {
      const category = subtotal['cac:TaxCategory'] as Node;
      return { category: textOf(category['cbc:ID'])!, rate: textOf(category['cbc:Percent'])!, base: textOf(subtotal['cbc:TaxableAmount'])!, tax: textOf(subtotal['cbc:TaxAmount'])! };
    }),
    lineNets: lines.map((line) => textOf(line['cbc:LineExtensionAmount'])!),
    currencies: [...currencies],
    ...(billing && { billingReference: textOf((billing['cac:InvoiceDocumentReference'] as Node)['cbc:ID']) }),
  };
}

/**
 * The same figures as `invoice show --json` gives them. In these tests nothing is credited or written off, so
 * BT-115 is the balance; a credit note's BT-115 is its amount (SmallPay's balance of a credit note is 0: its
 * amount is credited against the invoice, not collected).
 */
export function showFigures(json: {
  lineTotal: string;
  subtotal: string;
  total: string;
  allowanceTotal: string;
  chargeTotal: string;
  paid: string;
  balance: string;
  type?: string;
  tax: string;
  taxes: { category: string; rate: string; base: string; tax: string }[];
  items: { net: string }[];
}) {
  return {
    lineTotal: json.lineTotal,
    subtotal: json.subtotal,
    total: json.total,
    allowanceTotal: json.allowanceTotal,
    chargeTotal: json.chargeTotal,
    paid: json.paid,
    payable: json.type === 'credit-note' ? json.total : json.balance,
    tax: json.tax,
    taxes: json.taxes.map(({ category, rate, base, tax }) => ({ category, rate, base, tax })),
    lineNets: json.items.map((item) => item.net),
  };
}
