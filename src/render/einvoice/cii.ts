/**
 * UN/CEFACT Cross Industry Invoice D16B, EN 16931 profile (`cii`), and XRechnung 3.0 in CII
 * (`xrechnung-cii`). Pure: an invoice and the business in, the XML text out, the same bytes for the same data.
 *
 * Every figure is one the core computed (line nets, allowances, charges, the VAT breakdown, the totals); the
 * writer only writes them. Element order is the D16B schema's, which is strict about it.
 *
 * Two things @e-invoice-eu/core 2.3.4 gets wrong and this must not: a credit note carries the invoice it
 * corrects (BG-3: InvoiceReferencedDocument), and ApplicableHeaderTradeDelivery is always present, even empty,
 * because the CII schema requires it.
 */
import { create } from 'xmlbuilder2';
import type { EinvoiceDocument } from '../../domain/einvoice.js';
import type { DocumentAdjustment, Invoice, LineAdjustment, LineItem, VatCategory } from '../../domain/types.js';
import { DEFAULT_UNIT } from '../../domain/units.js';
import { buyerParty, sellerParty, writeAddress, writeParty } from './cii-parties.js';
import { CII_NAMESPACES, type XMLBuilder, amount, dateTime, element, indicator, optional } from './cii-xml.js';

export type CiiVariant = 'cii' | 'xrechnung-cii';

export const CII_GUIDELINES: Record<CiiVariant, string> = {
  cii: 'urn:cen.eu:en16931:2017',
  'xrechnung-cii': 'urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0',
};

/** UNTDID 1001: 380 commercial invoice, 381 credit note. */
function typeCode(invoice: Invoice): string {
  return invoice.type === 'credit-note' ? '381' : '380';
}

/** A line's category: stores of schema ≤ 3 have none until migrated (S for a rate, else Z, as the migration does). */
function categoryOf(line: Pick<LineItem, 'taxCategory' | 'taxRate'>): VatCategory {
  return line.taxCategory ?? (Number(line.taxRate) > 0 ? 'S' : 'Z');
}

/** BR-O-05 and friends: category O carries no rate; every other category does (0 for the exempt ones). */
function writeTaxRate(parent: XMLBuilder, category: VatCategory, rate: string): void {
  if (category !== 'O') element(parent, 'ram:RateApplicablePercent', rate);
}

/** The seller, buyer, payment account and notes come resolved in the document (domain/einvoice.ts). */
export function writeCii(document: EinvoiceDocument, variant: CiiVariant): string {
  const { invoice } = document;
  if (invoice.number === null) throw new Error('a draft has no number and cannot be exported');
  const currency = invoice.currency;
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(CII_NAMESPACES.rsm, 'rsm:CrossIndustryInvoice', {
    'xmlns:rsm': CII_NAMESPACES.rsm,
    'xmlns:qdt': CII_NAMESPACES.qdt,
    'xmlns:ram': CII_NAMESPACES.ram,
    'xmlns:udt': CII_NAMESPACES.udt,
  });
  const documentContext = element(root, 'rsm:ExchangedDocumentContext');
  element(element(documentContext, 'ram:GuidelineSpecifiedDocumentContextParameter'), 'ram:ID', CII_GUIDELINES[variant]);

  const header = element(root, 'rsm:ExchangedDocument');
  element(header, 'ram:ID', invoice.number);
  element(header, 'ram:TypeCode', typeCode(invoice));
  dateTime(header, 'ram:IssueDateTime', invoice.issueDate);
  for (const note of document.notes) element(element(header, 'ram:IncludedNote'), 'ram:Content', note);

  const transaction = element(root, 'rsm:SupplyChainTradeTransaction');
  invoice.items.forEach((item, index) => writeLine(transaction, item, index, currency));
  writeAgreement(transaction, document, variant);
  writeDelivery(transaction, document);
  writeSettlement(transaction, document);
  return root.end({ prettyPrint: true }) + '\n';
}

function writeLine(parent: XMLBuilder, item: LineItem, index: number, currency: string): void {
  const line = element(parent, 'ram:IncludedSupplyChainTradeLineItem');
  element(element(line, 'ram:AssociatedDocumentLineDocument'), 'ram:LineID', String(index + 1));
  element(element(line, 'ram:SpecifiedTradeProduct'), 'ram:Name', item.description);
  const unit = item.unit ?? DEFAULT_UNIT;
  // BT-146 is the item's net price as entered (a decimal string); BT-149 the quantity that price is for.
  const price = element(element(line, 'ram:SpecifiedLineTradeAgreement'), 'ram:NetPriceProductTradePrice');
  element(price, 'ram:ChargeAmount', item.unitPrice);
  if (item.baseQuantity !== undefined) element(price, 'ram:BasisQuantity', item.baseQuantity, { unitCode: unit });
  element(element(line, 'ram:SpecifiedLineTradeDelivery'), 'ram:BilledQuantity', item.quantity, { unitCode: unit });
  const settlement = element(line, 'ram:SpecifiedLineTradeSettlement');
  const tax = element(settlement, 'ram:ApplicableTradeTax');
  const category = categoryOf(item);
  element(tax, 'ram:TypeCode', 'VAT');
  element(tax, 'ram:CategoryCode', category);
  writeTaxRate(tax, category, item.taxRate);
  for (const allowance of item.allowances ?? []) writeAdjustment(settlement, allowance, false, currency);
  for (const charge of item.charges ?? []) writeAdjustment(settlement, charge, true, currency);
  element(element(settlement, 'ram:SpecifiedTradeSettlementLineMonetarySummation'), 'ram:LineTotalAmount', amount(item.net, currency));
}

/** BG-20/21 (document level, with its VAT group) or BG-27/28 (line level). */
function writeAdjustment(parent: XMLBuilder, adjustment: LineAdjustment | DocumentAdjustment, isCharge: boolean, currency: string): void {
  const node = element(parent, 'ram:SpecifiedTradeAllowanceCharge');
  indicator(node, isCharge);
  optional(node, 'ram:CalculationPercent', adjustment.percent);
  if (adjustment.percent !== undefined && adjustment.base !== undefined) element(node, 'ram:BasisAmount', amount(adjustment.base, currency));
  element(node, 'ram:ActualAmount', amount(adjustment.amount, currency));
  optional(node, 'ram:ReasonCode', adjustment.reasonCode);
  optional(node, 'ram:Reason', adjustment.reason);
  if ('taxCategory' in adjustment) {
    const tax = element(node, 'ram:CategoryTradeTax');
    element(tax, 'ram:TypeCode', 'VAT');
    element(tax, 'ram:CategoryCode', adjustment.taxCategory);
    writeTaxRate(tax, adjustment.taxCategory, adjustment.taxRate);
  }
}

function writeAgreement(parent: XMLBuilder, document: EinvoiceDocument, variant: CiiVariant): void {
  const { invoice } = document;
  const agreement = element(parent, 'ram:ApplicableHeaderTradeAgreement');
  optional(agreement, 'ram:BuyerReference', invoice.buyerReference);
  // BG-6 is what XRechnung requires (BR-DE-2); the EN 16931 profile leaves it out.
  writeParty(agreement, 'ram:SellerTradeParty', sellerParty(document.seller, variant === 'xrechnung-cii'));
  writeParty(agreement, 'ram:BuyerTradeParty', buyerParty(document.buyer));
  if (invoice.purchaseOrder !== undefined) element(element(agreement, 'ram:BuyerOrderReferencedDocument'), 'ram:IssuerAssignedID', invoice.purchaseOrder);
  if (invoice.contract !== undefined) element(element(agreement, 'ram:ContractReferencedDocument'), 'ram:IssuerAssignedID', invoice.contract);
}

/** Always written: the CII schema requires the element even when there is no delivery data. */
function writeDelivery(parent: XMLBuilder, { invoice, buyer }: EinvoiceDocument): void {
  const delivery = element(parent, 'ram:ApplicableHeaderTradeDelivery');
  // BR-IC-12: an intra-community supply names the country delivered to (BT-80). SmallPay keeps no separate
  // delivery address, so the goods go to the buyer's address (XRechnung then wants its city and postcode too).
  const address = buyer.postalAddress;
  if (address !== undefined && invoice.taxes.some((group) => group.category === 'K')) {
    writeAddress(element(delivery, 'ram:ShipToTradeParty'), address);
  }
  if (invoice.serviceDate !== undefined) dateTime(element(delivery, 'ram:ActualDeliverySupplyChainEvent'), 'ram:OccurrenceDateTime', invoice.serviceDate);
}

function writeSettlement(parent: XMLBuilder, { invoice, payment: account }: EinvoiceDocument): void {
  const currency = invoice.currency;
  const settlement = element(parent, 'ram:ApplicableHeaderTradeSettlement');
  // BT-83: the transfer names the invoice, as the UBL formats say it.
  if (account?.iban !== undefined) element(settlement, 'ram:PaymentReference', invoice.number ?? invoice.id);
  element(settlement, 'ram:InvoiceCurrencyCode', currency);
  // BG-16, UNTDID 4461: 58 SEPA credit transfer for an IBAN in EUR, 30 credit transfer otherwise.
  if (account?.iban !== undefined) {
    const means = element(settlement, 'ram:SpecifiedTradeSettlementPaymentMeans');
    element(means, 'ram:TypeCode', currency === 'EUR' ? '58' : '30');
    element(element(means, 'ram:PayeePartyCreditorFinancialAccount'), 'ram:IBANID', account.iban);
    if (account.bic !== undefined) element(element(means, 'ram:PayeeSpecifiedCreditorFinancialInstitution'), 'ram:BICID', account.bic);
  }
  for (const group of invoice.taxes) {
    const category = group.category ?? (Number(group.rate) > 0 ? 'S' : 'Z');
    const tax = element(settlement, 'ram:ApplicableTradeTax');
    element(tax, 'ram:CalculatedAmount', amount(group.tax, currency));
    element(tax, 'ram:TypeCode', 'VAT');
    optional(tax, 'ram:ExemptionReason', group.exemptionReason);
    element(tax, 'ram:BasisAmount', amount(group.base, currency));
    element(tax, 'ram:CategoryCode', category);
    optional(tax, 'ram:ExemptionReasonCode', group.exemptionCode);
    // The breakdown of category O states its rate as 0: EN 16931 allows it, XRechnung requires it (BR-DE-14).
    element(tax, 'ram:RateApplicablePercent', group.rate);
  }
  if (invoice.servicePeriod !== undefined) {
    const period = element(settlement, 'ram:BillingSpecifiedPeriod');
    dateTime(period, 'ram:StartDateTime', invoice.servicePeriod.start);
    dateTime(period, 'ram:EndDateTime', invoice.servicePeriod.end);
  }
  for (const allowance of invoice.allowances ?? []) writeAdjustment(settlement, allowance, false, currency);
  for (const charge of invoice.charges ?? []) writeAdjustment(settlement, charge, true, currency);
  const terms = element(settlement, 'ram:SpecifiedTradePaymentTerms');
  dateTime(terms, 'ram:DueDateDateTime', invoice.dueDate);
  writeSummation(settlement, invoice);
  if (invoice.precedingInvoice !== undefined) {
    const preceding = element(settlement, 'ram:InvoiceReferencedDocument');
    element(preceding, 'ram:IssuerAssignedID', invoice.precedingInvoice.number);
    dateTime(preceding, 'ram:FormattedIssueDateTime', invoice.precedingInvoice.issueDate, 'qdt');
  }
}

/** BT-106 … BT-115, all from the stored totals. */
function writeSummation(parent: XMLBuilder, invoice: Invoice): void {
  const currency = invoice.currency;
  const sum = element(parent, 'ram:SpecifiedTradeSettlementHeaderMonetarySummation');
  element(sum, 'ram:LineTotalAmount', amount(invoice.lineTotal ?? invoice.subtotal, currency));
  element(sum, 'ram:ChargeTotalAmount', amount(invoice.chargeTotal ?? 0, currency));
  element(sum, 'ram:AllowanceTotalAmount', amount(invoice.allowanceTotal ?? 0, currency));
  element(sum, 'ram:TaxBasisTotalAmount', amount(invoice.subtotal, currency));
  element(sum, 'ram:TaxTotalAmount', amount(invoice.tax, currency), { currencyID: currency });
  element(sum, 'ram:GrandTotalAmount', amount(invoice.total, currency));
  element(sum, 'ram:TotalPrepaidAmount', amount(invoice.paid, currency));
  // BR-CO-16: the amount due is by definition the total less what was paid before this document.
  element(sum, 'ram:DuePayableAmount', amount(invoice.total - invoice.paid, currency));
}
