import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { flag } from '../../cli/flags.js';
import { claimIsLive } from '../../domain/outbox.js';
import type { SendJob } from '../../domain/types.js';
import { toJsonText } from '../../render/json.js';
import { cell } from '../../render/text.js';

export interface OutboxOptions {
  all: boolean;
  json: boolean;
}

export function toOptions({ opts }: RawInput): OutboxOptions {
  return { all: flag(opts, 'all'), json: flag(opts, 'json') };
}

function jobJson(job: SendJob, sending: boolean) {
  return {
    id: job.id,
    number: job.number,
    kind: job.kind,
    state: job.state,
    sending,
    to: job.to,
    cc: job.cc,
    bcc: job.bcc,
    messageId: job.messageId,
    attempts: job.attempts,
    createdAt: job.createdAt,
    sentAt: job.sentAt ?? null,
    lastError: job.lastError ?? null,
    response: job.response ?? null,
    channel: job.channel ?? null,
  };
}

export async function run(options: OutboxOptions, deps: Deps): Promise<string> {
  const doc = await (await deps.store()).read({ outbox: options.all ? 'all' : 'active' });
  const run = deps.runIdentity();
  const jobs = doc.outbox.filter((job) => options.all || job.state === 'pending' || job.state === 'failed');
  if (options.json) return toJsonText(jobs.map((job) => jobJson(job, job.state === 'pending' && claimIsLive(job.claim, run))), deps.io.stdoutIsTTY);
  if (jobs.length === 0) {
    deps.io.err.write(options.all ? 'The outbox is empty.\n' : 'Nothing is waiting in the outbox.\n');
    return '';
  }
  const { renderTable } = await import('../../render/table.js');
  return renderTable(
    [
      { header: 'Invoice' },
      { header: 'Kind', drop: 2 },
      { header: 'State' },
      { header: 'To', shrink: true },
      { header: 'Tries', align: 'right', drop: 1 },
      { header: 'Created', drop: 3 },
      { header: 'Last error / reply', shrink: true },
    ],
    jobs.map((job) => [
      job.number,
      job.kind,
      job.state === 'pending' && claimIsLive(job.claim, run) ? 'sending' : job.state,
      cell(job.to.join(', ')),
      String(job.attempts),
      job.createdAt,
      cell(job.lastError ?? job.response ?? ''),
    ]),
    deps.io,
  );
}
