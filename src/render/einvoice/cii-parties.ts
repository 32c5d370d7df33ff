/**
 * Seller (BG-4) and buyer (BG-7) as CII TradeParty elements. The element order is the D16B schema's:
 * ID, GlobalID, Name, RoleCode, Description, SpecifiedLegalOrganization, DefinedTradeContact,
 * PostalTradeAddress, URIUniversalCommunication, SpecifiedTaxRegistration.
 */
import type { Business, CustomerSnapshot, ElectronicAddress, IssuerSnapshot, PostalAddress } from '../../domain/types.js';
import { type XMLBuilder, element, optional } from './cii-xml.js';

export interface CiiParty {
  name: string;
  /** BT-30 / BT-47. */
  registration?: string;
  /** BG-6 (seller contact), written when given. */
  contact?: { name?: string; phone?: string; email?: string };
  address?: PostalAddress;
  endpoint?: ElectronicAddress;
  /** BT-31 / BT-48 (schemeID VA). */
  vatId?: string;
  /** BT-32 (schemeID FC). */
  taxNumber?: string;
}

/**
 * The seller as the invoice froze it, with the business's current details filling only what the snapshot
 * lacks (invoices issued before the structured fields existed).
 */
export function sellerParty(issuer: IssuerSnapshot | null, business: Business): CiiParty {
  const from = { ...withoutUndefined(business), ...withoutUndefined(issuer ?? {}) } as IssuerSnapshot;
  return {
    name: from.name,
    ...(from.registration !== undefined && { registration: from.registration }),
    ...(from.postalAddress !== undefined && { address: from.postalAddress }),
    ...(from.endpoint !== undefined && { endpoint: from.endpoint }),
    ...(from.taxId !== undefined && { vatId: from.taxId }),
    ...(from.taxNumber !== undefined && { taxNumber: from.taxNumber }),
  };
}

export function buyerParty(customer: CustomerSnapshot): CiiParty {
  return {
    name: customer.name,
    ...(customer.postalAddress !== undefined && { address: customer.postalAddress }),
    ...(customer.endpoint !== undefined && { endpoint: customer.endpoint }),
    ...(customer.taxId !== undefined && { vatId: customer.taxId }),
  };
}

/** XRechnung's seller contact (BR-DE-2/5/6/7): settings contact.*, name and email defaulting to the business's. */
export function sellerContact(issuer: IssuerSnapshot | null, business: Business): CiiParty['contact'] {
  const contact = issuer?.contact ?? business.contact ?? {};
  const name = contact.name ?? issuer?.name ?? business.name;
  const email = contact.email ?? issuer?.email ?? business.email;
  return { name, email, ...(contact.phone !== undefined && { phone: contact.phone }) };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function writeParty(parent: XMLBuilder, name: 'ram:SellerTradeParty' | 'ram:BuyerTradeParty', party: CiiParty): void {
  const node = element(parent, name);
  element(node, 'ram:Name', party.name);
  if (party.registration !== undefined) element(element(node, 'ram:SpecifiedLegalOrganization'), 'ram:ID', party.registration);
  if (party.contact) {
    const contact = element(node, 'ram:DefinedTradeContact');
    optional(contact, 'ram:PersonName', party.contact.name);
    if (party.contact.phone !== undefined) element(element(contact, 'ram:TelephoneUniversalCommunication'), 'ram:CompleteNumber', party.contact.phone);
    if (party.contact.email !== undefined) element(element(contact, 'ram:EmailURIUniversalCommunication'), 'ram:URIID', party.contact.email);
  }
  if (party.address) writeAddress(node, party.address);
  if (party.endpoint) element(element(node, 'ram:URIUniversalCommunication'), 'ram:URIID', party.endpoint.id, { schemeID: party.endpoint.scheme });
  if (party.vatId !== undefined) element(element(node, 'ram:SpecifiedTaxRegistration'), 'ram:ID', party.vatId, { schemeID: 'VA' });
  if (party.taxNumber !== undefined) element(element(node, 'ram:SpecifiedTaxRegistration'), 'ram:ID', party.taxNumber, { schemeID: 'FC' });
}

export function writeAddress(parent: XMLBuilder, address: PostalAddress): void {
  const node = element(parent, 'ram:PostalTradeAddress');
  optional(node, 'ram:PostcodeCode', address.postcode);
  optional(node, 'ram:LineOne', address.lines[0]);
  optional(node, 'ram:LineTwo', address.lines[1]);
  optional(node, 'ram:LineThree', address.lines[2]);
  optional(node, 'ram:CityName', address.city);
  optional(node, 'ram:CountryID', address.country);
  optional(node, 'ram:CountrySubDivisionName', address.region);
}
