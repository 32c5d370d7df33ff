/** The VAT report's and EC sales list's tables: foreign currencies apart under their note, a missing VAT id, control characters. */
import { describe, expect, it } from 'vitest';
import type { EcSalesList } from '../../src/domain/reports/ec-sales.js';
import { ecSalesList } from '../../src/domain/reports/ec-sales.js';
import { renderEcSales, renderVat } from '../../src/render/report-views.js';
import { vatReport } from '../../src/domain/reports/vat.js';
import { taxDataset } from '../domain/reports/tax-dataset.js';

const style = { stdoutIsTTY: false, color: false, columns: 120, chart: false };

describe('renderEcSales', () => {
  it('lists a foreign currency apart and marks a missing VAT id', () => {
    const list: EcSalesList = {
      asOf: '2027-01-10',
      from: '2026-10-01',
      to: '2026-12-31',
      currency: 'EUR',
      rows: [
        { buyerVatId: null, buyerName: 'Nobody \u001b[2J', currency: 'EUR', services: 12345, goods: 0, foreign: false },
        { buyerVatId: 'NL123456789B01', buyerName: 'Dutch BV', currency: 'USD', services: 0, goods: 99900, foreign: true },
      ],
    };
    const text = renderEcSales(list, style);
    expect(text).toMatch(/^\(none\)\s+Nobody .*\s+123\.45 EUR\s+-$/m);
    expect(text).not.toContain('\u001b');
    expect(text).toMatch(/In USD, not EUR: listed apart and not converted/);
    expect(text).toMatch(/^Buyer VAT id \(USD\)/m);
    expect(text).toMatch(/^NL123456789B01\s+Dutch BV\s+-\s+999\.00 USD$/m);
  });

  it('groups documents without a VAT id under null (a hand-edited store)', () => {
    const { doc, byName } = taxDataset();
    delete byName.I6!.customer.taxId;
    delete byName.CN2!.customer.taxId;
    const rows = ecSalesList(doc, { from: '2026-10-01', to: '2026-12-31', asOf: '2027-01-10' }).rows;
    expect(rows.map((r) => [r.buyerVatId, r.services, r.goods])).toEqual([
      [null, 40000, 0],
      ['ATU12345678', 0, 150000],
    ]);
  });
});

describe('renderVat', () => {
  it('prints the payment basis note and per-currency totals', () => {
    const { doc } = taxDataset();
    const text = renderVat(vatReport(doc, { from: '2026-10-01', to: '2026-12-31', basis: 'payment', asOf: '2027-01-10' }), style);
    expect(text).toContain('VAT 2026-10-01 – 2026-12-31, payment basis');
    expect(text).toMatch(/^S standard rate\s+19%\s+1,314\.50 EUR\s+249\.75 EUR$/m);
    // 1,314.50 + 61.45 + 2,000.00 + 1,500.00 = 4,875.95; VAT 249.75 + 4.30 = 254.05.
    expect(text).toMatch(/^Total\s+4,875\.95 EUR\s+254\.05 EUR$/m);
    expect(text).toMatch(/^Total\s+336\.13 USD\s+63\.87 USD$/m);
    expect(text).toContain('Payment basis: payments and refunds made in the period');
  });
});
