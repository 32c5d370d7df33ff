/**
 * Files that ship with SmallPay (templates/, fonts of pdfmake) are found from the installed package's root,
 * wherever the code runs from: dist/main.js, dist/chunks/*.js, or src/ under the tests.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function packageRoot(): string {
  if (root) return root;
  let directory = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(directory, 'templates', 'labels', 'en.json'))) {
    const parent = dirname(directory);
    if (parent === directory) throw new Error('cannot find the templates folder of the smallpay package');
    directory = parent;
  }
  root = directory;
  return root;
}

export function packagePath(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}
