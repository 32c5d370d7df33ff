import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { PartialFailure } from '../../cli/errors.js';
import { flag } from '../../cli/flags.js';
import { deliveryContext } from '../../cli/delivery-context.js';
import { toJsonText } from '../../render/json.js';
import { plural } from '../../render/text.js';

export interface RetryOptions {
  /** Write .eml files to outbox/ instead of sending. */
  eml: boolean;
  json: boolean;
}

export function toOptions({ opts }: RawInput): RetryOptions {
  return { eml: flag(opts, 'eml'), json: flag(opts, 'json') };
}

export async function run(options: RetryOptions, deps: Deps): Promise<string> {
  const store = await deps.store();
  const { retryOutbox } = await import('../../delivery/deliver.js');
  const summary = await retryOutbox(deliveryContext(deps, store, { eml: options.eml }));
  const line = `${plural(summary.sent.length, 'message')} sent, ${summary.failed.length} failed`;
  deps.io.err.write(summary.sent.length + summary.failed.length === 0 ? 'Nothing to retry.\n' : `${line}\n`);
  const output = options.json ? toJsonText(summary, deps.io.stdoutIsTTY) : '';
  if (summary.failed.length > 0) throw new PartialFailure(`${plural(summary.failed.length, 'message')} could not be sent (${line})`, output);
  return output;
}
