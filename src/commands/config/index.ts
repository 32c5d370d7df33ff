import type { Command } from 'commander';
import { type DepsFactory, lazyAction, withExamples } from '../../cli/command.js';
import { REQUIRED_SETTINGS, SETTING_ALIASES, SETTING_SUMMARIES, type SettingKey } from '../../domain/settings-catalog.js';

const HELP_WIDTH = 80;

/** Words in lines of at most `width` characters (a longer word gets a line of its own). */
function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, line];
}

/**
 * The settings as two columns, key and meaning, the meaning wrapped under itself and followed by the other
 * spellings `config set` and `config unset` accept.
 */
function settingsHelp(heading: string, keys: readonly SettingKey[]): string {
  const keyWidth = Math.max(...keys.map((key) => key.length)) + 2;
  const lines = keys.flatMap((key) => {
    const aliases = Object.entries(SETTING_ALIASES).flatMap(([alias, target]) => (target === key ? [alias] : []));
    const meaning = `${SETTING_SUMMARIES[key]}${aliases.length > 0 ? ` (also: ${aliases.join(', ')})` : ''}`;
    return wrapWords(meaning, HELP_WIDTH - 2 - keyWidth).map((text, index) => `  ${(index === 0 ? key : '').padEnd(keyWidth)}${text}`);
  });
  return `\n${heading}\n${lines.join('\n')}`;
}

const ALL_SETTINGS = Object.keys(SETTING_SUMMARIES) as SettingKey[];

export function registerConfig(program: Command, makeDeps: DepsFactory): void {
  const config = program.command('config').summary('show and change the business settings').description('Show and change the business settings.');
  withExamples(config, ['smallpay config show', 'smallpay config set iban "DE89 3704 0044 0532 0130 00"', 'smallpay config set tax.defaultRate 19', 'smallpay config unset pdf.logo']);
  withExamples(
    config
      .command('show')
      .description('show the business settings')
      .option('--json', 'print the settings as JSON')
      .action(lazyAction(makeDeps, () => import('./show.js'))),
    ['smallpay config show', 'smallpay config show --json | jq -r .numberFormat'],
  );
  withExamples(
    config
      .command('set')
      .description('change a setting')
      .argument('<key>', 'the setting')
      .argument('<value>', 'its new value')
      .option('--json', 'print the settings as JSON')
      .addHelpText('after', settingsHelp('Settings:', ALL_SETTINGS))
      .action(lazyAction(makeDeps, () => import('./set.js'))),
    ['smallpay config set terms 14', 'smallpay config set numberFormat "{YYYY}-{SEQ:5}"', 'smallpay config set logo ./logo.png', 'smallpay config set tax.defaultRate 19'],
  );
  withExamples(
    config
      .command('unset')
      .summary('remove an optional setting')
      .description('remove an optional setting; name, email, currency, terms, numberFormat and lang are required and can only be changed')
      .argument('<key>', 'the setting')
      .option('--json', 'print the settings as JSON')
      .addHelpText('after', settingsHelp('Settings that can be removed:', ALL_SETTINGS.filter((key) => !REQUIRED_SETTINGS.has(key))))
      .action(lazyAction(makeDeps, () => import('./unset.js'))),
    ['smallpay config unset taxId', 'smallpay config unset logo', 'smallpay config unset smtp.password'],
  );
}
