// The three store engines side by side (issue 13): JSON, SQLite and PostgreSQL at 1,000, 100,000 and
// 1,000,000 invoices. Each command runs in a fresh process, as a user runs it; the median wall time of
// several runs sits next to `node -e 0` measured in the same rounds, with each command's peak memory (max
// RSS over its runs, every run started with --import bench/max-rss.mjs, `node -e 0` too) and the store's size.
// Also: `store copy` of 100,000 invoices from JSON to SQLite and to PostgreSQL, and where the JSON store stops.
//
// Usage: npm run bench, or node bench/engines.mjs [--sizes 1000,100000,1000000] [--runs 5]
//        [--engines json,sqlite,postgres] [--commands new,show,pay,list,report] [--budget 30]   (seconds a command may take over all its runs: a
//        command slower than that runs fewer times, at least once; the table says how many) [--keep]
// --keep keeps the generated stores in bench/.stores/engines and uses them again next time instead of
// generating and loading them anew (minutes at 1,000,000 invoices): for measuring one change after another.
// Each store keeps the invoices it has left to pay beside it; a kept store grows by the invoices `new` adds.
// PostgreSQL databases are kept only on a server of your own (SMALLPAY_BENCH_PG_URL): the throwaway one goes.
// PostgreSQL: a throwaway server (bench/postgres-server.mjs) unless SMALLPAY_BENCH_PG_URL names one (a
// superuser URL: the benchmark creates and drops databases named smallpay_bench_*).
// The stores are generated (bench/generate-store.mjs) and put in place by a child process: JSON as a file,
// SQLite and PostgreSQL through the store interface's load(), as `store copy` writes.
// docs/performance.md records the figures and what they mean.
import { spawnSync } from 'node:child_process';
import { constants as bufferConstants } from 'node:buffer';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateStore, writeStoreFile } from './generate-store.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'smallpay.js');
const work = join(root, 'bench', '.stores', 'engines');
const bundle = join(work, 'store-bundle.mjs');
const maxRss = join(root, 'bench', 'max-rss.mjs');
const self = fileURLToPath(import.meta.url);
const env = { ...process.env, SMALLPAY_NOW: '2026-11-25', NO_COLOR: '1' };
delete env.SMALLPAY_STORE;
const ENGINE_NAMES = { json: 'JSON', sqlite: 'SQLite', postgres: 'PostgreSQL' };
const engineOf = (store) => (store.startsWith('sqlite:') ? 'sqlite' : /^postgres(ql)?:/.test(store) ? 'postgres' : 'json');
/** The generator's documents need room: a million invoices are several GB of objects. */
const BIG_HEAP = '--max-old-space-size=16384';

if (process.argv.includes('--help')) {
  // The usage is this file's header comment.
  const header = readFileSync(self, 'utf8').split('\nimport ')[0];
  process.stdout.write(`${header.replace(/^\/\/ ?/gm, '')}\n`);
  process.exit(0);
}

// Child process: generate N invoices and put them into one store; print what the timed commands use.
if (process.argv[2] === '--load') {
  const [store, size] = [process.argv[3], Number(process.argv[4])];
  const doc = generateStore(null, size);
  const middle = Math.floor(size / 2);
  const pay = doc.invoices.slice(middle).filter((invoice) => invoice.status === 'open').slice(0, 400).map((invoice) => invoice.number);
  const started = performance.now();
  if (engineOf(store) === 'json') writeStoreFile(store, doc);
  else {
    const { parseStoreLocator, openStore } = await import(pathToFileURL(bundle).href);
    const opened = await openStore(parseStoreLocator(store, process.env), { timeoutMs: 600_000, staleMs: 600_000, createSchema: true });
    try {
      await opened.load(doc);
    } finally {
      await opened.close();
    }
  }
  process.stdout.write(JSON.stringify({ show: doc.invoices[middle].number, pay, loadMs: performance.now() - started }));
  process.exit(0);
}

const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
};
const sizes = argument('sizes', '1000,100000,1000000').split(',').map(Number);
const runs = Number(argument('runs', '5'));
const budgetMs = Number(argument('budget', '30')) * 1000;
const wanted = argument('engines', 'json,sqlite,postgres').split(',');
const chosen = argument('commands', 'new,show,pay,list,report').split(',');
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const log = (line) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
const notes = [];
const keep = process.argv.includes('--keep');

if (!keep) rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const { build } = await import('esbuild');
await build({
  entryPoints: [join(root, 'bench', 'engines-entry.ts')],
  outfile: bundle,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['better-sqlite3', 'pg'],
  define: { SMALLPAY_VERSION: '"bench"' },
  banner: { js: "import { createRequire as __smallpayRequire } from 'node:module'; const require = __smallpayRequire(import.meta.url);" },
  logLevel: 'warning',
});

// Which engines can run here: each missing one is skipped with one line.
const engines = [];
let postgres;
let pgClient;
for (const engine of wanted) {
  if (engine === 'sqlite') {
    try {
      const { default: Database } = await import('better-sqlite3');
      new Database(':memory:').close();
    } catch (error) {
      notes.push(`SQLite skipped: better-sqlite3 cannot be loaded here (${String(error.message).split('\n')[0]}).`);
      continue;
    }
  }
  if (engine === 'postgres') {
    let pg;
    try {
      pg = (await import('pg')).default;
    } catch {
      notes.push('PostgreSQL skipped: the pg module is not installed.');
      continue;
    }
    let url = process.env.SMALLPAY_BENCH_PG_URL;
    if (!url) {
      const { findPostgresBin, startPostgres } = await import('./postgres-server.mjs');
      const binDir = findPostgresBin();
      if (binDir === undefined) {
        notes.push('PostgreSQL skipped: not installed (no initdb on PATH or in /usr/lib/postgresql/*/bin).');
        continue;
      }
      postgres = await startPostgres(binDir);
      url = postgres.url;
      notes.push(`PostgreSQL: ${postgres.version}, a throwaway server on 127.0.0.1 with its default (durable) settings.`);
    }
    pgClient = new pg.Client({ connectionString: url });
    await pgClient.connect();
    postgres = { ...postgres, url };
  }
  engines.push(engine);
}
const database = (name) => {
  const url = new URL(postgres.url);
  url.pathname = `/${name}`;
  return url.toString();
};
/** The databases --keep found from an earlier run. */
const keptDatabases = new Set();
async function freshDatabase(name) {
  if (keep && (await pgClient.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rows.length > 0) {
    keptDatabases.add(name);
    return `${database(name)}?business=bench`;
  }
  await pgClient.query(`DROP DATABASE IF EXISTS ${name}`);
  await pgClient.query(`CREATE DATABASE ${name}`);
  return `${database(name)}?business=bench`;
}

/** A fresh store of `engine`'s kind, for `name`: JSON and SQLite a file name, PostgreSQL a database. */
async function newStore(engine, name) {
  if (engine === 'json') return join(work, `${name}.json`);
  if (engine === 'sqlite') return `sqlite:${join(work, `${name}.db`)}`;
  return freshDatabase(`smallpay_bench_${name}`);
}
async function dropStore(store, { always = false } = {}) {
  if (keep && !always) return;
  const engine = engineOf(store);
  if (engine === 'postgres') await pgClient.query(`DROP DATABASE IF EXISTS ${new URL(store).pathname.slice(1)}`);
  else for (const suffix of ['', '-wal', '-shm', '.bak', '.lock']) rmSync(store.replace(/^sqlite:/, '') + suffix, { force: true, recursive: true });
}
async function storeBytes(store) {
  const engine = engineOf(store);
  if (engine === 'postgres') {
    const client = new pgClient.constructor({ connectionString: store.replace(/\?.*$/, '') });
    await client.connect();
    try {
      const [row] = (
        await client.query(
          `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'smallpay' AND c.relkind = 'r'`,
        )
      ).rows;
      return Number(row.bytes);
    } finally {
      await client.end();
    }
  }
  const path = store.replace(/^sqlite:/, '');
  return ['', '-wal'].reduce((sum, suffix) => sum + (existsSync(path + suffix) ? statSync(path + suffix).size : 0), 0);
}

/** One fresh process, timed, with its peak memory; throws unless it exits 0 (or `expectFailure`). */
function measure(args, store, { expectFailure = false, heap } = {}) {
  const rssFile = join(work, 'rss.txt');
  rmSync(rssFile, { force: true });
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [...(heap ? [heap] : []), '--import', maxRss, ...args], {
    env: { ...env, ...(store && { SMALLPAY_STORE: store }), SMALLPAY_BENCH_RSS_FILE: rssFile },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 30,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const stderr = String(result.stderr).trim();
  if ((result.status === 0) === expectFailure) throw new Error(`${args.join(' ')} exited ${result.status}: ${stderr}`);
  const mib = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').trim()) / 1024 : NaN;
  return { ms, mib, status: result.status, stderr };
}

function loadStore(store, size) {
  const result = spawnSync(process.execPath, [BIG_HEAP, self, '--load', store, String(size)], { env, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`loading ${size} invoices into ${store} failed (exit ${result.status})`);
  return JSON.parse(String(result.stdout));
}

const ALL_COMMANDS = [
  { key: 'new', label: '`invoice new`', goal: true, args: () => ['invoice', 'new', '--customer', 'customer-1', '--item', 'Benchmark', '--price', '10'] },
  { key: 'show', label: '`invoice show`', goal: true, args: (picks) => ['invoice', 'show', picks.show] },
  { key: 'pay', label: '`invoice pay`', goal: true, args: (picks, run) => ['invoice', 'pay', picks.pay[run]] },
  { key: 'list', label: '`invoice list --status open --json`', args: () => ['invoice', 'list', '--status', 'open', '--json'] },
  { key: 'report', label: '`report --json` (dashboard)', args: () => ['report', '--json'] },
];
const COMMANDS = ALL_COMMANDS.filter((command) => chosen.includes(command.key));

/** Times every command on one store, interleaved with `node -e 0` so that a slow moment hits all alike. */
function timeCommands(store, picks) {
  // Warms the cache; stamps a JSON store. A kept store already has the customer: add another.
  const suffix = keep ? ` ${Date.now()}` : '';
  measure([bin, 'customer', 'add', '--name', `Bench Customer${suffix}`, '--email', `bench${suffix.trim()}@customer.test`], store);
  const baseline = [];
  const results = COMMANDS.map(() => ({ times: [], mib: 0 }));
  for (let run = 0; run < runs; run += 1) {
    baseline.push(measure(['-e', '0']).ms);
    COMMANDS.forEach((command, index) => {
      const result = results[index];
      if (result.failed || (result.times.length > 0 && result.times.reduce((a, b) => a + b, 0) > budgetMs)) return;
      try {
        const { ms, mib } = measure([bin, ...command.args(picks, run)], store);
        result.times.push(ms);
        result.mib = Math.max(result.mib, mib);
      } catch (error) {
        // Out of memory, say: recorded as what the user would see, and not tried again.
        result.failed = String(error.message).split('\n').find((line) => /smallpay:|heap|memory|Error/.test(line)) ?? String(error.message).split('\n')[0];
        log(`${command.label} failed: ${result.failed}`);
      }
    });
  }
  return { baseline: median(baseline), commands: results.map((r) => (r.failed ? { failed: r.failed } : { ms: median(r.times), runs: r.times.length, mib: r.mib })) };
}

// `store copy` arrived with issue 13; a build without it has no `copy` under `smallpay store --help`.
const hasStoreCopy = /^\s+copy\b/m.test(String(spawnSync(process.execPath, [bin, 'store', '--help'], { env }).stdout));
// The throwaway server goes with this process, however it ends.
process.on('exit', () => postgres?.stop?.());
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));
const results = {}; // results[size][engine] = { baseline, commands, bytes, loadMs } | { skipped }
let jsonBytesPerInvoice;
let copies = [];
const maxString = bufferConstants.MAX_STRING_LENGTH;
console.log(`Node ${process.version}, ${runs} runs a command (fewer for one slower than ${budgetMs / 1000} s in all), load average at start ${loadavg().map((l) => l.toFixed(2)).join(' ')}.`);

for (const size of sizes) {
  results[size] = {};
  for (const engine of engines) {
    if (engine === 'json' && jsonBytesPerInvoice !== undefined && size * jsonBytesPerInvoice > maxString) {
      results[size][engine] = { skipped: true };
      continue;
    }
    const store = await newStore(engine, `${engine}_${size}`);
    // A kept store comes with the picks it was loaded with, less the invoices paid since.
    const picksFile = join(work, `${engine}_${size}.picks.json`);
    const kept = keep && existsSync(picksFile) && (engine === 'postgres' ? keptDatabases.has(`smallpay_bench_${engine}_${size}`) : existsSync(store.replace(/^sqlite:/, '')));
    if (!kept) log(`${ENGINE_NAMES[engine]} ${size}: loading`);
    const picks = kept ? JSON.parse(readFileSync(picksFile, 'utf8')) : loadStore(store, size);
    if (picks.pay.length < runs) throw new Error(`${store}: only ${picks.pay.length} invoices left to pay; run without --keep to load it anew`);
    if (keep) writeFileSync(picksFile, JSON.stringify({ ...picks, pay: picks.pay.slice(runs) }));
    const bytes = await storeBytes(store);
    if (engine === 'json') jsonBytesPerInvoice = bytes / size;
    log(`${ENGINE_NAMES[engine]} ${size}: loaded in ${(picks.loadMs / 1000).toFixed(1)} s, ${(bytes / 2 ** 20).toFixed(1)} MiB; timing`);
    results[size][engine] = { ...timeCommands(store, picks), bytes, loadMs: picks.loadMs };
    if (engine === 'json' && size === 100_000 && hasStoreCopy) {
      for (const target of engines.filter((other) => other !== 'json')) {
        const to = await newStore(target, `copy_${size}`);
        await dropStore(to, { always: true }); // a target left by a run with --keep
        if (target === 'postgres') await freshDatabase(`smallpay_bench_copy_${size}`);
        log(`store copy ${size} JSON → ${ENGINE_NAMES[target]}`);
        try {
          copies.push({ size, target, ...measure([bin, 'store', 'copy', '--to', to], store) });
        } catch (error) {
          copies.push({ size, target, failed: String(error.message).split('\n')[0] });
        }
        await dropStore(to, { always: true });
      }
    }
    await dropStore(store);
  }
}

// Where JSON stops: the file is read into one string, which V8 caps at MAX_STRING_LENGTH characters.
let probe;
if (jsonBytesPerInvoice !== undefined) {
  const limit = Math.floor(maxString / jsonBytesPerInvoice);
  const count = Math.ceil(limit * 1.03);
  const store = join(work, 'json_limit.json');
  log(`JSON: probing ${count} invoices, just past the string limit`);
  spawnSync(process.execPath, [BIG_HEAP, self, '--load', store, String(count)], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const failed = measure([bin, 'invoice', 'new', '--customer', 'customer-1', '--item', 'Benchmark', '--price', '10'], store, { expectFailure: true });
  probe = { limit, count, bytes: statSync(store).size, ...failed };
  rmSync(store, { force: true });
}

// The report: one table, the engines side by side.
const cell = (value, base) => value.failed ? `failed: ${value.failed.slice(0, 80)}` : `${value.ms.toFixed(0)} (${(value.ms / base).toFixed(1)}×${value.runs < runs ? `, ${value.runs} run${value.runs === 1 ? '' : 's'}` : ''})`;
const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(bytes < 2 ** 20 * 10 ? 1 : 0)} MiB`;
console.log(`\n| invoices | command | ${engines.map((e) => `${ENGINE_NAMES[e]} ms (× node -e 0) | ${ENGINE_NAMES[e]} peak MiB`).join(' | ')} |`);
console.log(`|---:|---|${engines.map(() => '---:|---:').join('|')}|`);
for (const size of sizes) {
  const row = (label, pick) => console.log(`| ${size.toLocaleString('en')} | ${label} | ${engines.map((e) => (results[size][e].skipped ? (label.startsWith('`node') ? 'skipped: see below | ' : '— | ') : pick(results[size][e]))).join(' | ')} |`);
  row('`node -e 0`', (r) => `${r.baseline.toFixed(0)} | `);
  COMMANDS.forEach((command, index) => row(command.label, (r) => `${cell(r.commands[index], r.baseline)} | ${r.commands[index].mib?.toFixed(0) ?? ''}`));
  row('store size', (r) => `${mib(r.bytes)} | `);
  row('load (set-up, one process)', (r) => `${(r.loadMs / 1000).toFixed(1)} s | `);
}

console.log('\n| goal (SQLite, PostgreSQL) | engine | figure | beyond `node -e 0` | met |');
console.log('|---|---|---:|---:|---|');
const [small, large] = [Math.min(...sizes), Math.max(...sizes)];
const seconds = (ms) => (ms === undefined ? 'failed' : ms < 2000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(1)} s`);
for (const engine of engines.filter((e) => e !== 'json')) {
  const [a, b] = [results[small][engine], results[large][engine]];
  const goal = (label, figure, met) =>
    console.log(`| ${label} | ${ENGINE_NAMES[engine]} | ${seconds(figure.ms)} | ${figure.ms === undefined ? '' : seconds(figure.ms - b.baseline)} | ${met ? 'yes' : 'NO'} |`);
  COMMANDS.forEach((command, index) => {
    if (!command.goal || small === large) return;
    const ratio = b.commands[index].ms / a.commands[index].ms;
    goal(`${command.label} at ${large.toLocaleString('en')}: within 1.5× of ${small.toLocaleString('en')} (${ratio.toFixed(2)}×) and under 300 ms`, b.commands[index], ratio <= 1.5 && b.commands[index].ms < 300);
  });
  const dashboard = b.commands[COMMANDS.findIndex((command) => command.key === 'report')];
  if (dashboard !== undefined) goal(`dashboard at ${large.toLocaleString('en')}: under 2 s`, dashboard, dashboard.ms < 2000);
}
for (const copy of copies) {
  const figure = copy.failed ? `failed: ${copy.failed.slice(0, 100)}` : `${seconds(copy.ms)}, peak ${copy.mib.toFixed(0)} MiB`;
  console.log(`| \`store copy\` of ${copy.size.toLocaleString('en')} invoices: under 60 s | JSON → ${ENGINE_NAMES[copy.target]} | ${figure} | | ${copy.ms < 60_000 ? 'yes' : 'NO'} |`);
}
if (copies.length === 0 && engines.includes('json') && sizes.includes(100_000)) notes.push('`store copy` not timed: this build has no `smallpay store copy`.');

if (jsonBytesPerInvoice !== undefined) {
  notes.push(
    `JSON stops near ${probe.limit.toLocaleString('en')} invoices: ${jsonBytesPerInvoice.toFixed(0)} bytes an invoice, and the whole file is read into one string, ` +
      `which V8 caps at ${maxString.toLocaleString('en')} characters (${mib(maxString)}). ` +
      `Probed with ${probe.count.toLocaleString('en')} invoices (${mib(probe.bytes)}): \`invoice new\` exited ${probe.status} after ${(probe.ms / 1000).toFixed(1)} s (${probe.mib.toFixed(0)} MiB): ${probe.stderr.split('\n')[0]}`,
  );
  for (const size of sizes) if (results[size].json?.skipped) notes.push(`JSON at ${size.toLocaleString('en')} invoices skipped: past that limit.`);
}
console.log(`\nLoad average at the end ${loadavg().map((l) => l.toFixed(2)).join(' ')}.`);
for (const note of notes) console.log(`- ${note}`);

await pgClient?.end();
if (!keep) rmSync(work, { recursive: true, force: true });
