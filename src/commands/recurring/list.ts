import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { toJsonText } from '../../render/json.js';
import { cell } from '../../render/text.js';
import { scheduleJson } from './input.js';

export interface ListSchedulesOptions {
  json: boolean;
}

export function toOptions({ opts }: RawInput): ListSchedulesOptions {
  return { json: opts.json === true };
}

export async function run(options: ListSchedulesOptions, deps: Deps): Promise<string> {
  const doc = await (await deps.store()).read({});
  const schedules = doc.recurring.map((schedule) => scheduleJson(schedule));
  if (options.json) return toJsonText(schedules, deps.io.stdoutIsTTY);
  if (schedules.length === 0) {
    deps.io.err.write('No recurring schedules; add one with smallpay recurring add.\n');
    return '';
  }
  const { renderTable } = await import('../../render/table.js');
  return renderTable(
    [
      { header: 'Id' },
      { header: 'Customer', shrink: true },
      { header: 'Every', shrink: true },
      { header: 'Start', drop: 2 },
      { header: 'Ends', drop: 1 },
      { header: 'Issued', align: 'right', drop: 3 },
      { header: 'Next' },
      { header: 'Status' },
    ],
    schedules.map((s) => [
      s.id,
      cell(s.customer),
      `${s.interval > 1 ? `${s.interval} ` : ''}${s.every}${s.day !== null ? ` (day ${s.day})` : ''}`,
      s.start,
      s.end ?? (s.count !== null ? `after ${s.count}` : '-'),
      String(s.issued.length),
      s.next[0]?.date ?? '-',
      s.status,
    ]),
    deps.io,
  );
}
