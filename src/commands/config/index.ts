import type { Command } from 'commander';
import { type DepsFactory, lazyAction, withExamples } from '../../cli/command.js';
import { SETTING_SUMMARIES } from '../../domain/settings-catalog.js';

export function registerConfig(program: Command, makeDeps: DepsFactory): void {
  const config = program.command('config').summary('show and change the business settings').description('Show and change the business settings.');
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
      .addHelpText('after', `\nSettings:\n${Object.entries(SETTING_SUMMARIES).map(([key, summary]) => `  ${key.padEnd(14)}${summary}`).join('\n')}\n`)
      .action(lazyAction(makeDeps, () => import('./set.js'))),
    ['smallpay config set terms 14', 'smallpay config set numberFormat "{YYYY}-{SEQ:5}"'],
  );
  withExamples(
    config
      .command('unset')
      .description('remove an optional setting (address, taxId)')
      .argument('<key>', 'the setting')
      .option('--json', 'print the settings as JSON')
      .action(lazyAction(makeDeps, () => import('./unset.js'))),
    ['smallpay config unset taxId'],
  );
}
