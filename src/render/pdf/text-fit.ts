/**
 * One pass over the text of a document definition, made after the template and before the engine, so it holds
 * for built-in and user templates alike:
 *
 * - Characters the font lacks become ones it has. Intl writes French amounts with U+202F (narrow no-break
 *   space), which Roboto lacks: "4 000,00 €" printed a missing-glyph box. A table of known separators and
 *   marks gives each one fallbacks in order of preference, and the first the font has is used:
 *   U+202F → U+00A0 → " ", U+2212 (minus) → "-", U+2060 (word joiner) → "" … Characters outside the table
 *   are left as they are. The font's own cmap decides, so a user font (pdf.font) is treated the same way.
 * - Long words get break opportunities (U+200B, zero-width space), so a hash, a URL or a German compound
 *   wraps inside its column instead of pushing the amount columns off the page. A word is long past
 *   LONG_WORD characters; it may then break after / - _ . : ? & = @ and every BREAK_EVERY characters.
 *
 * Only text is changed: strings in content, stack, columns, lists, table bodies, headers, footers, watermarks
 * and `text` properties. QR payloads, images, SVG, styles and widths are left alone.
 */

const SPACE = [' '];
const FALLBACKS: Record<string, string[]> = {
  '\u202f': ['\u00a0', ' '], // narrow no-break space (fr, and some other locales' thousands separator)
  '\u00a0': SPACE, // no-break space
  '\u2007': ['\u00a0', ' '], // figure space
  '\u2000': SPACE, '\u2001': SPACE, '\u2002': SPACE, '\u2003': SPACE, '\u2004': SPACE, '\u2005': SPACE,
  '\u2006': SPACE, '\u2008': SPACE, '\u2009': SPACE, '\u200a': SPACE, '\u205f': SPACE, '\u3000': SPACE,
  '\u2212': ['-'], // minus sign (some locales' negative amounts)
  '\u2010': ['-'], '\u2011': ['\u2010', '-'], '\u2012': ['-'], '\u2013': ['-'], '\u2014': ['\u2013', '-'],
  '\u2018': ["'"], '\u2019': ["'"], '\u201a': [','], '\u201c': ['"'], '\u201d': ['"'], '\u201e': ['"'],
  '\u00ab': ['"'], '\u00bb': ['"'], '\u2039': ["'"], '\u203a': ["'"],
  '\u2026': ['...'], '\u2022': ['\u00b7', '*'], '\u00b7': ['.'],
  '\u066b': [','], '\u066c': ['.'], // Arabic decimal and thousands separators
  '\u20ac': ['EUR'],
  // Invisible marks: without a glyph they are simply dropped.
  '\u200b': [''], '\u200c': [''], '\u200d': [''], '\u200e': [''], '\u200f': [''], '\u2060': [''],
  '\ufeff': [''], '\u061c': [''], '\u00ad': [''],
};

export const LONG_WORD = 24;
export const BREAK_EVERY = 12;
const ZERO_WIDTH_SPACE = '\u200b';
const LONG_RUN = new RegExp(`[^\\s\\u200b]{${LONG_WORD + 1},}`, 'gu');
const BREAK_AFTER = new Set(['/', '-', '_', '.', ':', '?', '&', '=', '@', '\\', ',', ';']);

export type TextFitter = (text: string) => string;

/** A fitter for a font: `hasGlyph(codePoint)` says whether the font (all its styles) can draw a character. */
export function createTextFitter(hasGlyph: (codePoint: number) => boolean): TextFitter {
  const substitutes = new Map<string, string>();
  for (const [character, candidates] of Object.entries(FALLBACKS)) {
    if (hasGlyph(character.codePointAt(0) as number)) continue;
    const usable = candidates.find((candidate) => [...candidate].every((c) => hasGlyph(c.codePointAt(0) as number)));
    // No fallback the font has: the character stays (a box says more than a silent gap).
    if (usable !== undefined) substitutes.set(character, usable);
  }
  const canBreak = hasGlyph(0x200b);
  const pattern = substitutes.size > 0 ? new RegExp(`[${[...substitutes.keys()].join('')}]`, 'gu') : null;
  return (text) => {
    const mapped = pattern ? text.replace(pattern, (character) => substitutes.get(character) ?? character) : text;
    return canBreak ? breakLongWords(mapped) : mapped;
  };
}

/** "0123456789abcdef0123456789abcdef" → "0123456789ab\u200bcdef01234567\u200b89abcdef": only words past LONG_WORD. */
export function breakLongWords(text: string): string {
  return text.replace(LONG_RUN, (word) => {
    let out = '';
    let run = 0;
    const characters = [...word];
    characters.forEach((character, index) => {
      out += character;
      run += 1;
      const last = index === characters.length - 1;
      if (!last && (BREAK_AFTER.has(character) || run >= BREAK_EVERY)) {
        out += ZERO_WIDTH_SPACE;
        run = 0;
      }
    });
    return out;
  });
}

/** Keys under which a document definition holds text (or nodes holding text). */
const TEXT_KEYS = new Set(['content', 'text', 'stack', 'columns', 'ul', 'ol', 'table', 'body', 'header', 'footer', 'background', 'watermark']);

function fitNode(node: unknown, fit: TextFitter): unknown {
  if (typeof node === 'string') return fit(node);
  if (typeof node === 'function') return (...args: unknown[]) => fitNode((node as (...a: unknown[]) => unknown)(...args), fit);
  if (Array.isArray(node)) return node.map((element) => fitNode(element, fit));
  if (typeof node !== 'object' || node === null || node instanceof Uint8Array) return node;
  const fitted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) fitted[key] = TEXT_KEYS.has(key) ? fitNode(value, fit) : value;
  return fitted;
}

/** The definition with every text fitted to the font; header, footer and background functions are wrapped. */
export function fitDocumentText<T extends Record<string, unknown>>(definition: T, fit: TextFitter): T {
  return fitNode(definition, fit) as T;
}
