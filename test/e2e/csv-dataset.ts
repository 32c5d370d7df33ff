/**
 * The books the CSV export and import tests share: two currencies, two VAT rates and reverse charge, line and
 * document discounts and charges, partial payments, a partial and a full credit note, a refund, a write-off,
 * a void invoice, a draft (never exported), and texts a spreadsheet would run as formulas or split.
 */
import { type Sandbox, seedBusiness } from '../support/cli.js';

export async function seedCsvBooks(box: Sandbox): Promise<void> {
  await seedBusiness(box);
  await box.ok(['customer', 'add', '--id', 'formula-sa', '--name', '=SUM(A1);+1', '--email', 'ap@formula.test', '--street', 'Rue du Code 1', '--street', '-2e étage', '--postcode', '75001', '--city', 'Paris', '--country', 'FR', '--tax-id', 'FR40303265045', '--vat-treatment', 'reverse-charge']);
  const invoice = (args: string[]) => box.ok(['invoice', 'new', ...args]);
  await invoice(['--customer', 'globex', '--date', '2026-09-01', '--item', 'Design, "phase 1"', '--qty', '10', '--price', '100', '--tax', '19', '--discount', '10%', '--discount-reason', 'Loyalty', '--item', 'Hosting', '--unit', 'month', '--price', '12.50', '--tax', '7', '--charge', '12.50', '--charge-reason', 'Shipping', '--charge-tax', '19', '--po', 'PO-7']);
  await box.ok(['invoice', 'pay', 'INV-2026-0001', '--amount', '500', '--date', '2026-09-15', '--method', 'bank']);
  await box.ok(['invoice', 'pay', 'INV-2026-0001', '--amount', '200.01', '--date', '2026-10-01']);
  await invoice(['--customer', 'acme', '--date', '2026-09-20', '--item', 'Audit\nday 1', '--price', '1000', '--note', '@team: thanks']);
  await box.ok(['invoice', 'pay', 'INV-2026-0002', '--date', '2026-10-10', '--method', 'wire']);
  await invoice(['--customer', 'globex', '--date', '2026-10-05', '--item', 'Support', '--qty', '5', '--unit', 'h', '--price', '80', '--tax', '19', '--period', '2026-09-01..2026-09-30']);
  await box.ok(['invoice', 'pay', 'INV-2026-0003', '--date', '2026-10-20']);
  await box.ok(['invoice', 'credit', 'INV-2026-0003', '--item', 'Two hours not worked', '--qty', '2', '--price', '80', '--tax', '19', '--date', '2026-10-25', '--reason', 'hours billed twice']);
  await box.ok(['invoice', 'refund', 'INV-2026-0003', '--date', '2026-10-28', '--method', 'bank']);
  await invoice(['--customer', 'formula-sa', '--date', '2026-10-15', '--item', 'Consulting', '--price', '2000', '--category', 'AE']);
  await invoice(['--customer', 'globex', '--date', '2026-11-01', '--item', 'Wrong invoice', '--price', '300', '--tax', '19']);
  await box.ok(['invoice', 'void', 'INV-2026-0005', '--reason', 'typo']);
  await invoice(['--customer', 'acme', '--date', '2026-11-02', '--item', 'Licence', '--price', '50']);
  await box.ok(['invoice', 'pay', 'INV-2026-0006', '--amount', '20', '--date', '2026-11-05']);
  await box.ok(['invoice', 'write-off', 'INV-2026-0006', '--date', '2026-11-20', '--reason', 'customer insolvent']);
  await invoice(['--customer', 'globex', '--date', '2026-11-03', '--item', 'Cancelled project', '--price', '400', '--tax', '19', '--item', 'Books', '--price', '30', '--tax', '7']);
  await box.ok(['invoice', 'credit', 'INV-2026-0007', '--all', '--date', '2026-11-04']);
  await invoice(['--customer', 'globex', '--date', '2026-11-10', '--item', 'Still a draft', '--price', '10', '--draft']);
}
