/**
 * Reads a CII document back with an XML parser (xmlbuilder2's) into the figures the tests compare with the
 * invoice's `show --json`: totals BT-106 … BT-115, the VAT breakdown and the line nets.
 */
import { convert } from 'xmlbuilder2';

type Node = Record<string, unknown>;

const list = (value: unknown): Node[] => (value === undefined ? [] : Array.isArray(value) ? (value as Node[]) : [value as Node]);
const text = (value: unknown): string | undefined => (value === undefined ? undefined : typeof value === 'object' ? ((value as Node)['#'] as string) : String(value));

export interface CiiFigures {
  typeCode: string;
  guideline: string;
  totals: Record<'lineTotal' | 'chargeTotal' | 'allowanceTotal' | 'subtotal' | 'tax' | 'total' | 'paid' | 'due', string | undefined>;
  taxCurrency: string | undefined;
  taxes: { category: string; rate: string | null; base: string; tax: string; exemptionReason: string | null; exemptionCode: string | null }[];
  lineNets: string[];
  precedingInvoice: { number: string | undefined; issueDate: string | undefined } | null;
}

export function readCii(xml: string): CiiFigures {
  const root = (convert(xml, { format: 'object' }) as Node)['rsm:CrossIndustryInvoice'] as Node;
  const transaction = root['rsm:SupplyChainTradeTransaction'] as Node;
  const settlement = transaction['ram:ApplicableHeaderTradeSettlement'] as Node;
  const sum = settlement['ram:SpecifiedTradeSettlementHeaderMonetarySummation'] as Node;
  const preceding = settlement['ram:InvoiceReferencedDocument'] as Node | undefined;
  return {
    typeCode: text((root['rsm:ExchangedDocument'] as Node)['ram:TypeCode']) as string,
    guideline: text(((root['rsm:ExchangedDocumentContext'] as Node)['ram:GuidelineSpecifiedDocumentContextParameter'] as Node)['ram:ID']) as string,
    totals: {
      lineTotal: text(sum['ram:LineTotalAmount']),
      chargeTotal: text(sum['ram:ChargeTotalAmount']),
      allowanceTotal: text(sum['ram:AllowanceTotalAmount']),
      subtotal: text(sum['ram:TaxBasisTotalAmount']),
      tax: text(sum['ram:TaxTotalAmount']),
      total: text(sum['ram:GrandTotalAmount']),
      paid: text(sum['ram:TotalPrepaidAmount']),
      due: text(sum['ram:DuePayableAmount']),
    },
    taxCurrency: (sum['ram:TaxTotalAmount'] as Node)['@currencyID'] as string | undefined,
    taxes: list(settlement['ram:ApplicableTradeTax']).map((tax) => ({
      category: text(tax['ram:CategoryCode']) as string,
      rate: text(tax['ram:RateApplicablePercent']) ?? null,
      base: text(tax['ram:BasisAmount']) as string,
      tax: text(tax['ram:CalculatedAmount']) as string,
      exemptionReason: text(tax['ram:ExemptionReason']) ?? null,
      exemptionCode: text(tax['ram:ExemptionReasonCode']) ?? null,
    })),
    lineNets: list(transaction['ram:IncludedSupplyChainTradeLineItem']).map(
      (line) => text(((line['ram:SpecifiedLineTradeSettlement'] as Node)['ram:SpecifiedTradeSettlementLineMonetarySummation'] as Node)['ram:LineTotalAmount']) as string,
    ),
    precedingInvoice: preceding
      ? { number: text(preceding['ram:IssuerAssignedID']), issueDate: text((preceding['ram:FormattedIssueDateTime'] as Node)['qdt:DateTimeString']) }
      : null,
  };
}
