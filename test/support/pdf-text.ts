/** Reads a PDF back with a real parser (pdfjs-dist): its pages' text and its metadata. */
export interface ReadPdf {
  pages: string[];
  text: string;
  info: Record<string, unknown>;
}

/** Text with every kind of space made a plain space: Intl puts non-breaking ones inside amounts. */
export function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(plainSpaces(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('')));
  }
  const { info } = await document.getMetadata();
  await document.destroy();
  return { pages, text: pages.join('\n'), info: info as Record<string, unknown> };
}
