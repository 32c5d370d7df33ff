import type { Command } from 'commander';
import { type DepsFactory, lazyAction, withExamples } from '../../cli/command.js';

export function registerStore(program: Command, makeDeps: DepsFactory): void {
  const store = program
    .command('store')
    .summary('the store itself: engines, PostgreSQL set-up')
    .description('The store itself: `smallpay store init-postgres` creates the smallpay schema in a PostgreSQL database, and a role per business.');
  withExamples(store, ['smallpay --store "postgres://owner@db.internal/books?business=acme" store init-postgres']);
  registerStoreInitPostgres(store, makeDeps);
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
