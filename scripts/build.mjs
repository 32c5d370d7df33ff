// Builds dist/ from src/ with esbuild: one bundle for the start-up path, and a chunk per lazily imported
// command or heavy library, so `smallpay --version` loads a few files instead of hundreds.
// Type checking is tsc's job (`npm run typecheck`); esbuild only strips types.
import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';

await import('./compile-schemas.mjs');

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  // The PDF worker is an entry of its own: worker threads start from a file.
  entryPoints: { main: 'src/main.ts', 'render-worker': 'src/render/pdf/render-worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  // Heavy libraries with data files of their own stay in node_modules and load only when a command needs them.
  // Database drivers are optional dependencies with native code (better-sqlite3) or loaded only for their engine.
  external: ['pdfmake', 'nodemailer', 'pdfkit', 'better-sqlite3', 'pg'],
  define: { SMALLPAY_VERSION: JSON.stringify(pkg.version) },
  // Bundled CommonJS dependencies (commander, proper-lockfile) call require().
  banner: { js: "import { createRequire as __smallpayRequire } from 'node:module'; const require = __smallpayRequire(import.meta.url);" },
  logLevel: 'warning',
});
