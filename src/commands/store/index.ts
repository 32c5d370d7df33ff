import type { Command } from 'commander';
import { type DepsFactory, lazyAction, withExamples } from '../../cli/command.js';

export function registerStore(program: Command, makeDeps: DepsFactory): void {
  const store = program
    .command('store')
    .summary('move books between engines (JSON, SQLite, PostgreSQL)')
    .description('The store itself: `smallpay store copy --to <store>` copies these books into an empty store of any engine, then checks the copy.');
  withExamples(store, ['smallpay store copy --to sqlite:books.db', 'smallpay --store books.db store copy --to books.json']);
  registerStoreCopy(store, makeDeps);
}

function registerStoreCopy(store: Command, makeDeps: DepsFactory): void {
  withExamples(
    store
      .command('copy')
      .description(
        'Copy every customer, invoice, credit note, payment, schedule, outbox job and audit entry, the settings and the number ' +
          'sequences of the current store (--store / $SMALLPAY_STORE) into an empty store: a JSON path, sqlite:<path> or a path ' +
          'ending .db/.sqlite, or postgres://…?business=<id> (its schema is created when missing). Then verify the copy and compare ' +
          'its counts and totals per currency with the source. Exit 2 when the target is not empty (nothing is written), 1 when the copy fails its check.',
      )
      .requiredOption('--to <store>', 'the store to copy into: it must be empty')
      .option('--json', 'print { ok, from, to, counts, totals, checks }')
      .action(lazyAction(makeDeps, () => import('./copy.js'))),
    [
      'smallpay store copy --to sqlite:books.db',
      'SMALLPAY_STORE=books.db smallpay store copy --to "postgres://smallpay@db.internal/books?business=acme" --json',
      'smallpay --store books.db store copy --to books.json',
    ],
  );
}
