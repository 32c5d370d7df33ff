// Builds dist/ from src/ with esbuild: one bundle for the start-up path, and a chunk per lazily imported
// command or heavy library, so `smallpay --version` loads a few files instead of hundreds.
// Type checking is tsc's job (`npm run typecheck`); esbuild only strips types.
import { build } from 'esbuild';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

await import('./compile-schemas.mjs');

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Heavy libraries with data files of their own stay in node_modules and load only when a command needs them.
  // better-sqlite3 is an optional dependency with native code, loaded only for a SQLite store.
  // pg is bundled, into a chunk of its own that loads only for a PostgreSQL store: read from node_modules
  // it was some 40 files, each resolved, read and compiled apart (about 35 ms of every PostgreSQL command,
  // bench/engines.mjs). Its optional pg-native and its Cloudflare socket are never used here.
  external: ['pdfmake', 'nodemailer', 'pdfkit', 'better-sqlite3', 'pg-native', 'pg-cloudflare'],
  define: { SMALLPAY_VERSION: JSON.stringify(pkg.version) },
  // Bundled CommonJS dependencies (commander, proper-lockfile) call require().
  banner: { js: "import { createRequire as __smallpayRequire } from 'node:module'; const require = __smallpayRequire(import.meta.url);" },
  logLevel: 'warning',
};

await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  ...common,
  // The PDF worker is an entry of its own: worker threads start from a file.
  entryPoints: { main: 'src/main.ts', 'render-worker': 'src/render/pdf/render-worker.ts' },
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});

// man/smallpay.1 from the same command tree (src/cli/manual.ts builds the program without running it), bundled
// apart so that dist/ and its start-up chunks stay as they are. The page is build output (not committed;
// `files` ships it), dated by SOURCE_DATE_EPOCH when set, else undated: the same sources give the same bytes.
const scratch = await mkdtemp(join(tmpdir(), 'smallpay-manual-'));
const manualBundle = join(scratch, 'manual.mjs');
await build({ ...common, entryPoints: ['src/cli/manual.ts'], outfile: manualBundle });
const { manualPage } = await import(pathToFileURL(manualBundle).href);
await rm(scratch, { recursive: true, force: true });
const epoch = Number(process.env.SOURCE_DATE_EPOCH);
const date = Number.isInteger(epoch) && epoch > 0 ? new Date(epoch * 1000).toISOString().slice(0, 10) : undefined;
await mkdir(new URL('../man', import.meta.url), { recursive: true });
await writeFile(new URL('../man/smallpay.1', import.meta.url), manualPage(date));
