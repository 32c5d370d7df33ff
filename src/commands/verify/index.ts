import type { Command } from 'commander';
import { type DepsFactory, lazyAction, withExamples } from '../../cli/command.js';

export function registerVerify(program: Command, makeDeps: DepsFactory): void {
  withExamples(
    program
      .command('verify')
      .summary('check a store end to end: schema, numbering, totals, recurring periods, outbox')
      .description(
        'Check a store for unattended use: the schema, invoice numbers unique and gapless per series, every invoice total ' +
          'computed again, every recurring period issued at most once, nothing stuck in the outbox. Exit 1 when anything is wrong.',
      )
      .option('--json', 'print { ok, store, checks: [{ name, ok, problems }] }')
      .action(lazyAction(makeDeps, () => import('./verify.js'))),
    ['smallpay verify', 'smallpay recurring run --send --json && smallpay verify --json'],
  );
}
