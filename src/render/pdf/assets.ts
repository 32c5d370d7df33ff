/**
 * Files a user configures for PDFs (logo, fonts, labels folder, template module), read and checked here,
 * by `config set` when the setting is made and again when a PDF is made. Every problem is a DomainError
 * naming the setting or flag and the file: exit 2, and no PDF.
 *
 * Every file is read through readRegularFile: a regular file no larger than its limit (documented in
 * docs/templates.md), so a logo at /dev/zero or a FIFO is refused at once instead of filling memory or hanging.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { invalid } from '../../domain/errors.js';
import { FileRefusedError, MiB, readRegularFile } from '../../platform/bounded-read.js';
import { describeFsError } from '../../platform/fs-errors.js';
import { ImageRefusedError, checkImage, isJpeg, isPng } from './image-check.js';
import type { InvoiceView } from './invoice-view.js';
import { loadLabelCatalog } from './labels.js';
import { fontProblem } from './pdf-engine.js';
import { packagePath } from '../../platform/package-root.js';

export const LOGO_MAX_BYTES = 5 * MiB;
export const FONT_MAX_BYTES = 50 * MiB;

export const BUILT_IN_TEMPLATES = ['classic', 'modern'] as const;
export { DEFAULT_TEMPLATE } from '../../domain/presentation.js';

/** The bytes of a file a setting names; "pdf.logo: logo /dev/zero is a character device, not a regular file". */
export function readAsset(path: string, field: string, maxBytes: number, what: string): Buffer {
  try {
    return readRegularFile(path, maxBytes, what);
  } catch (error) {
    if (error instanceof FileRefusedError) throw invalid(`${field}: ${error.message}`);
    throw invalid(`${field}: cannot read ${path}: ${describeFsError(error)}`);
  }
}

/** A PNG or JPEG file, decoded far enough to know it can be drawn, as a data: URL (the only image form the engine takes). */
export function readLogo(path: string, field = 'pdf.logo'): string {
  return readLogoFile(path, field).dataUrl;
}

/** The logo as readLogo gives it, and the SHA-256 of its bytes, which an issued invoice froze. */
export function readLogoFile(path: string, field = 'pdf.logo'): { dataUrl: string; sha256: string } {
  const bytes = readAsset(path, field, LOGO_MAX_BYTES, 'logo');
  return { dataUrl: logoDataUrl(bytes, path, field), sha256: createHash('sha256').update(bytes).digest('hex') };
}

function logoDataUrl(bytes: Buffer, path: string, field: string): string {
  if (!isPng(bytes) && !isJpeg(bytes)) throw invalid(`${field}: ${path} is not a PNG or JPEG image`);
  let type: string;
  try {
    type = checkImage(bytes).type;
  } catch (error) {
    if (error instanceof ImageRefusedError) throw invalid(`${field}: ${path} is a broken ${isPng(bytes) ? 'PNG' : 'JPEG'} image: ${error.message}`);
    throw error;
  }
  return `data:image/${type};base64,${bytes.toString('base64')}`;
}

/** The SHA-256 (hex) of the logo file's bytes: what an issued invoice freezes and its PDF checks. */
export function logoDigest(path: string, field = 'pdf.logo'): string {
  return createHash('sha256').update(readAsset(path, field, LOGO_MAX_BYTES, 'logo')).digest('hex');
}

/** A TrueType (or OpenType) font file. */
export function readFont(path: string, field: string): Buffer {
  const bytes = readAsset(path, field, FONT_MAX_BYTES, 'font');
  const tag = bytes.subarray(0, 4).toString('latin1');
  if (!(tag === '\u0000\u0001\u0000\u0000' || tag === 'true' || tag === 'OTTO')) throw invalid(`${field}: ${path} is not a TrueType or OpenType font`);
  const problem = fontProblem(bytes);
  if (problem) throw invalid(`${field}: ${path} is a broken font: ${problem}`);
  return bytes;
}

export function checkLabelsFolder(path: string, field = 'pdf.labels'): void {
  let isFolder = false;
  try {
    isFolder = statSync(path).isDirectory();
  } catch (error) {
    throw invalid(`${field}: cannot read ${path}: ${describeFsError(error)}`);
  }
  if (!isFolder) throw invalid(`${field}: ${path} is not a folder`);
  // Its files are read now too, so a broken or oversized one is found when the setting is made.
  loadLabelCatalog(path);
}

export type Template = (view: InvoiceView) => Record<string, unknown>;

function isPath(reference: string): boolean {
  return reference.includes('/') || /\.(?:m?js|cjs)$/.test(reference);
}

/** A built-in template by name, or a template module by path (absolute, or relative to the current folder). */
export async function loadTemplate(reference: string, field = 'pdf.template'): Promise<{ name: string; render: Template }> {
  let path: string;
  if (isPath(reference)) {
    path = reference;
    let isFile: boolean;
    try {
      isFile = statSync(path).isFile();
    } catch {
      throw invalid(`${field}: template file ${path} does not exist`);
    }
    // import() of a FIFO would wait forever for a writer.
    if (!isFile) throw invalid(`${field}: template ${path} is not a regular file`);
  } else {
    if (!(BUILT_IN_TEMPLATES as readonly string[]).includes(reference)) {
      throw invalid(`${field}: no template '${reference}' (built in: ${BUILT_IN_TEMPLATES.join(', ')}; or give the path of a template module)`);
    }
    path = packagePath('templates', `${reference}.mjs`);
  }
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(path).href)) as { default?: unknown };
  } catch (error) {
    throw invalid(`${field}: cannot load template ${path}: ${(error as Error).message}`);
  }
  if (typeof module.default !== 'function') throw invalid(`${field}: template ${path} must export a default function (view) => document definition`);
  return { name: reference, render: module.default as Template };
}
