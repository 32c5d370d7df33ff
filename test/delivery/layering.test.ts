/** delivery/ gets what it uses as arguments: it imports nothing from the CLI layer or from commands. */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const folder = new URL('../../src/delivery/', import.meta.url);

describe('src/delivery', () => {
  it.each(readdirSync(folder).filter((name) => name.endsWith('.ts')))('%s imports nothing from cli/, commands/ or the invoice view', (name) => {
    const source = readFileSync(new URL(name, folder), 'utf8');
    const imports = [...source.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((match) => match[1]);
    expect(imports.filter((path) => /\/(cli|commands)\/|invoice-view/.test(path ?? ''))).toEqual([]);
  });
});
