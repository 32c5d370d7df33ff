import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { UsageError } from '../../cli/errors.js';
import { changeSetting, checkSettingKey } from '../../domain/business.js';
import { requireBusiness } from '../../domain/invoice-issue.js';
import { businessJson, toJsonText } from '../../render/json.js';

export interface SetConfigOptions {
  key: string;
  value: string;
  json: boolean;
}

export function toOptions({ args, opts }: RawInput): SetConfigOptions {
  const [key, value] = args;
  if (key === undefined || value === undefined) throw new UsageError('usage: smallpay config set <key> <value>');
  return { key: checkSettingKey(key), value, json: opts.json === true };
}

export async function run(options: SetConfigOptions, deps: Deps): Promise<string | undefined> {
  const store = await deps.store();
  const business = await store.update((doc) => {
    const current = requireBusiness(doc);
    changeSetting(current, options.key, options.value);
    return current;
  });
  deps.io.err.write(`Set ${options.key}\n`);
  return options.json ? toJsonText(businessJson(business), deps.io.stdoutIsTTY) : undefined;
}
