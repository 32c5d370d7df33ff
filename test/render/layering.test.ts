/**
 * Imports flow one way (STYLE.md): the core imports nothing outside src/domain, and store, render and mail
 * depend on the core (and the platform helpers), never on commands, the CLI layer, delivery or each other.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../../src/', import.meta.url));

/** The top folder under src/ of every relative import of every .ts file under src/<folder>. */
function importedFolders(folder: string): { file: string; target: string }[] {
  const files = readdirSync(`${src}${folder}`, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'));
  return files.flatMap((name) => {
    const path = `${src}${folder}/${name}`;
    const source = readFileSync(path, 'utf8');
    const targets = [...source.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((match) => relative(src, `${path}/../${match[1]}`));
    return targets.map((target) => ({ file: `${folder}/${name}`, target: target.split('/')[0] as string }));
  });
}

describe.each([
  ['domain', ['domain']],
  ['render', ['render', 'domain', 'platform', 'generated']],
  ['store', ['store', 'domain', 'platform', 'generated']],
  ['mail', ['mail', 'domain', 'platform']],
])('src/%s', (folder, allowed) => {
  it(`imports only from ${allowed.join(', ')}`, () => {
    expect(importedFolders(folder).filter(({ target }) => !allowed.includes(target))).toEqual([]);
  });
});
