/**
 * pdfmake, set up once per process (the only file that imports it):
 * - no network, no files: both of pdfmake's access policies refuse everything, so neither a template nor a
 *   value on an invoice can make SmallPay fetch a URL or read a file. Fonts come from memory (pdfmake's
 *   virtual file system) and images as data: URLs, both loaded by SmallPay from paths the user configured.
 * - fonts parsed once: pdfkit parses the font file again for every document (fontkit.create), which is most
 *   of the time of a one-page invoice. The fontkit module pdfkit loads is swapped, before pdfkit loads it,
 *   for one that keeps the parsed font of each buffer; a parsed font is read-only to pdfkit, which subsets it
 *   per document. This doubles the throughput of a batch.
 * - reproducible: a fixed creation date, so pdfkit's document id (a hash of the metadata) is fixed too.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

export interface PdfFonts {
  normal: Uint8Array;
  bold: Uint8Array;
}

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  /** YYYY-MM-DD: the creation date written into the file. */
  created: string;
  /** Makes the PDF a PDF/A-3b with this XML embedded and described in the XMP (see facturx-xmp.ts). */
  hybrid?: HybridAttachment;
}

/** An XML file a PDF/A-3 carries as its machine-readable twin, and the XMP that declares it. */
export interface HybridAttachment {
  fileName: string;
  xml: Uint8Array;
  description: string;
  /** rdf:Description blocks added to the XMP packet (Factur-X's fx: schema and its PDF/A extension schema). */
  xmp: string;
}

export interface RenderedPdf {
  bytes: Buffer;
  pages: number;
}

export type DocumentDefinition = Record<string, unknown>;

export interface PdfEngine {
  render(definition: DocumentDefinition, metadata: PdfMetadata): Promise<RenderedPdf>;
  /** Whether both fonts (normal and bold) can draw a character: their cmaps map it to a glyph. */
  hasGlyph(codePoint: number): boolean;
}

interface ParsedFont {
  hasGlyphForCodePoint?(codePoint: number): boolean;
  directory?: { tables: Record<string, { offset: number; length: number }> };
  glyphsForString?(text: string): { advanceWidth: number; path: unknown }[];
}

interface PdfKitDocument extends NodeJS.ReadableStream {
  end(): void;
  file(src: Buffer, options: Record<string, unknown>): unknown;
  appendXML(xml: string): void;
  info: Record<string, unknown>;
  _addInfo(): void;
  _root: { data: { Pages: { data: { Kids: unknown[] } } } };
}

interface PdfMake {
  virtualfs: { writeFileSync(name: string, data: Uint8Array): void };
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  setFonts(fonts: Record<string, Record<string, string>>): void;
  createPdf(definition: DocumentDefinition): { getStream(): Promise<PdfKitDocument> };
}

export const FONT_FAMILY = 'SmallPay';

let pdfmake: PdfMake | undefined;
/** fontkit's create, with the parsed-font cache: the same parse serves the glyph checks and pdfkit. */
let parseFont: ((data: Uint8Array) => ParsedFont) | undefined;

function cacheParsedFonts(require: NodeJS.Require, pdfkitDirectory: string): void {
  const fontkitPath = require.resolve('fontkit', { paths: [pdfkitDirectory] });
  const fontkit = require(fontkitPath) as Record<string, unknown> & { create: (data: Uint8Array, family?: string) => unknown };
  const parsed = new WeakMap<Uint8Array, Map<string, unknown>>();
  const cached: Record<string, unknown> = { ...fontkit };
  cached.create = (data: Uint8Array, family?: string) => {
    let byFamily = parsed.get(data);
    if (!byFamily) parsed.set(data, (byFamily = new Map()));
    const key = family ?? '';
    if (!byFamily.has(key)) byFamily.set(key, fontkit.create(data, family));
    return byFamily.get(key);
  };
  const entry = require.cache[fontkitPath];
  if (entry) entry.exports = cached;
  parseFont = (data) => (cached.create as typeof fontkit.create)(data) as ParsedFont;
}

function loadPdfMake(): PdfMake {
  if (pdfmake) return pdfmake;
  const require = createRequire(import.meta.url);
  const pdfmakeDirectory = dirname(require.resolve('pdfmake/package.json'));
  const pdfkitDirectory = dirname(require.resolve('pdfkit/package.json', { paths: [pdfmakeDirectory] }));
  cacheParsedFonts(require, pdfkitDirectory);
  pdfmake = require('pdfmake') as PdfMake;
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  return pdfmake;
}

/**
 * Why a TrueType/OpenType file cannot serve as the PDF font, or undefined. Magic bytes are not enough: a file
 * cut short passed them and then failed every PDF with "Offset is outside the bounds of the DataView". Every
 * table must lie inside the file, the tables a PDF needs must be there, and a sample text must shape.
 */
export function fontProblem(bytes: Uint8Array): string | undefined {
  loadPdfMake(); // the parse is cached: the PDF engine reuses it
  let font: ParsedFont | undefined;
  try {
    font = parseFont?.(bytes);
  } catch (error) {
    return `it cannot be read as a font (${(error as Error).message})`;
  }
  const tables = font?.directory?.tables;
  if (!font || !tables) return 'it is not a single font (a collection such as .ttc needs the one font extracted)';
  for (const [tag, { offset, length }] of Object.entries(tables)) {
    if (offset + length > bytes.length) return `its ${tag.trim()} table runs past the end of the file (the file is cut short)`;
  }
  for (const tag of ['cmap', 'head', 'hhea', 'hmtx', 'maxp']) if (!(tag in tables)) return `it has no ${tag} table`;
  if (!('glyf' in tables || 'CFF ' in tables || 'CFF2' in tables)) return 'it has no glyph outlines (glyf or CFF table)';
  try {
    for (const glyph of font.glyphsForString?.('Invoice 0123456789 €.,') ?? []) void [glyph.advanceWidth, glyph.path];
  } catch (error) {
    return `its glyphs cannot be read (${(error as Error).message})`;
  }
  return undefined;
}

/** The font files that ship with pdfmake: Roboto, with Latin, Greek and Cyrillic. */
export function builtInFontPaths(): { normal: string; bold: string } {
  const require = createRequire(import.meta.url);
  const fonts = `${dirname(require.resolve('pdfmake/package.json'))}/fonts/Roboto`;
  return { normal: `${fonts}/Roboto-Regular.ttf`, bold: `${fonts}/Roboto-Medium.ttf` };
}

/**
 * SVG images are drawn by svg-to-pdfkit, which opens an <image href> itself, past pdfmake's access policy.
 * Every svg node gets callbacks that refuse anything but data: URLs; header, footer and background
 * functions are wrapped so the content they return is guarded too.
 */
function guardResources(node: unknown): unknown {
  if (typeof node === 'function') return (...args: unknown[]) => guardResources((node as (...a: unknown[]) => unknown)(...args));
  if (Array.isArray(node)) return node.map(guardResources);
  if (typeof node !== 'object' || node === null || node instanceof Uint8Array) return node;
  const guarded: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) guarded[key] = guardResources(value);
  if ('svg' in guarded) {
    guarded.options = {
      ...(guarded.options as object | undefined),
      imageCallback: (link: string) => {
        if (!link.trim().startsWith('data:')) throw new Error(`Access to local file denied by resource access policy: ${link} (in an SVG image)`);
        return link;
      },
      documentCallback: (file: string) => {
        throw new Error(`Access to local file denied by resource access policy: ${file} (in an SVG reference)`);
      },
    };
  }
  return guarded;
}

let fontGeneration = 0;

export function createPdfEngine(fonts: PdfFonts): PdfEngine {
  const maker = loadPdfMake();
  // Distinct names per set of fonts, so two engines in one process never mix their files.
  fontGeneration += 1;
  const normal = `smallpay-${fontGeneration}-normal.ttf`;
  const bold = `smallpay-${fontGeneration}-bold.ttf`;
  maker.virtualfs.writeFileSync(normal, fonts.normal);
  maker.virtualfs.writeFileSync(bold, fonts.bold);
  const family = { normal, bold, italics: normal, bolditalics: bold };
  const parsed = [fonts.normal, fonts.bold].map((data) => parseFont?.(data));
  const coverage = new Map<number, boolean>();
  return {
    hasGlyph(codePoint) {
      let known = coverage.get(codePoint);
      if (known === undefined) {
        known = parsed.every((font) => font?.hasGlyphForCodePoint?.(codePoint) ?? true);
        coverage.set(codePoint, known);
      }
      return known;
    },
    async render(definition, metadata) {
      // fontkit keeps each glyph object with the characters of its first use, and pdfkit writes those into
      // the PDF's ToUnicode map: shared across documents, the glyph of "E" came back as "." in the text of a
      // later PDF of a batch. Glyph objects are cheap to make again; the parsed tables stay shared.
      for (const font of parsed) if (font && '_glyphs' in font) (font as { _glyphs: object })._glyphs = {};
      maker.setFonts({ [FONT_FAMILY]: family });
      const document = {
        ...(guardResources(definition) as DocumentDefinition),
        defaultStyle: { ...(definition.defaultStyle as object | undefined), font: FONT_FAMILY },
        info: {
          title: metadata.title,
          author: metadata.author,
          subject: metadata.subject,
          creator: 'SmallPay',
          producer: 'SmallPay',
          creationDate: new Date(`${metadata.created}T00:00:00Z`),
        },
        compress: true,
        // PDF/A-3 (ISO 19005-3) is built on PDF 1.7; pdfkit then writes the XMP packet, the sRGB output intent
        // and the pdfaid entries. Fonts are embedded always (never one of the standard 14).
        ...(metadata.hybrid && { version: '1.7', subset: 'PDF/A-3b' }),
      };
      const pdf = await maker.createPdf(document).getStream();
      if (metadata.hybrid) attachHybrid(pdf, metadata.hybrid, document.info.creationDate);
      const bytes = await new Promise<Buffer>((resolve, reject) => {
        const chunks: Buffer[] = [];
        pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
        pdf.on('end', () => resolve(Buffer.concat(chunks)));
        pdf.on('error', reject);
        pdf.end();
      });
      return { bytes, pages: pdf._root.data.Pages.data.Kids.length };
    },
  };
}

const xmlText = (value: unknown) => String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Embeds the XML with relationship Alternative (the PDF and the XML say the same thing), listed in the
 * catalogue's /AF as PDF/A-3 requires, dated with the document's fixed date so the bytes stay reproducible.
 * pdfkit writes Title, Author and Subject into the XMP unescaped; a seller called "Smith & Co" would make the
 * packet unreadable XML, so the info block is written here with the text escaped.
 */
function attachHybrid(pdf: PdfKitDocument, hybrid: HybridAttachment, date: Date): void {
  pdf.file(Buffer.from(hybrid.xml), {
    name: hybrid.fileName,
    type: 'text/xml',
    relationship: 'Alternative',
    description: hybrid.description,
    creationDate: date,
    modifiedDate: date,
  });
  pdf.info.ModDate = date;
  pdf._addInfo = function addEscapedInfo(this: PdfKitDocument) {
    const info = this.info;
    const created = (info.CreationDate as Date).toISOString().split('.')[0] + 'Z';
    this.appendXML(`<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
  <xmp:CreateDate>${created}</xmp:CreateDate>
  <xmp:ModifyDate>${created}</xmp:ModifyDate>
  <xmp:CreatorTool>${xmlText(info.Creator)}</xmp:CreatorTool>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xmlText(info.Title)}</rdf:li></rdf:Alt></dc:title>
  <dc:creator><rdf:Seq><rdf:li>${xmlText(info.Author)}</rdf:li></rdf:Seq></dc:creator>
  <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xmlText(info.Subject)}</rdf:li></rdf:Alt></dc:description>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
  <pdf:Producer>${xmlText(info.Producer)}</pdf:Producer>
</rdf:Description>`);
  };
  pdf.appendXML(hybrid.xmp);
}
