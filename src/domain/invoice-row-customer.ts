/**
 * The customer columns of SmallPay's invoice CSV (invoice-csv.ts): the customer as the document knows them,
 * kept exactly as written, and the input that creates them (customers.ts) when the store does not have them.
 */
import type { CustomerInput } from './customers.js';
import * as fields from './fields.js';
import { type ImportProblem, type ImportRow, readCell } from './import-table.js';
import type { InvoiceColumn } from './invoice-csv.js';
import { countryCode, electronicAddress, streetLines } from './parties.js';
import type { CustomerSnapshot, PostalAddress } from './types.js';
import { vatTreatment } from './vat-treatment.js';

/** The customer as the document knows it (kept as written), and the input that creates them when missing. */
export function readCustomerColumns(row: ImportRow, problems: ImportProblem[]): { snapshot: CustomerSnapshot; input: CustomerInput } {
  const text = (column: InvoiceColumn, parse: (value: string, field: string) => unknown = fields.singleLine, optional = true) => readCell(row, column, (value) => parse(value, column), problems, optional);
  const id = text('customer_id', fields.slug, false) as string;
  const name = text('customer_name', fields.singleLine, false) as string;
  const email = text('customer_email', fields.email, false) as string;
  const address = text('customer_address', fields.multiLine) as string | undefined;
  const street = text('customer_street', (value, field) => streetLines(value.split('\n'), field)) as string[] | undefined;
  const postcode = text('customer_postcode') as string | undefined;
  const city = text('customer_city') as string | undefined;
  const region = text('customer_region') as string | undefined;
  const country = text('customer_country', countryCode) as string | undefined;
  const taxId = text('customer_vat_id') as string | undefined;
  const phone = text('customer_phone') as string | undefined;
  const contact = text('customer_contact') as string | undefined;
  const endpoint = text('customer_endpoint', electronicAddress) as CustomerSnapshot['endpoint'];
  const treatment = text('customer_vat_treatment', vatTreatment) as CustomerSnapshot['vatTreatment'];
  const lang = text('customer_lang', fields.language) as string | undefined;
  const hasPostal = street !== undefined || postcode !== undefined || city !== undefined || region !== undefined || country !== undefined;
  const postalAddress: PostalAddress = {
    lines: street ?? [],
    ...(postcode !== undefined && { postcode }),
    ...(city !== undefined && { city }),
    ...(region !== undefined && { region }),
    ...(country !== undefined && { country }),
  };
  const snapshot: CustomerSnapshot = {
    id,
    name,
    email,
    ...(address !== undefined && { address }),
    ...(phone !== undefined && { phone }),
    ...(taxId !== undefined && { taxId }),
    ...(lang !== undefined && { lang }),
    ...(hasPostal && { postalAddress }),
    ...(contact !== undefined && { contact }),
    ...(endpoint !== undefined && { endpoint }),
    ...(treatment !== undefined && { vatTreatment: treatment }),
  };
  const raw = (column: InvoiceColumn) => (row.cells[column] === '' ? undefined : row.cells[column]);
  const input: CustomerInput = {
    id,
    name,
    email,
    ...(street !== undefined ? { street } : address !== undefined && { address }),
    ...(postcode !== undefined && { postcode }),
    ...(city !== undefined && { city }),
    ...(region !== undefined && { region }),
    ...(country !== undefined && { country }),
    ...(phone !== undefined && { phone }),
    ...(taxId !== undefined && { taxId }),
    ...(lang !== undefined && { lang }),
    ...(contact !== undefined && { contact }),
    ...(raw('customer_endpoint') !== undefined && { endpoint: raw('customer_endpoint') }),
    ...(treatment !== undefined && { vatTreatment: treatment }),
  };
  return { snapshot, input };
}
