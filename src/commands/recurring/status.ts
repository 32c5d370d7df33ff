import type { RawInput } from '../../cli/command.js';
import { UsageError } from '../../cli/errors.js';
import type { Deps } from '../../cli/deps.js';
import { singleArgument } from '../../cli/flags.js';
import { removeSchedule, setScheduleStatus } from '../../domain/recurring.js';
import { toJsonText } from '../../render/json.js';
import { scheduleJson } from './input.js';

export interface ScheduleStatusOptions {
  verb: 'pause' | 'resume' | 'rm';
  id: string;
  json: boolean;
}

export function toOptions({ args, opts, verb }: RawInput): ScheduleStatusOptions {
  if (verb !== 'pause' && verb !== 'resume' && verb !== 'rm') throw new UsageError(`recurring ${verb}: not a verb of this module`);
  return { verb, id: singleArgument(args, 'schedule id'), json: opts.json === true };
}

export async function run(options: ScheduleStatusOptions, deps: Deps): Promise<string> {
  const schedule = await (await deps.store()).update((doc) => {
    if (options.verb === 'rm') return removeSchedule(doc, options.id);
    return setScheduleStatus(doc, options.id, options.verb === 'pause' ? 'paused' : 'active');
  }, {});
  deps.io.err.write(`${options.verb === 'rm' ? 'Removed' : options.verb === 'pause' ? 'Paused' : 'Resumed'} schedule ${schedule.id}\n`);
  return options.json ? toJsonText(scheduleJson(schedule), deps.io.stdoutIsTTY) : `${schedule.id}\n`;
}
