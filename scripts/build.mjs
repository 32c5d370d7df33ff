// Builds dist/ from src/ with esbuild: one bundle for the start-up path, and a chunk per lazily imported
// command or heavy library, so `smallpay --version` loads a few files instead of hundreds.
// Type checking is tsc's job (`npm run typecheck`); esbuild only strips types.
import { build } from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';

await import('./compile-schemas.mjs');

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  // The PDF worker is an entry of its own: worker threads start from a file. `manual` builds the man page
  // below from the same command tree, sharing main's chunks; nothing at run time loads it.
  entryPoints: { main: 'src/main.ts', 'render-worker': 'src/render/pdf/render-worker.ts', manual: 'src/cli/manual.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  // Heavy libraries with data files of their own stay in node_modules and load only when a command needs them.
  external: ['pdfmake', 'nodemailer', 'pdfkit'],
  define: { SMALLPAY_VERSION: JSON.stringify(pkg.version) },
  // Bundled CommonJS dependencies (commander, proper-lockfile) call require().
  banner: { js: "import { createRequire as __smallpayRequire } from 'node:module'; const require = __smallpayRequire(import.meta.url);" },
  logLevel: 'warning',
});

// man/smallpay.1 is build output (not committed; `files` ships it). Dated by SOURCE_DATE_EPOCH when set, else
// undated, so the same sources give the same bytes.
const { manualPage } = await import(new URL('../dist/manual.js', import.meta.url).href);
const epoch = Number(process.env.SOURCE_DATE_EPOCH);
const date = Number.isInteger(epoch) && epoch > 0 ? new Date(epoch * 1000).toISOString().slice(0, 10) : undefined;
await mkdir(new URL('../man', import.meta.url), { recursive: true });
await writeFile(new URL('../man/smallpay.1', import.meta.url), manualPage(date));
