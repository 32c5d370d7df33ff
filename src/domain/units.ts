/**
 * Units of measure (BT-130): stored as UN/ECE Recommendation 20/21 codes, the only form an e-invoice takes.
 * People type "h" or "days", so a few friendly aliases map to their codes; anything else must be a code of
 * the full list (unit-codes.ts), in any letter case. C62 ("one") is the default and prints nothing, so it is
 * not stored: a line without `unit` is a line in C62.
 *   unitCode('hours') → 'HUR';  unitCode('kwh') → 'KWH';  unitCode('XPP') → 'XPP';  unitCode('hrs.') → refused
 */
import { invalid } from './errors.js';
import { UNIT_CODES_TEXT } from './unit-codes.js';

export const DEFAULT_UNIT = 'C62';

let codes: Set<string> | undefined;
function knownCodes(): Set<string> {
  // Built on first use: most commands never look at a unit.
  codes ??= new Set(UNIT_CODES_TEXT.trim().split(' '));
  return codes;
}

const ALIASES: Record<string, string> = {};
for (const [code, names] of [
  ['HUR', 'h hr hrs hour hours'],
  ['MIN', 'min mins minute minutes'],
  ['SEC', 's sec second seconds'],
  ['DAY', 'd day days'],
  ['WEE', 'wk week weeks'],
  ['MON', 'mo month months'],
  ['ANN', 'yr year years'],
  // "piece" is H87 in Rec. 20; C62 ("one") is the unit of a plain count, which prints nothing.
  ['H87', 'piece pieces pc pcs'],
  ['C62', 'one unit units each ea'],
  ['LS', 'lump-sum lumpsum flat'],
  ['KGM', 'kg'],
  ['GRM', 'g'],
  ['TNE', 't tonne tonnes'],
  ['MTR', 'm metre metres meter meters'],
  ['KMT', 'km'],
  ['CMT', 'cm'],
  ['MMT', 'mm'],
  ['MTK', 'm2 sqm'],
  ['MTQ', 'm3'],
  ['LTR', 'l litre litres liter liters'],
  ['MLT', 'ml'],
  ['KWH', 'kwh'],
  ['E48', 'service'],
] as const) {
  for (const name of names.split(' ')) ALIASES[name] = code;
}

/** The Rec. 20/21 code of a unit as typed (a code in any case, or an alias); refuses anything else. */
export function unitCode(input: string, field = 'unit'): string {
  const text = input.trim();
  const alias = ALIASES[text.toLowerCase()];
  if (alias !== undefined) return alias;
  const code = text.toUpperCase();
  if (/^[A-Z0-9]{2,3}$/.test(code) && knownCodes().has(code)) return code;
  throw invalid(`${field}: '${input}' is not a UN/ECE Rec. 20/21 unit code or a known alias (e.g. HUR or h, DAY or day, MON or month, H87 or piece, KGM or kg)`);
}

/** Whether a stored unit is a known code (a hand-edited store may hold anything). */
export function isUnitCode(code: string): boolean {
  return knownCodes().has(code);
}
