/**
 * Build-time entry (bundled and called by scripts/build.mjs, never shipped): the man page of the program as built. The
 * commands come from the same tree the program parses with (buildProgram, never run); the sections below are
 * what the tree cannot say. test/e2e/man.test.ts checks that every variable the code reads is listed here.
 */
import { describeCommand } from './command-tree.js';
import type { Io } from './io.js';
import { buildProgram } from './program.js';
import { type ManualSection, renderManPage } from '../render/man-page.js';

const EXIT_STATUS: ManualSection = {
  title: 'Exit status',
  intro: 'Every error is one line on stderr starting with "smallpay: "; nothing is written.',
  entries: [
    { term: '0', text: 'success' },
    { term: '1', text: 'any other failure: store locked past its timeout, unreadable, corrupt or from a newer SmallPay; an I/O error (disk full); a part of a batch that failed (a message not sent, verify finding a problem); a bug' },
    { term: '2', text: 'the request is wrong: unknown command or option, invalid value, unknown customer or invoice, refused by a business rule' },
    { term: '130', text: 'cancelled at a prompt (Ctrl-C)' },
  ],
};

const ENVIRONMENT: ManualSection = {
  title: 'Environment',
  entries: [
    { term: 'SMALLPAY_STORE', text: 'the store, when --store is not given: the path of a JSON file; sqlite:<path> (or a path ending .db or .sqlite) for SQLite; postgres://... for PostgreSQL' },
    { term: 'SMALLPAY_BUSINESS', text: 'whose books a PostgreSQL store holds, when its postgres:// URL has no business=<id> parameter' },
    { term: 'PGPASSWORD, PGUSER, PGHOST, PGPORT, PGDATABASE', text: 'what a postgres:// URL leaves out, as for psql (keep the password here rather than in the URL)' },
    { term: 'XDG_DATA_HOME', text: 'the default store is $XDG_DATA_HOME/smallpay/store.json, else ~/.local/share/smallpay/store.json' },
    { term: 'HOME', text: 'the home folder, for the default store when XDG_DATA_HOME is not set' },
    { term: 'SMALLPAY_NOW', text: '"today", as an ISO date or date-time (2026-11-25, 2026-11-25T09:00:00+01:00): the date as written, whatever the time zone; replaces the clock everywhere (issue and due dates, overdue)' },
    { term: 'SMALLPAY_LOCK_TIMEOUT', text: 'seconds a command waits for another one holding the store (default 15)' },
    { term: 'SMALLPAY_LOCK_STALE', text: 'seconds after which a lock whose holder stopped refreshing it is taken over (default 10, at least 2)' },
    { term: 'SMALLPAY_CONNECT_TIMEOUT', text: 'seconds to wait for a PostgreSQL server to answer (default 5)' },
    { term: 'NO_COLOR', text: 'any value turns colour off (as --no-color does); wins over FORCE_COLOR' },
    { term: 'FORCE_COLOR', text: 'colour even when stdout is not a terminal (unless it is 0)' },
    { term: 'TERM', text: 'dumb: no colour' },
    { term: 'COLUMNS', text: "terminal width for tables and charts (default: the terminal's; piped, charts take 80 and tables keep every column)" },
    { term: 'LC_ALL, LC_NUMERIC, LANG', text: 'the decimal separator the interactive prompts of invoice new accept' },
    { term: 'SMALLPAY_SMTP_URL', text: 'the SMTP server for send: smtp://user:password@host:587 or smtps://...' },
    { term: 'SMALLPAY_SMTP_PASSWORD', text: 'the SMTP password, when the URL or the smtp.* settings give none' },
    { term: 'SMALLPAY_PDF_WORKERS', text: 'worker threads for batches of 24 or more PDFs (default: one per core, at most 4; 1 renders in the main thread)' },
    { term: 'SMALLPAY_TIMINGS', text: 'any value: reports print how long loading the store and computing took, on stderr' },
  ],
};

const FILES: ManualSection = {
  title: 'Files',
  entries: [
    { term: '~/.local/share/smallpay/store.json', text: 'the default store: one JSON document per business (created on first write, mode 0600, its folders 0700)' },
    { term: 'store.json.bak', text: 'the previous version of the store, replaced on every write' },
    { term: 'store.json.v<N>.bak', text: 'the store as it was before an automatic migration from schema version N' },
    { term: 'store.json.lock/', text: 'present while a command writes' },
    { term: 'store.json.validated', text: 'the identity of the store file as last written and validated' },
    { term: 'pdf/<number>.pdf', text: 'beside the store: PDFs written by invoice pdf without --out' },
    { term: 'einvoice/<number>.xml', text: 'beside the store: e-invoices written by invoice export without --out' },
    { term: 'outbox/<Message-ID>.eml', text: 'beside the store: messages written instead of sent (--eml, or the setting mail.transport file)' },
    { term: 'dry-run/*.eml', text: 'beside the store: messages send --dry-run would have sent' },
  ],
};

const silentIo: Io = {
  out: { write: () => true },
  err: { write: () => true },
  readStdin: async () => '',
  stdinIsTTY: false,
  stdoutIsTTY: false,
  stderrIsTTY: false,
  color: false,
  columns: 80,
};

export function manualPage(date?: string): string {
  const program = buildProgram(silentIo, () => Promise.reject(new Error('the manual runs no command')));
  return renderManPage({
    program: describeCommand(program, { helpText: true }),
    version: SMALLPAY_VERSION,
    date,
    sections: [EXIT_STATUS, ENVIRONMENT, FILES],
    seeAlso: ['hledger(1)', 'bean-check(1)', 'the README and docs/ of the smallpay package'],
  });
}
