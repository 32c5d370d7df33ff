import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { UsageError } from '../../cli/errors.js';
import { optionalDate, optionalString, optionalTerms, singleArgument } from '../../cli/flags.js';
import { currency as checkCurrency } from '../../domain/fields.js';
import { type ScheduleChanges, editSchedule } from '../../domain/recurring.js';
import { toJsonText } from '../../render/json.js';
import { type ItemsSource, itemsSource, readItems, scheduleJson, wholeNumber } from './input.js';

export interface EditScheduleOptions {
  id: string;
  changes: ScheduleChanges;
  source: ItemsSource;
  json: boolean;
}

export function toOptions({ args, opts }: RawInput): EditScheduleOptions {
  const changes: ScheduleChanges = {};
  const terms = optionalTerms(opts, 'terms', '--terms');
  const currency = optionalString(opts, 'currency');
  const note = optionalString(opts, 'note');
  const end = optionalDate(opts, 'end', '--end');
  const count = wholeNumber(opts, 'count', '--count', 10_000);
  if (terms !== undefined) changes.terms = terms;
  if (currency !== undefined) changes.currency = checkCurrency(currency, '--currency');
  if (note !== undefined) changes.note = note;
  if (end !== undefined) changes.end = end;
  if (count !== undefined) changes.count = count;
  const source = itemsSource(opts);
  if (Object.keys(changes).length === 0 && !source.items && !source.input) {
    throw new UsageError('nothing to change: give --item, --input, --terms, --currency, --note, --end or --count');
  }
  return { id: singleArgument(args, 'schedule id'), changes, source, json: opts.json === true };
}

export async function run(options: EditScheduleOptions, deps: Deps): Promise<string> {
  const fromSource = await readItems(options.source, deps);
  const changes: ScheduleChanges = { ...fromSource, ...options.changes };
  const schedule = await (await deps.store()).update((doc) => editSchedule(doc, options.id, changes), {});
  deps.io.err.write(`Updated schedule ${schedule.id}; invoices already issued stay as they are\n`);
  return options.json ? toJsonText(scheduleJson(schedule), deps.io.stdoutIsTTY) : `${schedule.id}\n`;
}
