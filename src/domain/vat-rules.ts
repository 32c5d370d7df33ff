/**
 * EN 16931's VAT category rules (BR-S, BR-Z, BR-E, BR-AE, BR-IC, BR-G, BR-O) that depend on the invoice
 * alone, checked before anything is written. Each problem names its rule, as the official validation
 * artefacts do (CEN/TC 434, validation 1.3.16), so a user can look it up.
 *
 * Two levels:
 *   refuse  `invoice new`/`edit` refuse the invoice (exit 2): a rate that does not fit its category, O mixed
 *           with other categories, reverse charge or an intra-community supply without both VAT ids, an
 *           intra-community supply without a date of supply, an exemption reason on S or Z, two different
 *           exemption reasons in one category;
 *   export  only an e-invoice needs them (issue 11's export refuses them): the seller's VAT id or tax number
 *           on taxed lines (BR-S-02 …), no VAT ids on an O invoice (BR-O-02 …), no negative net price
 *           (BR-27). Refusing these on paper invoices would break invoices people legally write today (a
 *           small business whose customer has a VAT id, a discount line).
 * The breakdown rules (BR-x-08/09: bases and amounts per group) hold by construction in totals.ts.
 */
import { refused } from './errors.js';
import type { DocumentAdjustment, LineItem, ServicePeriod, VatCategory } from './types.js';

export interface VatRuleProblem {
  /** The EN 16931 rule id, e.g. "BR-AE-02". */
  rule: string;
  message: string;
  level: 'refuse' | 'export';
  hint?: string;
}

/** The parts of an invoice (or an invoice being made) the rules read. */
export interface VatRuleSubject {
  items: readonly Pick<LineItem, 'taxCategory' | 'taxRate' | 'unitPrice' | 'exemptionReason' | 'exemptionCode'>[];
  allowances?: readonly DocumentAdjustment[];
  charges?: readonly DocumentAdjustment[];
  serviceDate?: string;
  servicePeriod?: ServicePeriod;
  customer: { id?: string; taxId?: string; postalAddress?: { country?: string } };
  issuer: VatSeller | null;
}

/** The seller's identifiers: the VAT id (BT-31) and the national tax number (BT-32). */
export interface VatSeller {
  taxId?: string;
  taxNumber?: string;
}

const RULE_PREFIX: Record<VatCategory, string> = { S: 'BR-S', Z: 'BR-Z', E: 'BR-E', AE: 'BR-AE', K: 'BR-IC', G: 'BR-G', O: 'BR-O' };

const CATEGORY_NAME: Record<VatCategory, string> = {
  S: 'standard rate (S)',
  Z: 'zero rated (Z)',
  E: 'exempt (E)',
  AE: 'reverse charge (AE)',
  K: 'intra-community supply (K)',
  G: 'export outside the EU (G)',
  O: 'outside the scope of VAT (O)',
};

interface Entry {
  where: string;
  /** The rule number of this kind of entry: lines 05 (rate) and 02 (ids), allowances 06/03, charges 07/04. */
  kind: 'line' | 'allowance' | 'charge';
  category: VatCategory;
  rate: string;
  exemptionReason?: string;
  exemptionCode?: string;
}

const RATE_RULE = { line: '05', allowance: '06', charge: '07' } as const;
const IDS_RULE = { line: '02', allowance: '03', charge: '04' } as const;

function entriesOf(invoice: VatRuleSubject): Entry[] {
  const adjustments = (list: readonly DocumentAdjustment[] | undefined, kind: 'allowance' | 'charge'): Entry[] =>
    (list ?? []).map((entry, index) => ({ where: `${kind} ${index + 1}`, kind, category: entry.taxCategory, rate: entry.taxRate, exemptionReason: entry.exemptionReason, exemptionCode: entry.exemptionCode }));
  return [
    ...invoice.items.map((line, index): Entry => ({
      where: `item ${index + 1}`,
      kind: 'line',
      // Stores of schema ≤ 3 are migrated; this is for an object built by hand.
      category: line.taxCategory ?? (Number(line.taxRate) > 0 ? 'S' : 'Z'),
      rate: line.taxRate,
      exemptionReason: line.exemptionReason,
      exemptionCode: line.exemptionCode,
    })),
    ...adjustments(invoice.allowances, 'allowance'),
    ...adjustments(invoice.charges, 'charge'),
  ];
}

const isZero = (rate: string) => /^0+(\.0+)?$/.test(rate);
const present = (text: string | undefined) => text !== undefined && text.trim() !== '';

/** Every VAT rule the invoice breaks, in the order of its entries; empty when it keeps them all. */
export function vatRuleProblems(invoice: VatRuleSubject, seller: VatSeller = invoice.issuer ?? {}): VatRuleProblem[] {
  const problems: VatRuleProblem[] = [];
  const add = (rule: string, message: string, level: VatRuleProblem['level'], hint?: string) => problems.push({ rule, message, level, ...(hint !== undefined && { hint }) });
  const entries = entriesOf(invoice);
  const sellerVatId = present(seller.taxId);
  const sellerTaxNumber = present(seller.taxNumber);
  const buyerVatId = present(invoice.customer.taxId);
  const idsHint = (buyer: boolean) =>
    [!sellerVatId && 'smallpay config set taxId <your VAT id>', buyer && !buyerVatId && `smallpay customer edit ${invoice.customer.id ?? '<id>'} --tax-id <their VAT id>`].filter(Boolean).join('; ');

  for (const entry of entries) {
    const { category, rate, where, kind } = entry;
    const prefix = RULE_PREFIX[category];
    const name = CATEGORY_NAME[category];
    if (category === 'S' && isZero(rate)) add(`BR-S-${RATE_RULE[kind]}`, `${where}: ${name} needs a rate above 0 (use Z for a zero rate)`, 'refuse');
    if (category === 'O' && !isZero(rate)) add(`BR-O-${RATE_RULE[kind]}`, `${where}: ${name} carries no VAT rate, not ${rate}%`, 'refuse');
    if (category !== 'S' && category !== 'O' && !isZero(rate)) add(`${prefix}-${RATE_RULE[kind]}`, `${where}: ${name} has the rate 0, not ${rate}%`, 'refuse');
    if ((category === 'S' || category === 'Z') && (present(entry.exemptionReason) || present(entry.exemptionCode))) {
      add(`${prefix}-10`, `${where}: ${name} carries no VAT exemption reason`, 'refuse');
    }
  }

  const firstOf = (category: VatCategory) => entries.find((entry) => entry.category === category);
  for (const category of ['AE', 'K'] as const) {
    const entry = firstOf(category);
    const needsSeller = !sellerVatId;
    const needsBuyer = !buyerVatId;
    if (entry && (needsSeller || needsBuyer)) {
      const missing = [needsSeller && "the seller's VAT id", needsBuyer && "the buyer's VAT id"].filter(Boolean).join(' and ');
      add(`${RULE_PREFIX[category]}-${IDS_RULE[entry.kind]}`, `${CATEGORY_NAME[category]} needs the seller's VAT id and the buyer's VAT id (${missing} missing)`, 'refuse', idsHint(true));
    }
  }
  if (firstOf('K') && invoice.serviceDate === undefined && invoice.servicePeriod === undefined) {
    add('BR-IC-11', `${CATEGORY_NAME.K} needs the date of supply or the invoicing period`, 'refuse', 'give --service-date or --period (serviceDate or servicePeriod in --input)');
  }
  if (firstOf('K') && !present(invoice.customer.postalAddress?.country)) {
    add('BR-IC-12', `${CATEGORY_NAME.K} needs the country the goods go to (the buyer's country)`, 'export', `smallpay customer edit ${invoice.customer.id ?? '<id>'} --country <code>`);
  }

  const outside = firstOf('O');
  const other = entries.find((entry) => entry.category !== 'O');
  if (outside && other) {
    const rule = { line: 'BR-O-12', allowance: 'BR-O-13', charge: 'BR-O-14' }[other.kind];
    add(rule, `an invoice with ${outside.where} ${CATEGORY_NAME.O} has no other VAT category (${other.where} is ${other.category})`, 'refuse', 'issue the other lines on an invoice of their own');
  }

  // Every category but S has one rate, so one breakdown line (BR-x-01): one exemption reason per category.
  for (const category of ['E', 'AE', 'K', 'G', 'O'] as const) {
    const inCategory = entries.filter((entry) => entry.category === category);
    for (const field of ['exemptionReason', 'exemptionCode'] as const) {
      const given = [...new Set(inCategory.map((entry) => entry[field]).filter((value): value is string => value !== undefined))];
      if (given.length > 1) {
        add(`${RULE_PREFIX[category]}-01`, `the ${CATEGORY_NAME[category]} lines give different exemption ${field === 'exemptionReason' ? 'reasons' : 'codes'} (${given.map((text) => `'${text}'`).join(', ')}); an invoice has one per category`, 'refuse');
      }
    }
  }

  for (const category of ['S', 'Z', 'E'] as const) {
    const entry = firstOf(category);
    if (entry && !sellerVatId && !sellerTaxNumber) {
      add(`${RULE_PREFIX[category]}-${IDS_RULE[entry.kind]}`, `${CATEGORY_NAME[category]} needs the seller's VAT id or tax number`, 'export', 'smallpay config set taxId <VAT id> (or taxNumber)');
    }
  }
  const exported = firstOf('G');
  if (exported && !sellerVatId) add(`BR-G-${IDS_RULE[exported.kind]}`, `${CATEGORY_NAME.G} needs the seller's VAT id`, 'export', 'smallpay config set taxId <VAT id>');
  if (outside && (sellerVatId || buyerVatId)) {
    add(`BR-O-${IDS_RULE[outside.kind]}`, `an invoice ${CATEGORY_NAME.O} carries no VAT ids (an e-invoice leaves them out, or use E)`, 'export');
  }
  invoice.items.forEach((line, index) => {
    if (line.unitPrice.startsWith('-')) add('BR-27', `item ${index + 1}: the net price must not be negative (use a negative quantity or an allowance)`, 'export');
  });
  return problems;
}

/** Throws DomainError('refused') naming the first refuse-level rule the invoice breaks. */
export function assertVatRules(invoice: VatRuleSubject, seller?: VatSeller): void {
  const problem = vatRuleProblems(invoice, seller).find((candidate) => candidate.level === 'refuse');
  if (problem) throw refused(`${problem.rule}: ${problem.message}`, problem.hint === '' ? undefined : problem.hint);
}
