import type { Command } from 'commander';
import { type DepsFactory, lazyAction, withExamples } from '../../cli/command.js';

export function registerDemo(program: Command, makeDeps: DepsFactory): void {
  withExamples(
    program
      .command('demo')
      .summary('create a sample business in a store of its own, with PDFs of its invoices')
      .description(
        'Create a sample business with customers and invoices (paid, partly paid, open, overdue, void, draft) in a store of its own ' +
          '($XDG_DATA_HOME/smallpay/demo/store.json, rebuilt on every run), write the PDFs of its issued invoices to pdf/ beside that ' +
          'store, then list its invoices. Your own store is never touched: ' +
          'SMALLPAY_STORE is ignored, and an existing file given with --store is replaced only with --force.',
      )
      .option('--force', 'replace the file given with --store even if it exists')
      .option('--json', 'print the invoice list as JSON')
      .action(lazyAction(makeDeps, () => import('./demo.js'))),
    ['smallpay demo', 'smallpay --store /tmp/try.json demo --force'],
  );
}
