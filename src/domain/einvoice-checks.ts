/**
 * The rules an e-invoice must keep that SmallPay can know from its own data, checked before anything is
 * written, so that a file we write passes the official validation (CEN/TC 434 EN 16931 artefacts 1.3.16,
 * Peppol BIS Billing 3.0.19, KoSIT XRechnung 3.0). Each problem names the rule and the field, e.g.
 *   BR-DE-15: buyer reference (Leitweg-ID) is required for XRechnung
 * Rules that hold by construction (totals, breakdown sums, code lists of stored values) are not repeated here:
 * the VAT category rules come from vat-rules.ts, both levels (an invoice stored before a rule existed may
 * break a 'refuse' one).
 */
import { minorDigits } from './currency.js';
import type { EinvoiceDocument, EinvoiceProfile } from './einvoice.js';
import type { LineAdjustment, PostalAddress } from './types.js';
import { vatRuleProblems } from './vat-rules.js';

export interface EinvoiceProblem {
  rule: string;
  message: string;
  hint?: string;
}

const present = (text: string | undefined): boolean => text !== undefined && text.trim() !== '';
const hasReason = (adjustment: LineAdjustment) => present(adjustment.reason) || present(adjustment.reasonCode);
/**
 * The Electronic Address Scheme codes Peppol accepts for an endpoint (PEPPOL-EN16931-CL008), as the Peppol BIS
 * Billing 3.0.19 artefacts list them.
 */
const PEPPOL_EAS = new Set(
  '0002 0007 0009 0037 0060 0088 0096 0097 0106 0130 0135 0142 0151 0177 0183 0184 0188 0190 0191 0192 0193 0195 0196 0198 0199 0200 0201 0202 0204 0208 0209 0210 0211 0212 0213 0215 0216 0218 0221 0230 0235 9910 9913 9914 9915 9918 9919 9920 9922 9923 9924 9925 9926 9927 9928 9929 9930 9931 9932 9933 9934 9935 9936 9937 9938 9939 9940 9941 9942 9943 9944 9945 9946 9947 9948 9949 9950 9951 9952 9953 9957 9959 0147 0154 0158 0170 0194 0203 0205 0217 0225 0240'.split(' '),
);

/** BR-CO-09: a VAT id starts with its country's ISO 3166 code (Greece: EL). */
const VAT_ID_PREFIX = /^[A-Z]{2}/;

export function einvoiceProblems(document: EinvoiceDocument, profile: EinvoiceProfile): EinvoiceProblem[] {
  const { invoice, seller, buyer } = document;
  const problems: EinvoiceProblem[] = [];
  const add = (rule: string, message: string, hint?: string) => problems.push({ rule, message, ...(hint !== undefined && hint !== '' && { hint }) });
  const customerEdit = `smallpay customer edit ${buyer.id}`;
  const peppol = profile === 'peppol';
  const german = germanRules(profile, seller.postalAddress?.country, buyer.postalAddress?.country);

  if (!present(seller.name)) add('BR-06', 'seller name is required', 'smallpay config set name <name>');
  if (!present(buyer.name)) add('BR-07', 'buyer name is required');
  addressProblems(seller.postalAddress, 'seller', { rules: ['BR-08', 'BR-09'], city: german?.id(3), postcode: german?.id(4), setName: german?.name }, 'smallpay config set street|postcode|city|country <value>', add);
  addressProblems(buyer.postalAddress, 'buyer', { rules: ['BR-10', 'BR-11'], city: german?.id(8), postcode: german?.id(9), setName: german?.name }, `${customerEdit} --street <line> --postcode <code> --city <name> --country <code>`, add);

  if (!present(seller.taxId) && !present(seller.registration)) {
    add('BR-CO-26', 'the seller needs a VAT id (BT-31) or a legal registration id (BT-30) so that buyers can identify it', 'smallpay config set registration <id> (a small business without a VAT id: e.g. its trade register entry)');
  }
  if (present(seller.taxId) && !VAT_ID_PREFIX.test(seller.taxId ?? '')) add('BR-CO-09', `seller VAT id '${seller.taxId}' must start with its country code (e.g. DE)`);
  if (present(buyer.taxId) && !VAT_ID_PREFIX.test(buyer.taxId ?? '')) add('BR-CO-09', `buyer VAT id '${buyer.taxId}' must start with its country code (e.g. FR)`);

  for (const problem of vatRuleProblems({ ...invoice, customer: buyer, issuer: seller }, seller)) add(problem.rule, problem.message, problem.hint);
  for (const tax of invoice.taxes) {
    const category = tax.category ?? (Number(tax.rate) > 0 ? 'S' : 'Z');
    if (category !== 'S' && category !== 'Z' && !present(tax.exemptionReason) && !present(tax.exemptionCode)) {
      const prefix = { E: 'BR-E', AE: 'BR-AE', K: 'BR-IC', G: 'BR-G', O: 'BR-O' }[category];
      add(`${prefix}-10`, `VAT breakdown of category ${category}: an exemption reason (BT-120) or code (BT-121) is required`, 'give exemptionReason or exemptionCode on the lines');
    }
  }

  (invoice.allowances ?? []).forEach((entry, index) => {
    if (!hasReason(entry)) add('BR-33', `document allowance ${index + 1}: a reason (BT-97) or reason code (BT-98) is required`);
  });
  (invoice.charges ?? []).forEach((entry, index) => {
    if (!hasReason(entry)) add('BR-38', `document charge ${index + 1}: a reason (BT-104) or reason code (BT-105) is required`);
  });
  invoice.items.forEach((line, index) => {
    (line.allowances ?? []).forEach((entry, at) => {
      if (!hasReason(entry)) add('BR-42', `item ${index + 1} allowance ${at + 1}: a reason (BT-139) or reason code (BT-140) is required`);
    });
    (line.charges ?? []).forEach((entry, at) => {
      if (!hasReason(entry)) add('BR-44', `item ${index + 1} charge ${at + 1}: a reason (BT-144) or reason code (BT-145) is required`);
    });
  });
  if (minorDigits(invoice.currency) > 2) add('BR-DEC-09', `amounts in ${invoice.currency} have ${minorDigits(invoice.currency)} decimals; an e-invoice allows at most 2`);
  // Not an EN 16931 rule (BG-3 is optional there), but issue 11 asks every credit note to name its invoice.
  if (invoice.type === 'credit-note' && invoice.precedingInvoice === undefined) add('BG-3', 'credit note: the reference to the corrected invoice (BT-25) is missing');

  if (peppol) {
    if (seller.endpoint === undefined) add('PEPPOL-EN16931-R020', 'seller electronic address (BT-34, endpoint id with scheme) is required for Peppol', 'smallpay config set endpoint <scheme>:<id>');
    if (buyer.endpoint === undefined) add('PEPPOL-EN16931-R010', 'buyer electronic address (BT-49, endpoint id with scheme) is required for Peppol', `${customerEdit} --endpoint <scheme>:<id>`);
    for (const [party, endpoint] of [['seller', seller.endpoint], ['buyer', buyer.endpoint]] as const) {
      if (endpoint !== undefined && !PEPPOL_EAS.has(endpoint.scheme)) add('PEPPOL-EN16931-CL008', `${party} electronic address scheme '${endpoint.scheme}' is not a Peppol EAS code (e.g. 0088 GLN, 0208 Belgian company number, 9930 German VAT id)`);
    }
  }
  if (peppol && !present(invoice.buyerReference) && !present(invoice.purchaseOrder)) {
    add('PEPPOL-EN16931-R003', 'a buyer reference (BT-10) or purchase order reference (BT-13) is required', 'smallpay invoice edit <number> --buyer-reference <text>');
  }
  if (german) {
    const { id, name } = german;
    if (document.payment?.iban === undefined) add(id(1), `payment instructions (BG-16: an IBAN for ${invoice.currency}) are required for ${name}`, `smallpay config set iban <IBAN> (or payment.${invoice.currency}.iban)`);
    if (!present(invoice.buyerReference)) add(id(15), `buyer reference (Leitweg-ID) is required for ${name}`, 'smallpay invoice edit <number> --buyer-reference <Leitweg-ID>');
    if (!present(seller.contact.name)) add(id(5), `seller contact name (BT-41) is required for ${name}`, 'smallpay config set contact.name <name>');
    if (!present(seller.contact.phone)) add(id(6), `seller contact phone (BT-42) is required for ${name}`, 'smallpay config set contact.phone <number>');
    if (!present(seller.contact.email)) add(id(7), `seller contact email (BT-43) is required for ${name}`, 'smallpay config set contact.email <address>');
  }
  return problems;
}

function addressProblems(
  address: PostalAddress | undefined,
  party: 'seller' | 'buyer',
  rules: { rules: [string, string]; city: string | undefined; postcode: string | undefined; setName: string | undefined },
  hint: string,
  add: (rule: string, message: string, hint?: string) => void,
): void {
  const [addressRule, countryRule] = rules.rules;
  // The hint goes with the first problem of the party only: one command fixes them all.
  let hinted = false;
  const once = () => (hinted ? undefined : ((hinted = true), hint));
  if (address === undefined) add(addressRule, `${party} postal address is required`, once());
  if (!present(address?.country)) add(countryRule, `${party} country code is required`, once());
  if (rules.city !== undefined && !present(address?.city)) add(rules.city, `${party} city is required for ${rules.setName}`, once());
  if (rules.postcode !== undefined && !present(address?.postcode)) add(rules.postcode, `${party} post code is required for ${rules.setName}`, once());
}

/**
 * The German rules: XRechnung's (BR-DE-n), which Peppol BIS 3 applies too, as DE-R-00n, to an invoice from a
 * German seller to a German buyer (payment instructions, Leitweg-ID, seller contact, cities and post codes).
 */
function germanRules(profile: EinvoiceProfile, sellerCountry: string | undefined, buyerCountry: string | undefined): { id: (rule: number) => string; name: string } | undefined {
  if (profile === 'xrechnung') return { id: (rule) => `BR-DE-${rule}`, name: 'XRechnung' };
  if (profile === 'peppol' && sellerCountry === 'DE' && buyerCountry === 'DE') {
    return { id: (rule) => `DE-R-${String(rule).padStart(3, '0')}`, name: 'Peppol between German parties' };
  }
  return undefined;
}

/** One line per problem: "BR-DE-15: buyer reference (Leitweg-ID) is required for XRechnung". */
export function problemLines(problems: readonly EinvoiceProblem[]): string[] {
  return problems.map((problem) => `${problem.rule}: ${problem.message}`);
}
