import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { singleArgument } from '../../cli/flags.js';
import { checkSettingKey, unsetSetting } from '../../domain/business.js';
import { requireBusiness } from '../../domain/invoice-issue.js';
import { businessJson, toJsonText } from '../../render/json.js';

export interface UnsetConfigOptions {
  key: string;
  json: boolean;
}

export function toOptions({ args, opts }: RawInput): UnsetConfigOptions {
  return { key: checkSettingKey(singleArgument(args, 'setting key'), true), json: opts.json === true };
}

export async function run(options: UnsetConfigOptions, deps: Deps): Promise<string | undefined> {
  const store = await deps.store();
  const business = await store.update((doc) => {
    const current = requireBusiness(doc);
    unsetSetting(current, options.key);
    return current;
  }, {});
  deps.io.err.write(`Removed ${options.key}\n`);
  return options.json ? toJsonText(businessJson(business), deps.io.stdoutIsTTY) : undefined;
}
