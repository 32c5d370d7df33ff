/**
 * Factur-X 1.0 / ZUGFeRD 2.x, profile EN 16931: the invoice's own PDF made a PDF/A-3b carrying the `cii`
 * export as `factur-x.xml` (relationship Alternative), declared in the XMP by the fx: schema below, which
 * PDF/A requires to be described by a PDF/A extension schema in the same packet.
 *
 * The embedded bytes are exactly what `invoice export --format cii` writes: the EN 16931 guideline ID is the
 * one the Factur-X EN 16931 profile uses.
 */
import type { EinvoiceDocument } from '../../domain/einvoice.js';
import type { HybridAttachment } from '../pdf/pdf-engine.js';
import { writeCii } from './cii.js';

export const FACTURX_FILE_NAME = 'factur-x.xml';
const FX_NAMESPACE = 'urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#';

const property = (name: string, description: string) => `          <rdf:li rdf:parseType="Resource">
            <pdfaProperty:name>${name}</pdfaProperty:name>
            <pdfaProperty:valueType>Text</pdfaProperty:valueType>
            <pdfaProperty:category>external</pdfaProperty:category>
            <pdfaProperty:description>${description}</pdfaProperty:description>
          </rdf:li>`;

export const FACTURX_XMP = `<rdf:Description rdf:about="" xmlns:fx="${FX_NAMESPACE}">
  <fx:DocumentType>INVOICE</fx:DocumentType>
  <fx:DocumentFileName>${FACTURX_FILE_NAME}</fx:DocumentFileName>
  <fx:Version>1.0</fx:Version>
  <fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
  <pdfaExtension:schemas>
    <rdf:Bag>
      <rdf:li rdf:parseType="Resource">
        <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
        <pdfaSchema:namespaceURI>${FX_NAMESPACE}</pdfaSchema:namespaceURI>
        <pdfaSchema:prefix>fx</pdfaSchema:prefix>
        <pdfaSchema:property>
          <rdf:Seq>
${property('DocumentFileName', 'The name of the embedded XML document')}
${property('DocumentType', 'The type of the hybrid document in capital letters, e.g. INVOICE or ORDER')}
${property('Version', 'The actual version of the standard applying to the embedded XML document')}
${property('ConformanceLevel', 'The conformance level of the embedded XML document')}
          </rdf:Seq>
        </pdfaSchema:property>
      </rdf:li>
    </rdf:Bag>
  </pdfaExtension:schemas>
</rdf:Description>`;

/** What the PDF engine needs to make an issued invoice's PDF a Factur-X PDF. */
export function facturxAttachment(document: EinvoiceDocument): HybridAttachment {
  return {
    fileName: FACTURX_FILE_NAME,
    xml: Buffer.from(writeCii(document, 'cii'), 'utf8'),
    description: 'Factur-X/ZUGFeRD invoice (EN 16931)',
    xmp: FACTURX_XMP,
  };
}
