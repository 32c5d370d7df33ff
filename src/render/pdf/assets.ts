/**
 * Files a user configures for PDFs (logo, fonts, labels folder, template module), read and checked here,
 * by `config set` when the setting is made and again when a PDF is made. Every problem is a DomainError
 * naming the setting or flag and the file: exit 2, and no PDF.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { invalid } from '../../domain/errors.js';
import { describeFsError } from '../../store/fs-errors.js';
import type { InvoiceView } from './invoice-view.js';
import { packagePath } from '../../platform/package-root.js';

export const BUILT_IN_TEMPLATES = ['classic', 'modern'] as const;
export const DEFAULT_TEMPLATE = 'classic';

function readBytes(path: string, field: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw invalid(`${field}: cannot read ${path}: ${describeFsError(error)}`);
  }
}

/** A PNG or JPEG file as a data: URL, the only form of image the PDF engine accepts. */
export function readLogo(path: string, field = 'pdf.logo'): string {
  const bytes = readBytes(path, field);
  const png = bytes.length > 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const jpeg = bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (!png && !jpeg) throw invalid(`${field}: ${path} is not a PNG or JPEG image`);
  return `data:image/${png ? 'png' : 'jpeg'};base64,${bytes.toString('base64')}`;
}

/** A TrueType (or OpenType) font file. */
export function readFont(path: string, field: string): Buffer {
  const bytes = readBytes(path, field);
  const tag = bytes.subarray(0, 4).toString('latin1');
  if (!(tag === '\u0000\u0001\u0000\u0000' || tag === 'true' || tag === 'OTTO')) throw invalid(`${field}: ${path} is not a TrueType or OpenType font`);
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
    if (!existsSync(path)) throw invalid(`${field}: template file ${path} does not exist`);
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
