import type { Command } from 'commander';
import { type DepsFactory, lazyAction, withExamples } from '../../cli/command.js';

export function registerAudit(program: Command, makeDeps: DepsFactory): void {
  withExamples(
    program
      .command('audit')
      .summary('list deleted invoices and removed customers')
      .description('List the audit log: invoices deleted with --force and customers removed, each kept whole.')
      .option('--json', 'print a JSON array of audit entries')
      .action(lazyAction(makeDeps, () => import('./list.js'))),
    ['smallpay audit', 'smallpay audit --json | jq ".[].invoice.number"'],
  );
}
