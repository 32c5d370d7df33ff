/**
 * Translated labels of invoice documents. Built in: templates/labels/<lang>.json (en, de, fr, es). A labels
 * folder (setting pdf.labels) adds languages or overrides words; a file may be partial, English fills the gaps.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { invalid } from '../../domain/errors.js';
import { FileRefusedError, MiB, readRegularFile } from '../../platform/bounded-read.js';
import { packagePath } from '../../platform/package-root.js';

/** A labels file holds a few dozen short texts: anything near this size is not one. */
export const LABELS_FILE_MAX_BYTES = 1 * MiB;

export const LABEL_KEYS = [
  'invoice', 'draft', 'void', 'invoiceNumber', 'draftNumber', 'issueDate', 'dueDate', 'paymentTerms', 'termsDays',
  'dueOnReceipt', 'from', 'billTo', 'taxId', 'email', 'item', 'description', 'quantity', 'unitPrice', 'taxRate', 'net',
  'subtotal', 'taxOn', 'tax', 'total', 'paid', 'balanceDue', 'note', 'paymentDetails', 'bank', 'iban', 'bic',
  'reference', 'scanToPay', 'page', 'carriedForward', 'broughtForward',
  // Issue 10: credit notes, service dates, references, parties, allowances and charges, VAT categories.
  'creditNote', 'creditNoteNumber', 'correctsInvoice', 'serviceDate', 'servicePeriod', 'purchaseOrder', 'buyerReference',
  'contract', 'taxNumber', 'registration', 'contact', 'lineTotal', 'totalWithoutVat', 'taxCategoryOn', 'discount', 'surcharge',
  'categoryS', 'categoryZ', 'categoryE', 'categoryAE', 'categoryK', 'categoryG', 'categoryO',
] as const;

export type LabelKey = (typeof LABEL_KEYS)[number];
/**
 * The texts of a language, and `units`: UN/ECE Rec. 20/21 unit codes → the word printed after a quantity
 * ("HUR" → "Std." in German; "C62", one, → ""). A code no table names is printed as it is.
 */
export type Labels = Record<LabelKey, string> & { units: Record<string, string> };

/** The table of unit names, the one label that is not a text. */
const UNITS_KEY = 'units';

function readUnits(path: string, value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(`labels file ${path}: 'units' must be an object of unit codes and names`);
  const units: Record<string, string> = {};
  for (const [code, name] of Object.entries(value)) {
    if (typeof name !== 'string') throw invalid(`labels file ${path}: the name of unit '${code}' must be a string`);
    units[code] = name;
  }
  return units;
}

function readLabelsFile(path: string): Partial<Labels> {
  let json: unknown;
  try {
    json = JSON.parse(readRegularFile(path, LABELS_FILE_MAX_BYTES, 'labels file').toString('utf8'));
  } catch (error) {
    if (error instanceof FileRefusedError) throw invalid(`pdf.labels: ${error.message}`);
    throw invalid(`labels file ${path}: ${(error as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw invalid(`labels file ${path}: must be a JSON object of label texts`);
  const labels: Partial<Labels> = {};
  for (const [key, value] of Object.entries(json)) {
    if (key === UNITS_KEY) {
      labels.units = readUnits(path, value);
      continue;
    }
    if (!(LABEL_KEYS as readonly string[]).includes(key)) throw invalid(`labels file ${path}: unknown label '${key}' (known: ${[...LABEL_KEYS, UNITS_KEY].join(', ')})`);
    if (typeof value !== 'string') throw invalid(`labels file ${path}: label '${key}' must be a string`);
    labels[key as LabelKey] = value;
  }
  return labels;
}

export interface LabelCatalog {
  languages(): string[];
  has(lang: string): boolean;
  /** The labels of a language, English filling what it lacks. */
  labelsFor(lang: string): Labels;
}

/** Reads the built-in labels and those of the optional folder, once. */
export function loadLabelCatalog(folder?: string): LabelCatalog {
  const byLanguage = new Map<string, Partial<Labels>>();
  const builtIn = packagePath('templates', 'labels');
  for (const directory of [builtIn, ...(folder ? [folder] : [])]) {
    if (directory === folder && !existsSync(folder)) throw invalid(`pdf.labels: folder ${folder} does not exist`);
    for (const name of readdirSync(directory).filter((file) => file.endsWith('.json')).sort()) {
      const lang = name.slice(0, -'.json'.length);
      const before = byLanguage.get(lang);
      const read = readLabelsFile(join(directory, name));
      // A labels folder may name a few units: they add to the built-in table rather than replace it.
      byLanguage.set(lang, { ...before, ...read, units: { ...before?.units, ...read.units } });
    }
  }
  const english = byLanguage.get('en') as Labels;
  return {
    languages: () => [...byLanguage.keys()].sort(),
    has: (lang) => byLanguage.has(lang),
    labelsFor: (lang) => {
      const own = byLanguage.get(lang);
      return { ...english, ...own, units: { ...english.units, ...own?.units } };
    },
  };
}

/** "{days}" placeholders filled in: fill("Payable within {days} days", { days: 30 }). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
