import type { Command } from 'commander';
import { type DepsFactory, lazyAction, withExamples } from '../../cli/command.js';

export function registerStore(program: Command, makeDeps: DepsFactory): void {
  const store = program
    .command('store')
    .summary('the store itself: copy between engines, PostgreSQL set-up')
    .description(
      'The store itself: `smallpay store copy --to <store>` copies these books into an empty store of any engine, then checks the copy; ' +
        '`smallpay store init-postgres` creates the smallpay schema in a PostgreSQL database, and a role per business.',
    );
  withExamples(store, [
    'smallpay store copy --to sqlite:books.db',
    'smallpay --store books.db store copy --to books.json',
    'smallpay --store "postgres://owner@db.internal/books?business=acme" store init-postgres',
  ]);
  registerStoreCopy(store, makeDeps);
  registerStoreInitPostgres(store, makeDeps);
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

function registerStoreInitPostgres(store: Command, makeDeps: DepsFactory): void {
  withExamples(
    store
      .command('init-postgres')
      .description(
        'Create (or bring up to date) the smallpay schema in the PostgreSQL database of --store / $SMALLPAY_STORE, in one transaction; ' +
          'running it again changes nothing. With --role, also create a login role for the business the store names (business= or ' +
          '$SMALLPAY_BUSINESS), held by row-level security to that business\'s rows: its credentials can neither read nor change another ' +
          "business's books. Its password is read from the environment variable --password-env names. Run it as the database's owner.",
      )
      .option('--role <name>', "create (or update) this PostgreSQL login role for the store's business")
      .option('--password-env <VAR>', "the environment variable holding the role's password (required with --role)")
      .option('--json', 'print { store, business, schemaVersion, role }')
      .action(lazyAction(makeDeps, () => import('./init-postgres.js'))),
    [
      'smallpay --store "postgres://owner@db.internal/books?business=acme" store init-postgres',
      'ACME_PG_PASSWORD=… smallpay --store "postgres://owner@db.internal/books?business=acme" store init-postgres --role smallpay_acme --password-env ACME_PG_PASSWORD',
    ],
  );
}
