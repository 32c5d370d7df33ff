import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { UsageError } from '../../cli/errors.js';
import { changeSetting, checkSettingKey } from '../../domain/business.js';
import { requireBusiness } from '../../domain/invoice-issue.js';
import { PATH_SETTINGS, type SettingKey } from '../../domain/settings-catalog.js';
import { businessJson, toJsonText } from '../../render/json.js';

export interface SetConfigOptions {
  key: SettingKey;
  value: string;
  json: boolean;
}

export function toOptions({ args, opts }: RawInput): SetConfigOptions {
  const [key, value] = args;
  if (key === undefined || value === undefined) throw new UsageError('usage: smallpay config set <key> <value>');
  const name = checkSettingKey(key) as SettingKey;
  // Files are named relative to where the command runs, and kept absolute.
  const isPath = PATH_SETTINGS.has(name) || (name === 'pdf.template' && value.includes('/'));
  return { key: name, value: isPath ? resolve(value) : value, json: opts.json === true };
}

/** Settings naming a file are checked by reading the file now, not when the first PDF fails. */
async function checkFile(key: SettingKey, value: string): Promise<void> {
  if (!key.startsWith('pdf.') || key === 'pdf.accentColor' || key === 'pdf.footer') return;
  const assets = await import('../../render/pdf/assets.js');
  if (key === 'pdf.logo') assets.readLogo(value, key);
  else if (key === 'pdf.font' || key === 'pdf.fontBold') assets.readFont(value, key);
  else if (key === 'pdf.labels') assets.checkLabelsFolder(value, key);
  else if (key === 'pdf.template') await assets.loadTemplate(value, key);
}

/**
 * A password is stored only in a store no one else can read, nor its .bak (which keeps it after the next
 * write): the same rule `send` applies before it uses one.
 */
async function assertPasswordStaysPrivate(path: string): Promise<void> {
  const { assertOwnerOnly } = await import('../../mail/smtp-config.js');
  const modeOf = (file: string) => stat(file).then((info) => info.mode, () => undefined);
  const files = [path, `${path}.bak`];
  assertOwnerOnly(await Promise.all(files.map(async (file) => ({ path: file, mode: await modeOf(file) }))), 'so no password is stored in it');
}

export async function run(options: SetConfigOptions, deps: Deps): Promise<string | undefined> {
  await checkFile(options.key, options.value);
  const store = await deps.store();
  if (options.key === 'smtp.password') await assertPasswordStaysPrivate(store.path);
  const business = await store.update((doc) => {
    const current = requireBusiness(doc);
    changeSetting(current, options.key, options.value);
    return current;
  }, {});
  deps.io.err.write(`Set ${options.key}\n`);
  return options.json ? toJsonText(businessJson(business), deps.io.stdoutIsTTY) : undefined;
}
