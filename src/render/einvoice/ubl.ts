/**
 * UBL 2.1 Invoice / CreditNote for EN 16931 (OASIS UBL binding of CEN/TS 16931-3-2), and its Peppol BIS
 * Billing 3.0 and XRechnung 3.0 flavours, which differ only in their identifiers (BT-23/24) and in what the
 * pre-write checks demand. Element order follows the UBL 2.1 schema (xsd:sequence), which the validators
 * check. Every amount is read from the invoice's computed totals and written through formatAmount: this file
 * does no arithmetic. No timestamp or random value goes in, so the same invoice gives the same bytes.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { EinvoiceDocument, EinvoiceProfile } from '../../domain/einvoice.js';
import { formatAmount } from '../../domain/money-format.js';
import type { DocumentAdjustment, Invoice, LineAdjustment, LineItem, VatCategory } from '../../domain/types.js';
import { DEFAULT_UNIT } from '../../domain/units.js';
import { CAC, CBC, partyXml } from './ubl-parties.js';

const ROOT_NAMESPACE = {
  invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  'credit-note': 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
} as const;

const IDENTIFIERS: Record<EinvoiceProfile, { customization: string; profile?: string }> = {
  en16931: { customization: 'urn:cen.eu:en16931:2017' },
  peppol: { customization: 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0', profile: 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0' },
  xrechnung: { customization: 'urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0', profile: 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0' },
};

export function ublWriter(profile: EinvoiceProfile): (document: EinvoiceDocument) => string {
  return (document) => ublXml(document, profile);
}

/** Category O carries no rate (BR-O-05 …); every other category states its rate, 0 included. */
const categoryOf = (category: VatCategory | undefined, rate: string): VatCategory => category ?? (Number(rate) > 0 ? 'S' : 'Z');

export function ublXml(document: EinvoiceDocument, profile: EinvoiceProfile): string {
  const { invoice, seller, buyer } = document;
  const credit = invoice.type === 'credit-note';
  const currency = invoice.currency;
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(ROOT_NAMESPACE[credit ? 'credit-note' : 'invoice'], credit ? 'CreditNote' : 'Invoice', {
    'xmlns:cac': CAC,
    'xmlns:cbc': CBC,
  });
  const text = (parent: XMLBuilder, name: string, value: string, attributes?: Record<string, string>) => parent.ele(CBC, `cbc:${name}`, attributes).txt(value);
  const amount = (parent: XMLBuilder, name: string, minor: number) => text(parent, name, formatAmount(minor, currency), { currencyID: currency });

  const ids = IDENTIFIERS[profile];
  text(root, 'CustomizationID', ids.customization);
  if (ids.profile !== undefined) text(root, 'ProfileID', ids.profile);
  text(root, 'ID', invoice.number ?? invoice.id);
  text(root, 'IssueDate', invoice.issueDate);
  // A UBL CreditNote has no DueDate: BT-9 goes into PaymentMeans there.
  if (!credit) text(root, 'DueDate', invoice.dueDate);
  text(root, credit ? 'CreditNoteTypeCode' : 'InvoiceTypeCode', credit ? '381' : '380');
  if (document.notes.length > 0) text(root, 'Note', document.notes.join('\n'));
  text(root, 'DocumentCurrencyCode', currency);
  if (invoice.buyerReference !== undefined) text(root, 'BuyerReference', invoice.buyerReference);
  if (invoice.servicePeriod !== undefined) {
    const period = root.ele(CAC, 'cac:InvoicePeriod');
    text(period, 'StartDate', invoice.servicePeriod.start);
    text(period, 'EndDate', invoice.servicePeriod.end);
  }
  if (invoice.purchaseOrder !== undefined) text(root.ele(CAC, 'cac:OrderReference'), 'ID', invoice.purchaseOrder);
  if (invoice.precedingInvoice !== undefined) {
    const reference = root.ele(CAC, 'cac:BillingReference').ele(CAC, 'cac:InvoiceDocumentReference');
    text(reference, 'ID', invoice.precedingInvoice.number);
    text(reference, 'IssueDate', invoice.precedingInvoice.issueDate);
  }
  if (invoice.contract !== undefined) text(root.ele(CAC, 'cac:ContractDocumentReference'), 'ID', invoice.contract);

  partyXml(root.ele(CAC, 'cac:AccountingSupplierParty'), { ...seller, contactName: seller.contact.name, phone: seller.contact.phone, contactEmail: seller.contact.email }, 'seller');
  partyXml(root.ele(CAC, 'cac:AccountingCustomerParty'), { ...buyer, contactName: buyer.contact, phone: buyer.phone, contactEmail: buyer.email }, 'buyer');

  const supplyInTheEu = invoice.items.some((line) => line.taxCategory === 'K');
  if (invoice.serviceDate !== undefined || supplyInTheEu) {
    const delivery = root.ele(CAC, 'cac:Delivery');
    if (invoice.serviceDate !== undefined) text(delivery, 'ActualDeliveryDate', invoice.serviceDate);
    // BR-IC-12: an intra-community supply names the country the goods go to (BT-80): the buyer's address.
    const address = buyer.postalAddress;
    if (supplyInTheEu && address?.country !== undefined) {
      const place = delivery.ele(CAC, 'cac:DeliveryLocation').ele(CAC, 'cac:Address');
      if (address.lines[0] !== undefined) text(place, 'StreetName', address.lines[0]);
      if (address.city !== undefined) text(place, 'CityName', address.city);
      if (address.postcode !== undefined) text(place, 'PostalZone', address.postcode);
      text(place.ele(CAC, 'cac:Country'), 'IdentificationCode', address.country);
    }
  }

  const account = document.payment;
  if (account?.iban !== undefined) {
    const means = root.ele(CAC, 'cac:PaymentMeans');
    // 58 SEPA credit transfer for euro payments to an IBAN; 30 credit transfer otherwise.
    text(means, 'PaymentMeansCode', currency === 'EUR' ? '58' : '30');
    if (credit) text(means, 'PaymentDueDate', invoice.dueDate);
    text(means, 'PaymentID', invoice.number ?? invoice.id);
    const financial = means.ele(CAC, 'cac:PayeeFinancialAccount');
    text(financial, 'ID', account.iban);
    if (account.bic !== undefined) text(financial.ele(CAC, 'cac:FinancialInstitutionBranch'), 'ID', account.bic);
  }
  if (!credit) text(root.ele(CAC, 'cac:PaymentTerms'), 'Note', `Payment within ${invoice.terms} days, due ${invoice.dueDate}`);

  for (const allowance of invoice.allowances ?? []) documentAdjustmentXml(root, allowance, false, text, amount);
  for (const charge of invoice.charges ?? []) documentAdjustmentXml(root, charge, true, text, amount);

  const taxTotal = root.ele(CAC, 'cac:TaxTotal');
  amount(taxTotal, 'TaxAmount', invoice.tax);
  for (const tax of invoice.taxes) {
    const subtotal = taxTotal.ele(CAC, 'cac:TaxSubtotal');
    amount(subtotal, 'TaxableAmount', tax.base);
    amount(subtotal, 'TaxAmount', tax.tax);
    const category = categoryOf(tax.category, tax.rate);
    const element = subtotal.ele(CAC, 'cac:TaxCategory');
    text(element, 'ID', category);
    // BT-119 even for O (rate 0): XRechnung (BR-DE-14) and Peppol for German sellers (DE-R-014) require it,
    // and EN 16931 forbids a rate for O only on lines, allowances and charges (BR-O-05 to 07).
    text(element, 'Percent', tax.rate);
    if (tax.exemptionCode !== undefined) text(element, 'TaxExemptionReasonCode', tax.exemptionCode);
    if (tax.exemptionReason !== undefined) text(element, 'TaxExemptionReason', tax.exemptionReason);
    text(element.ele(CAC, 'cac:TaxScheme'), 'ID', 'VAT');
  }

  legalMonetaryTotalXml(root, invoice, amount);
  invoice.items.forEach((line, index) => lineXml(root, line, index, { credit, currency }, text, amount));
  return root.end({ prettyPrint: true });
}

type Text = (parent: XMLBuilder, name: string, value: string, attributes?: Record<string, string>) => XMLBuilder;
type Amount = (parent: XMLBuilder, name: string, minor: number) => XMLBuilder;

function legalMonetaryTotalXml(root: XMLBuilder, invoice: Invoice, amount: Amount): void {
  const totals = root.ele(CAC, 'cac:LegalMonetaryTotal');
  amount(totals, 'LineExtensionAmount', invoice.lineTotal ?? invoice.subtotal);
  amount(totals, 'TaxExclusiveAmount', invoice.subtotal);
  amount(totals, 'TaxInclusiveAmount', invoice.total);
  if (invoice.allowances?.length) amount(totals, 'AllowanceTotalAmount', invoice.allowanceTotal ?? 0);
  if (invoice.charges?.length) amount(totals, 'ChargeTotalAmount', invoice.chargeTotal ?? 0);
  if (invoice.paid !== 0) amount(totals, 'PrepaidAmount', invoice.paid);
  // BT-115 = BT-112 − BT-113 (BR-CO-16): what is left to pay of this document.
  amount(totals, 'PayableAmount', invoice.total - invoice.paid);
}

function adjustmentXml(parent: XMLBuilder, adjustment: LineAdjustment, charge: boolean, text: Text, amount: Amount): XMLBuilder {
  const element = parent.ele(CAC, 'cac:AllowanceCharge');
  text(element, 'ChargeIndicator', charge ? 'true' : 'false');
  if (adjustment.reasonCode !== undefined) text(element, 'AllowanceChargeReasonCode', adjustment.reasonCode);
  if (adjustment.reason !== undefined) text(element, 'AllowanceChargeReason', adjustment.reason);
  if (adjustment.percent !== undefined) text(element, 'MultiplierFactorNumeric', adjustment.percent);
  amount(element, 'Amount', adjustment.amount);
  if (adjustment.percent !== undefined && adjustment.base !== undefined) amount(element, 'BaseAmount', adjustment.base);
  return element;
}

function documentAdjustmentXml(root: XMLBuilder, adjustment: DocumentAdjustment, charge: boolean, text: Text, amount: Amount): void {
  const element = adjustmentXml(root, adjustment, charge, text, amount);
  const category = element.ele(CAC, 'cac:TaxCategory');
  text(category, 'ID', adjustment.taxCategory);
  if (adjustment.taxCategory !== 'O') text(category, 'Percent', adjustment.taxRate);
  text(category.ele(CAC, 'cac:TaxScheme'), 'ID', 'VAT');
}

function lineXml(root: XMLBuilder, line: LineItem, index: number, { credit, currency }: { credit: boolean; currency: string }, text: Text, amount: Amount): void {
  const element = root.ele(CAC, credit ? 'cac:CreditNoteLine' : 'cac:InvoiceLine');
  const unit = line.unit ?? DEFAULT_UNIT;
  text(element, 'ID', String(index + 1));
  text(element, credit ? 'CreditedQuantity' : 'InvoicedQuantity', line.quantity, { unitCode: unit });
  amount(element, 'LineExtensionAmount', line.net);
  for (const allowance of line.allowances ?? []) adjustmentXml(element, allowance, false, text, amount);
  for (const charge of line.charges ?? []) adjustmentXml(element, charge, true, text, amount);
  const item = element.ele(CAC, 'cac:Item');
  text(item, 'Name', line.description);
  const category = categoryOf(line.taxCategory, line.taxRate);
  const classified = item.ele(CAC, 'cac:ClassifiedTaxCategory');
  text(classified, 'ID', category);
  if (category !== 'O') text(classified, 'Percent', line.taxRate);
  text(classified.ele(CAC, 'cac:TaxScheme'), 'ID', 'VAT');
  const price = element.ele(CAC, 'cac:Price');
  // The net price as stored (BT-146): a decimal with as many places as it was given.
  text(price, 'PriceAmount', line.unitPrice, { currencyID: currency });
  if (line.baseQuantity !== undefined) text(price, 'BaseQuantity', line.baseQuantity, { unitCode: unit });
}
