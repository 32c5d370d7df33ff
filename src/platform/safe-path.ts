/**
 * A name that comes from data (an invoice number, a draft id, a Message-ID) becomes a file name here, and
 * only here. The mapping is injective and can never leave its folder, whatever the name holds:
 * - letters, digits, `-`, `_`, `+`, `@` and `.` are kept (a `.` only after the first character);
 * - every other byte of the UTF-8 form is written `%XX`, `%` included, so `INV/1` → `INV%2F1` and
 *   `../x` → `%2E.%2Fx`; two different names never share a file;
 * - a result longer than 200 bytes is cut and ends in a hash of the whole name, still unique.
 */
import { createHash } from 'node:crypto';
import { join, relative, resolve, isAbsolute } from 'node:path';

const KEPT = /^[A-Za-z0-9\-_+@.]$/;
const MAX_STEM_BYTES = 200;

export function fileStemFor(name: string): string {
  let stem = '';
  for (const character of name) {
    if (KEPT.test(character) && !(character === '.' && stem === '')) {
      stem += character;
      continue;
    }
    for (const byte of Buffer.from(character, 'utf8')) stem += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  if (stem === '') stem = '%00';
  if (stem.length <= MAX_STEM_BYTES) return stem;
  const digest = createHash('sha256').update(name, 'utf8').digest('hex').slice(0, 16);
  return `${stem.slice(0, MAX_STEM_BYTES - 17)}~${digest}`;
}

/** `<folder>/<stem of name><extension>`; throws if, against every rule above, it would leave `folder`. */
export function childPath(folder: string, name: string, extension: string): string {
  const path = join(folder, `${fileStemFor(name)}${extension}`);
  const fromFolder = relative(resolve(folder), resolve(path));
  if (fromFolder === '' || fromFolder.startsWith('..') || isAbsolute(fromFolder) || fromFolder.includes('/')) {
    throw new Error(`refusing a file name outside ${folder}: ${JSON.stringify(name)}`);
  }
  return path;
}
