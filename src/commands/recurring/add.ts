import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { UsageError } from '../../cli/errors.js';
import { exclusive, optionalDate, optionalString, optionalTerms } from '../../cli/flags.js';
import { currency as checkCurrency } from '../../domain/fields.js';
import { CADENCES, type ScheduleInput, createSchedule } from '../../domain/recurring.js';
import type { Cadence } from '../../domain/types.js';
import { toJsonText } from '../../render/json.js';
import { type ItemsSource, dayOfMonth, itemsSource, readItems, scheduleJson, wholeNumber } from './input.js';

export interface AddScheduleOptions {
  schedule: Omit<ScheduleInput, 'items'>;
  source: ItemsSource;
  json: boolean;
}

export function toOptions({ opts }: RawInput): AddScheduleOptions {
  exclusive(opts, ['end', 'count']);
  const customer = optionalString(opts, 'customer');
  const every = optionalString(opts, 'every');
  const start = optionalDate(opts, 'start', '--start');
  if (customer === undefined) throw new UsageError('--customer is required');
  if (every === undefined || !CADENCES.includes(every as Cadence)) throw new UsageError(`--every: ${every === undefined ? 'is required' : `'${every}' is not one of`} ${CADENCES.join(', ')}`);
  if (start === undefined) throw new UsageError('--start is required');
  const end = optionalDate(opts, 'end', '--end');
  if (end !== undefined && end < start) throw new UsageError(`--end ${end} is before --start ${start}`);
  const source = itemsSource(opts);
  if (!source.items && !source.input) throw new UsageError('give the items with --item (and --price), or --input');
  const currency = optionalString(opts, 'currency');
  const note = optionalString(opts, 'note');
  const interval = wholeNumber(opts, 'interval', '--interval', 120);
  const count = wholeNumber(opts, 'count', '--count', 10_000);
  const day = dayOfMonth(opts);
  const terms = optionalTerms(opts, 'terms', '--terms');
  return {
    schedule: {
      customer,
      every: every as Cadence,
      start,
      ...(interval !== undefined && { interval }),
      ...(day !== undefined && { day }),
      ...(end !== undefined && { end }),
      ...(count !== undefined && { count }),
      ...(terms !== undefined && { terms }),
      ...(currency !== undefined && { currency: checkCurrency(currency, '--currency') }),
      ...(note !== undefined && { note }),
    },
    source,
    json: opts.json === true,
  };
}

export async function run(options: AddScheduleOptions, deps: Deps): Promise<string> {
  const fromSource = await readItems(options.source, deps);
  if (!fromSource.items) throw new UsageError(`--input ${options.source.input}: has no items`);
  const input: ScheduleInput = { ...options.schedule, items: fromSource.items, ...(fromSource.currency !== undefined && options.schedule.currency === undefined && { currency: fromSource.currency }), ...(fromSource.note !== undefined && options.schedule.note === undefined && { note: fromSource.note }) };
  const today = deps.today();
  const schedule = await (await deps.store()).update((doc) => createSchedule(doc, input, { today, id: deps.newId('rec') }), {});
  deps.io.err.write(`Added schedule ${schedule.id}: ${schedule.customer}, every ${schedule.interval > 1 ? `${schedule.interval} ` : ''}${schedule.every}${schedule.interval > 1 ? 's' : ''} from ${schedule.start}\n`);
  return options.json ? toJsonText(scheduleJson(schedule), deps.io.stdoutIsTTY) : `${schedule.id}\n`;
}
