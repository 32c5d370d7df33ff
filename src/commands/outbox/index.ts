import type { Command } from 'commander';
import { type DepsFactory, lazyAction, withExamples } from '../../cli/command.js';

export function registerOutbox(program: Command, makeDeps: DepsFactory): void {
  const outbox = program
    .command('outbox')
    .summary('list the messages waiting or failed, and retry them')
    .description('The outbox of emails: `smallpay outbox` lists what is pending or failed; `smallpay outbox retry` sends it again.');
  withExamples(outbox, ['smallpay outbox', 'smallpay outbox list --all --json', 'smallpay outbox retry']);
  withExamples(
    outbox
      .command('list', { isDefault: true })
      .description('list the pending messages (a run stopped, or the server was away) and the failed ones (refused by the server)')
      .option('--all', 'the sent and cancelled messages too')
      .option('--json', 'print a JSON array of messages')
      .action(lazyAction(makeDeps, () => import('./list.js'))),
    ['smallpay outbox list --all --json', 'smallpay outbox'],
  );
  withExamples(
    outbox
      .command('retry')
      .description('send the pending and failed messages again, with their Message-IDs')
      .option('--eml', 'write them as .eml files to outbox/ instead of sending them (they count as sent)')
      .option('--json', 'print { sent, skipped, failed }')
      .action(lazyAction(makeDeps, () => import('./retry.js'))),
    ['smallpay outbox retry', 'smallpay outbox retry --json'],
  );
}
