import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { requireBusiness } from '../../domain/invoice-issue.js';
import { businessJson, toJsonText } from '../../render/json.js';

export interface ShowConfigOptions {
  json: boolean;
}

export function toOptions({ opts }: RawInput): ShowConfigOptions {
  return { json: opts.json === true };
}

export async function run(options: ShowConfigOptions, deps: Deps): Promise<string> {
  const doc = await (await deps.store()).read({});
  const business = requireBusiness(doc);
  if (options.json) return toJsonText(businessJson(business), deps.io.stdoutIsTTY);
  const { renderBusiness } = await import('../../render/customer-views.js');
  return renderBusiness(business, deps.io);
}
