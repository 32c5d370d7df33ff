import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { singleArgument } from '../../cli/flags.js';
import { findSchedule } from '../../domain/recurring.js';
import { toJsonText } from '../../render/json.js';
import { cell } from '../../render/text.js';
import { scheduleJson } from './input.js';

export interface ShowScheduleOptions {
  id: string;
  json: boolean;
}

export function toOptions({ args, opts }: RawInput): ShowScheduleOptions {
  return { id: singleArgument(args, 'schedule id'), json: opts.json === true };
}

export async function run(options: ShowScheduleOptions, deps: Deps): Promise<string> {
  const schedule = scheduleJson(findSchedule(await (await deps.store()).read({}), options.id));
  if (options.json) return toJsonText(schedule, deps.io.stdoutIsTTY);
  const { renderFields } = await import('../../render/table.js');
  return renderFields(
    [
      ['Schedule', `${schedule.id} (${schedule.status})`],
      ['Customer', cell(schedule.customer)],
      ['Every', `${schedule.interval} ${schedule.every}${schedule.day !== null ? `, day ${schedule.day}` : ''}`],
      ['From', schedule.start],
      ['Until', schedule.end ?? (schedule.count !== null ? `${schedule.count} invoices` : 'no end')],
      ['Items', schedule.items.map((item) => `${item.quantity} × ${cell(item.description)} at ${item.unitPrice} (${item.taxRate}%)`).join('\n')],
      ['Issued', schedule.issued.length === 0 ? 'nothing yet' : schedule.issued.map((entry) => `${entry.period}  ${entry.date}  ${entry.number ?? ''}`).join('\n')],
      ['Next', schedule.next.length === 0 ? 'nothing' : schedule.next.map((entry) => `${entry.date}  (${entry.period})`).join('\n')],
    ],
    deps.io,
  );
}
