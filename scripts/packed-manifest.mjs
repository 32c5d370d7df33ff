// The package.json that goes into the tarball, without `prepare`.
//
// Why: in a git clone, `npm install` must build dist/ (the quick start is `npm install && npx smallpay demo`),
// and npm runs only `prepare` for that. But the tarball holds a built dist/ and not scripts/, and npm lists
// every install script of a package it installs ("install scripts not yet covered by allowScripts"), so a
// `prepare` left in the packed manifest makes `npm install -g ./smallpay-x.y.z.tgz` warn about a script
// that could not even run. `npm pack` runs `prepack` before it reads the files and `postpack` after, so:
//   node scripts/packed-manifest.mjs strip     keeps package.json aside and writes it without scripts.prepare
//   node scripts/packed-manifest.mjs restore   puts the kept package.json back, byte for byte
// If a pack fails in between, package.json.packing is still there and `restore` puts it back.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const manifest = new URL('../package.json', import.meta.url);
const kept = new URL('../package.json.packing', import.meta.url);

const action = process.argv[2];
if (action === 'strip') {
  if (existsSync(kept)) throw new Error('package.json.packing exists: an earlier pack did not finish; run node scripts/packed-manifest.mjs restore');
  const text = readFileSync(manifest, 'utf8');
  const pkg = JSON.parse(text);
  delete pkg.scripts.prepare;
  writeFileSync(kept, text);
  writeFileSync(manifest, `${JSON.stringify(pkg, null, 2)}\n`);
} else if (action === 'restore') {
  if (existsSync(kept)) renameSync(kept, manifest);
} else {
  throw new Error('usage: node scripts/packed-manifest.mjs strip|restore');
}
