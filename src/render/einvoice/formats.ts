/**
 * The e-invoice formats `invoice export` (and `send --attach`) know: one entry each, naming its syntax, the
 * rule set its data must satisfy before anything is written (domain/einvoice-checks.ts), the file extension,
 * and how to load its writer. Writers are loaded only when a format is used: the XML builder stays out of
 * every other command's start-up. Adding a format is one entry here and one writer module.
 */
import type { EinvoiceDocument, EinvoiceProfile } from '../../domain/einvoice.js';

export type EinvoiceFormatName = 'ubl' | 'peppol' | 'xrechnung' | 'cii' | 'xrechnung-cii' | 'facturx';

/** Pure: the document in, the file's bytes (XML text or a PDF) out. */
export type EinvoiceWriter = (document: EinvoiceDocument) => string | Uint8Array | Promise<string | Uint8Array>;

export interface EinvoiceFormat {
  name: EinvoiceFormatName;
  syntax: 'ubl' | 'cii';
  /** Which rules the pre-write checks apply (EN 16931 core, plus Peppol BIS 3 or XRechnung 3). */
  profile: EinvoiceProfile;
  extension: '.xml' | '.pdf';
  /** One line for --help and the docs. */
  summary: string;
  loadWriter(): Promise<EinvoiceWriter>;
}

export const EINVOICE_FORMATS: readonly EinvoiceFormat[] = [
  {
    name: 'ubl',
    syntax: 'ubl',
    profile: 'en16931',
    extension: '.xml',
    summary: 'UBL 2.1 Invoice/CreditNote, EN 16931 core',
    loadWriter: async () => (await import('./ubl.js')).ublWriter('en16931'),
  },
  {
    name: 'peppol',
    syntax: 'ubl',
    profile: 'peppol',
    extension: '.xml',
    summary: 'Peppol BIS Billing 3.0 (UBL)',
    loadWriter: async () => (await import('./ubl.js')).ublWriter('peppol'),
  },
  {
    name: 'xrechnung',
    syntax: 'ubl',
    profile: 'xrechnung',
    extension: '.xml',
    summary: 'XRechnung 3.0 (UBL)',
    loadWriter: async () => (await import('./ubl.js')).ublWriter('xrechnung'),
  },
  {
    name: 'cii',
    syntax: 'cii',
    profile: 'en16931',
    extension: '.xml',
    summary: 'UN/CEFACT CII D16B, EN 16931',
    loadWriter: async () => {
      const { writeCii } = await import('./cii.js');
      return (document) => writeCii(document, 'cii');
    },
  },
  {
    name: 'xrechnung-cii',
    syntax: 'cii',
    profile: 'xrechnung',
    extension: '.xml',
    summary: 'XRechnung 3.0 (CII)',
    loadWriter: async () => {
      const { writeCii } = await import('./cii.js');
      return (document) => writeCii(document, 'xrechnung-cii');
    },
  },
  {
    name: 'facturx',
    syntax: 'cii',
    profile: 'en16931',
    extension: '.pdf',
    summary: 'Factur-X / ZUGFeRD PDF/A-3, EN 16931',
    loadWriter: async () => (await import('./facturx-writer.js')).facturxWriter(),
  },
];

export const EINVOICE_FORMAT_NAMES: readonly EinvoiceFormatName[] = EINVOICE_FORMATS.map((format) => format.name);

export function einvoiceFormat(name: string): EinvoiceFormat | undefined {
  return EINVOICE_FORMATS.find((format) => format.name === name);
}
