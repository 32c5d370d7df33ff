/**
 * Text for people: user-given text made safe for a terminal
 * (a customer named "\x1b[2J" must not clear the screen of whoever lists customers).
 */
import { FORBIDDEN_CHARACTER } from '../domain/fields.js';

/**
 * The characters the core refuses in stored text (C0 and C1 controls, DEL, the line and paragraph separators,
 * the bidirectional controls: U+202E makes "txt.exe" read "exe.txt"), for text that reached us anyway.
 * Tabs and line breaks are handled first by the functions below.
 */
const CONTROL = new RegExp(FORBIDDEN_CHARACTER.source, 'g');

/** One line of user text for a table cell or message: controls shown as '?', line breaks as spaces. */
export function cell(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(CONTROL, '?');
}

/** User text that may span lines (addresses, notes). */
export function block(text: string): string {
  return text.replace(/\t/g, ' ').replace(/\r/g, '').replace(CONTROL, '?');
}

// The colour sequences SmallPay itself writes (chalk, asciichart): they take no room on the screen.
const COLOUR = /\u001b\[[0-9;]*m/g;
const SIMPLE = /^[\u0020-\u007e]*$/;
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\u200B-\u200D\uFE00-\uFE0F]$/u;

/** East Asian wide and fullwidth characters and emoji take two columns of a terminal. */
function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf && codePoint !== 0x303f) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x1f300 && codePoint <= 0x1faff) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd)
  );
}

function charWidth(char: string): number {
  if (ZERO_WIDTH.test(char)) return 0;
  return isWide(char.codePointAt(0) as number) ? 2 : 1;
}

/** Columns a text takes on a terminal: colour sequences none, combining marks none, wide characters two. */
export function displayWidth(text: string): number {
  const plain = text.includes('\u001b') ? text.replace(COLOUR, '') : text;
  if (SIMPLE.test(plain)) return plain.length;
  let width = 0;
  for (const char of plain) width += charWidth(char);
  return width;
}

/**
 * A line cut to `width` columns, ending in "…" when something was cut. Colour sequences are kept (they take
 * no room) and closed when the cut may have left one open.
 */
export function fitWidth(line: string, width: number | undefined): string {
  if (width === undefined || !Number.isFinite(width) || displayWidth(line) <= width) return line;
  if (width <= 0) return '';
  let used = 0;
  let out = '';
  let coloured = false;
  for (let index = 0; index < line.length; ) {
    if (line[index] === '\u001b') {
      const match = /^\u001b\[[0-9;]*m/.exec(line.slice(index));
      if (match) {
        out += match[0];
        coloured = true;
        index += match[0].length;
        continue;
      }
    }
    const char = String.fromCodePoint(line.codePointAt(index) as number);
    const size = charWidth(char);
    if (used + size > width - 1) break;
    out += char;
    used += size;
    index += char.length;
  }
  return `${out}…${coloured ? '\u001b[0m' : ''}`;
}

function splitAtWidth(text: string, width: number): [string, string] {
  let used = 0;
  let index = 0;
  for (const char of text) {
    const size = charWidth(char);
    if (used + size > width && used > 0) break;
    used += size;
    index += char.length;
  }
  return [text.slice(0, index), text.slice(index)];
}

/** A line wrapped at spaces into lines of at most `width` columns. */
export function wrap(line: string, width: number): string[] {
  if (!Number.isFinite(width) || displayWidth(line) <= width) return [line];
  const lines: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (displayWidth(candidate) <= width) current = candidate;
    else {
      if (current !== '') lines.push(current);
      current = word;
      // A word longer than the line (a URL, a hash) is broken, not cut: nothing of it is lost.
      while (displayWidth(current) > width) {
        const [head, rest] = splitAtWidth(current, width);
        lines.push(head);
        current = rest;
      }
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
