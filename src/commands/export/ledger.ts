/**
 * `smallpay export hledger` and `smallpay export beancount`: the books as a plain-text accounting journal.
 * One module for both verbs: they share the transactions (domain/ledger.ts) and differ only in the writing.
 * Documents are chosen by issue date (output.ts); each brings its payments, refunds, write-off and void
 * along, dated when they happened (see domain/ledger.ts for why).
 */
import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { requireBusiness } from '../../domain/invoice-issue.js';
import { LedgerAccounts } from '../../domain/ledger-accounts.js';
import { documentTransactions } from '../../domain/ledger.js';
import { type ExportRange, deliverExport, exportRange, issuedInRange, rangeScope } from './output.js';

export type LedgerDialect = 'hledger' | 'beancount';

export interface LedgerExportOptions {
  dialect: LedgerDialect;
  range: ExportRange;
}

export function toOptions({ opts, verb }: RawInput): LedgerExportOptions {
  return { dialect: verb === 'beancount' ? 'beancount' : 'hledger', range: exportRange(opts) };
}

function rangeText(range: ExportRange): string {
  const bounds = [...(range.from !== undefined ? [`from ${range.from}`] : []), ...(range.to !== undefined ? [`to ${range.to}`] : [])];
  return bounds.length === 0 ? 'every document' : `documents issued ${bounds.join(' ')}`;
}

export async function run(options: LedgerExportOptions, deps: Deps): Promise<string> {
  const doc = await (await deps.store()).read(rangeScope(options.range));
  const business = requireBusiness(doc);
  const started = performance.now();
  const cpu = process.cpuUsage();
  let count = 0;
  const transactions = (function* counted() {
    for (const transaction of documentTransactions(issuedInRange(doc.invoices, options.range), new LedgerAccounts(business.accounts))) {
      count += 1;
      yield transaction;
    }
  })();
  const header = { business: business.name, range: rangeText(options.range), currency: business.currency };
  const content =
    options.dialect === 'beancount'
      ? (await import('../../render/ledger-beancount.js')).renderBeancountLedger(transactions, header)
      : (await import('../../render/ledger-hledger.js')).renderHledgerJournal(transactions, header);
  if (deps.env.SMALLPAY_TIMINGS) {
    const { user, system } = process.cpuUsage(cpu);
    deps.io.err.write(`timings: export ${(performance.now() - started).toFixed(1)} ms, ${count} transactions, cpu ${((user + system) / 1000).toFixed(1)} ms\n`);
  }
  return deliverExport(options.range, content, deps, `${count} transactions`);
}
