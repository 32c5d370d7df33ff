/**
 * Customers: the people and companies invoices go to. A customer is found by id (a slug) or email.
 * Invoices keep a copy of the customer as they were when issued, so editing or removing a customer
 * never rewrites an invoice that was sent.
 */
import { invalid, notFound, refused } from './errors.js';
import * as fields from './fields.js';
import { type AddressChanges, type AddressPart, applyAddressChanges, electronicAddress, linesOfText } from './parties.js';
import { isUnsettled } from './status.js';
import type { Customer, CustomerSnapshot, StoreDocument } from './types.js';
import { vatTreatment } from './vat-treatment.js';

export interface CustomerInput {
  id?: string;
  name?: string;
  email?: string;
  /** The older free-text form: its lines become the street lines ('' clears them on edit). */
  address?: string;
  /** Street lines (--street, repeatable); win over `address`. [] or [''] clears them on edit. */
  street?: string[];
  postcode?: string;
  city?: string;
  region?: string;
  country?: string;
  phone?: string;
  taxId?: string;
  currency?: string;
  terms?: string;
  lang?: string;
  contact?: string;
  /** "<scheme>:<id>", e.g. 0088:4012345000009. */
  endpoint?: string;
  vatTreatment?: string;
}

type OptionalField = 'phone' | 'taxId' | 'currency' | 'terms' | 'lang' | 'contact' | 'endpoint' | 'vatTreatment';

const OPTIONAL_FIELDS: Record<OptionalField, (value: string, field: string) => unknown> = {
  contact: fields.singleLine,
  endpoint: electronicAddress,
  vatTreatment,
  phone: fields.singleLine,
  taxId: fields.singleLine,
  currency: fields.currency,
  terms: fields.termsDays,
  lang: fields.language,
};

/** The customer a reference names (id first, then email), if any. */
export function lookupCustomer(doc: StoreDocument, ref: string): Customer | undefined {
  const wanted = ref.trim();
  return doc.customers.find((c) => c.id === wanted) ?? doc.customers.find((c) => fields.sameEmail(c.email, wanted));
}

const noCustomer = (ref: string) => notFound(`no customer '${ref}'`, 'smallpay customer list shows them');

export function findCustomer(doc: StoreDocument, ref: string): Customer {
  const customer = lookupCustomer(doc, ref);
  if (!customer) throw noCustomer(ref);
  return customer;
}

/** For filters: a live customer by id or email, else the id of a removed customer that invoices still carry. */
export function customerIdForFilter(doc: StoreDocument, ref: string): string {
  const live = lookupCustomer(doc, ref);
  if (live) return live.id;
  if (doc.invoices.some((invoice) => invoice.customer.id === ref.trim())) return ref.trim();
  throw noCustomer(ref);
}

export function searchCustomers(customers: readonly Customer[], text: string | undefined): Customer[] {
  const needle = text?.trim().toLowerCase();
  const found = needle
    ? customers.filter((c) => [c.id, c.name, c.email, c.taxId ?? ''].some((value) => value.toLowerCase().includes(needle)))
    : [...customers];
  return found.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

function assertEmailFree(doc: StoreDocument, email: string, except?: Customer): void {
  const owner = doc.customers.find((c) => c !== except && fields.sameEmail(c.email, email));
  if (owner) throw refused(`email: ${email} already belongs to customer '${owner.id}'`);
}

function assertIdFree(doc: StoreDocument, id: string, except?: Customer): void {
  if (doc.customers.some((c) => c !== except && c.id === id)) throw refused(`id: a customer '${id}' exists already`);
  if (id !== except?.id && idsInUse(doc).has(id)) throw refused(`id: '${id}' belonged to a removed customer whose invoices keep it`, 'choose another id');
}

/** Ids in use, now or by the records of a removed customer: never given to someone else. */
function idsInUse(doc: StoreDocument): Set<string> {
  return new Set([
    ...doc.customers.map((c) => c.id),
    ...doc.invoices.map((invoice) => invoice.customer.id),
    ...doc.audit.flatMap((entry) => [entry.customer?.id, entry.invoice?.customer.id]).filter((id): id is string => id !== undefined),
    ...doc.recurring.map((schedule) => schedule.customer),
  ]);
}

/** The ids a name gives a new customer, in the order they are tried: acme, acme-2, acme-3, … (from 0). */
export function idFromName(name: string, attempt: number): string {
  const base = fields.slugify(name);
  return attempt === 0 ? base : `${base}-${attempt + 1}`;
}

function uniqueId(doc: StoreDocument, name: string): string {
  const taken = idsInUse(doc);
  for (let attempt = 0; ; attempt += 1) if (!taken.has(idFromName(name, attempt))) return idFromName(name, attempt);
}

/** The address parts of the input; the flag names label errors. */
export function addressChangesOf(input: CustomerInput): AddressChanges {
  const changes: AddressChanges = {};
  if (input.street !== undefined) changes.lines = input.street;
  else if (input.address !== undefined) changes.lines = input.address.trim() === '' ? [] : linesOfText(fields.multiLine(input.address, 'address'));
  for (const part of ['postcode', 'city', 'region', 'country'] as const) if (input[part] !== undefined) changes[part] = input[part];
  return changes;
}

const addressField = (part: AddressPart | 'lines') => (part === 'lines' ? 'street' : part);

/** Applies optional fields; on edit an empty string clears a field. */
function applyOptionalFields(customer: Customer, input: CustomerInput, clearOnEmpty: boolean): void {
  const address = addressChangesOf(input);
  if (!clearOnEmpty) {
    // Adding: an empty part is a mistake, not a request to clear.
    for (const part of ['postcode', 'city', 'region', 'country'] as const) if (address[part]?.trim() === '') throw invalid(`${part}: must not be empty`);
  }
  applyAddressChanges(customer, address, addressField);
  for (const [key, parse] of Object.entries(OPTIONAL_FIELDS) as [OptionalField, (v: string, f: string) => unknown][]) {
    const value = input[key];
    if (value === undefined) continue;
    if (clearOnEmpty && value.trim() === '') delete customer[key];
    else (customer as unknown as Record<string, unknown>)[key] = parse(value, key);
  }
}

export function addCustomer(doc: StoreDocument, input: CustomerInput, today: string): Customer {
  if (input.name === undefined) throw invalid('name: is required');
  if (input.email === undefined) throw invalid('email: is required');
  const name = fields.singleLine(input.name, 'name');
  const email = fields.email(input.email, 'email');
  const id = input.id === undefined ? uniqueId(doc, name) : fields.slug(input.id, 'id');
  assertIdFree(doc, id);
  assertEmailFree(doc, email);
  const customer: Customer = { id, name, email, createdAt: today };
  applyOptionalFields(customer, input, false);
  doc.customers.push(customer);
  return customer;
}

/** Changes a customer; a new id is carried over to their invoices so filters keep finding them. */
export function editCustomer(doc: StoreDocument, ref: string, changes: CustomerInput): Customer {
  const customer = findCustomer(doc, ref);
  const next: Customer = { ...customer };
  if (changes.name !== undefined) next.name = fields.singleLine(changes.name, 'name');
  if (changes.email !== undefined) {
    next.email = fields.email(changes.email, 'email');
    assertEmailFree(doc, next.email, customer);
  }
  if (changes.id !== undefined) {
    next.id = fields.slug(changes.id, 'id');
    assertIdFree(doc, next.id, customer);
  }
  applyOptionalFields(next, changes, true);
  for (const invoice of doc.invoices) {
    if (invoice.customer.id !== customer.id) continue;
    invoice.customer.id = next.id;
    if (invoice.status === 'draft') invoice.customer = customerSnapshot(next);
  }
  for (const schedule of doc.recurring) if (schedule.customer === customer.id) schedule.customer = next.id;
  Object.assign(customer, next);
  for (const key of Object.keys(customer) as (keyof Customer)[]) if (!(key in next)) delete customer[key];
  return customer;
}

/**
 * Removes a customer; refused while they have drafts, unpaid invoices or running recurring schedules unless
 * `force`, which also pauses their schedules.
 */
export function removeCustomer(doc: StoreDocument, ref: string, options: { force: boolean; today: string }): Customer {
  const customer = findCustomer(doc, ref);
  const schedules = doc.recurring.filter((schedule) => schedule.customer === customer.id && schedule.status === 'active');
  if (schedules.length > 0 && !options.force) {
    throw refused(
      `customer '${customer.id}' has ${schedules.length} running recurring schedule${schedules.length === 1 ? '' : 's'} (${schedules.map((s) => s.id).join(', ')})`,
      'remove or pause them first, or pass --force to remove the customer and pause them',
    );
  }
  const unsettled = doc.invoices.filter((invoice) => invoice.customer.id === customer.id && isUnsettled(invoice));
  if (unsettled.length > 0 && !options.force) {
    const names = unsettled.slice(0, 3).map((invoice) => invoice.number ?? `draft ${invoice.id}`).join(', ');
    throw refused(
      `customer '${customer.id}' has ${unsettled.length} unpaid or draft invoice${unsettled.length === 1 ? '' : 's'} (${names}${unsettled.length > 3 ? ', …' : ''})`,
      'settle or void them first, or pass --force to remove the customer and keep the invoices',
    );
  }
  doc.customers = doc.customers.filter((c) => c !== customer);
  for (const schedule of schedules) schedule.status = 'paused';
  doc.audit.push({ at: options.today, event: 'customer.removed', customer });
  return customer;
}

export function customerSnapshot(customer: Customer): CustomerSnapshot {
  const { createdAt: _created, currency: _currency, terms: _terms, ...snapshot } = customer;
  return snapshot;
}
