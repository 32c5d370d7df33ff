/**
 * Seller (BG-4) and buyer (BG-7) as CII TradeParty elements. The element order is the D16B schema's:
 * ID, GlobalID, Name, RoleCode, Description, SpecifiedLegalOrganization, DefinedTradeContact,
 * PostalTradeAddress, URIUniversalCommunication, SpecifiedTaxRegistration.
 */
import type { EinvoiceSeller } from '../../domain/einvoice.js';
import type { CustomerSnapshot, ElectronicAddress, PostalAddress } from '../../domain/types.js';
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

export function sellerParty(seller: EinvoiceSeller, withContact: boolean): CiiParty {
  return {
    name: seller.name,
    ...(seller.registration !== undefined && { registration: seller.registration }),
    ...(withContact && { contact: seller.contact }),
    ...(seller.postalAddress !== undefined && { address: seller.postalAddress }),
    ...(seller.endpoint !== undefined && { endpoint: seller.endpoint }),
    ...(seller.taxId !== undefined && { vatId: seller.taxId }),
    ...(seller.taxNumber !== undefined && { taxNumber: seller.taxNumber }),
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
