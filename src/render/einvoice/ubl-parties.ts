/**
 * The seller (BG-4) and buyer (BG-7) as a UBL cac:Party, in the schema's order: EndpointID (BT-34/49),
 * PartyName, PostalAddress (BG-5/8), PartyTaxScheme VAT (BT-31/48) and, for the seller, the national tax
 * number (BT-32, tax scheme "FC" as the XRechnung examples write it: any scheme other than VAT), then
 * PartyLegalEntity (BT-27/44 name, BT-30 registration) and Contact (BG-6/9).
 */
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { ElectronicAddress, PostalAddress } from '../../domain/types.js';

export const CAC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2';
export const CBC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2';

export interface UblParty {
  name: string;
  postalAddress?: PostalAddress;
  taxId?: string;
  taxNumber?: string;
  registration?: string;
  endpoint?: ElectronicAddress;
  contactName?: string;
  phone?: string;
  contactEmail?: string;
}

const text = (parent: XMLBuilder, name: string, value: string, attributes?: Record<string, string>) => parent.ele(CBC, `cbc:${name}`, attributes).txt(value);
const given = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

export function partyXml(parent: XMLBuilder, party: UblParty, role: 'seller' | 'buyer'): void {
  const element = parent.ele(CAC, 'cac:Party');
  if (party.endpoint !== undefined) text(element, 'EndpointID', party.endpoint.id, { schemeID: party.endpoint.scheme });
  text(element.ele(CAC, 'cac:PartyName'), 'Name', party.name);
  const address = party.postalAddress;
  if (address !== undefined) {
    const postal = element.ele(CAC, 'cac:PostalAddress');
    const [street, additional, third] = address.lines;
    if (given(street)) text(postal, 'StreetName', street);
    if (given(additional)) text(postal, 'AdditionalStreetName', additional);
    if (given(address.city)) text(postal, 'CityName', address.city);
    if (given(address.postcode)) text(postal, 'PostalZone', address.postcode);
    if (given(address.region)) text(postal, 'CountrySubentity', address.region);
    if (given(third)) text(postal.ele(CAC, 'cac:AddressLine'), 'Line', third);
    if (given(address.country)) text(postal.ele(CAC, 'cac:Country'), 'IdentificationCode', address.country);
  }
  if (given(party.taxId)) {
    const scheme = element.ele(CAC, 'cac:PartyTaxScheme');
    text(scheme, 'CompanyID', party.taxId);
    text(scheme.ele(CAC, 'cac:TaxScheme'), 'ID', 'VAT');
  }
  if (role === 'seller' && given(party.taxNumber)) {
    const scheme = element.ele(CAC, 'cac:PartyTaxScheme');
    text(scheme, 'CompanyID', party.taxNumber);
    text(scheme.ele(CAC, 'cac:TaxScheme'), 'ID', 'FC');
  }
  const legal = element.ele(CAC, 'cac:PartyLegalEntity');
  text(legal, 'RegistrationName', party.name);
  if (given(party.registration)) text(legal, 'CompanyID', party.registration);
  if (given(party.contactName) || given(party.phone) || given(party.contactEmail)) {
    const contact = element.ele(CAC, 'cac:Contact');
    if (given(party.contactName)) text(contact, 'Name', party.contactName);
    if (given(party.phone)) text(contact, 'Telephone', party.phone);
    if (given(party.contactEmail)) text(contact, 'ElectronicMail', party.contactEmail);
  }
}
