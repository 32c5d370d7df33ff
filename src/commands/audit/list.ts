import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { auditJson, toJsonText } from '../../render/json.js';
import { displayMoney } from '../../domain/money-format.js';
import { cell } from '../../render/text.js';

export interface AuditOptions {
  json: boolean;
}

export function toOptions({ opts }: RawInput): AuditOptions {
  return { json: opts.json === true };
}

export async function run(options: AuditOptions, deps: Deps): Promise<string> {
  const doc = await (await deps.store()).read({ audit: 'all' });
  const today = deps.today();
  if (options.json) return toJsonText(doc.audit.map((entry) => auditJson(entry, today)), deps.io.stdoutIsTTY);
  if (doc.audit.length === 0) {
    deps.io.err.write('The audit log is empty.\n');
    return '';
  }
  const { renderTable } = await import('../../render/table.js');
  return renderTable(
    [{ header: 'Date' }, { header: 'Event' }, { header: 'Record' }, { header: 'Details', shrink: true }, { header: 'Reason', shrink: true }],
    doc.audit.map((entry) => [
      entry.at,
      entry.event,
      entry.invoice ? (entry.invoice.number ?? entry.invoice.id) : (entry.customer?.id ?? ''),
      entry.invoice
        ? `${cell(entry.invoice.customer.name)}, ${displayMoney(entry.invoice.total, entry.invoice.currency)}, ${entry.invoice.status}`
        : cell(entry.customer?.name ?? ''),
      cell(entry.reason ?? ''),
    ]),
    deps.io,
  );
}
