/**
 * `smallpay store init-postgres`: the smallpay schema in a PostgreSQL database (the engine's migrations, run
 * forward in one transaction, as for the first `init`), and with --role a login role bound to the store's
 * business by row-level security (src/store/sql/postgres-roles.ts).
 */
import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { UsageError } from '../../cli/errors.js';
import { resolveConnectTimeout, resolveLockOptions } from '../../cli/settings.js';
import { toJsonText } from '../../render/json.js';
import { ROLE_NAME, grantBusinessRole } from '../../store/sql/postgres-roles.js';
import { SQL_SCHEMA_VERSION } from '../../store/sql/tables.js';

const VARIABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface InitPostgresOptions {
  role?: { name: string; passwordEnv: string };
  json: boolean;
}

export function toOptions({ opts }: RawInput): InitPostgresOptions {
  const role = opts.role as string | undefined;
  const passwordEnv = opts.passwordEnv as string | undefined;
  if (role === undefined && passwordEnv !== undefined) throw new UsageError('--password-env goes with --role');
  if (role === undefined) return { json: opts.json === true };
  if (!ROLE_NAME.test(role)) throw new UsageError(`--role '${role}': use 1 to 63 lower-case letters, digits and '_', not starting with a digit`);
  if (passwordEnv === undefined) throw new UsageError('--role needs --password-env <VAR>: the environment variable holding its password');
  // Not echoed: what was given may be the password itself.
  if (!VARIABLE.test(passwordEnv)) throw new UsageError('--password-env: give the name of an environment variable (letters, digits, _), not its value');
  return { role: { name: role, passwordEnv }, json: opts.json === true };
}

export async function run(options: InitPostgresOptions, deps: Deps): Promise<string> {
  const locator = deps.storeLocator();
  if (locator.engine !== 'postgres') {
    throw new UsageError(`store init-postgres works on a PostgreSQL store; ${locator.label} is a ${locator.engine} store`, 'pass --store postgres://…?business=<id>');
  }
  const password = options.role ? deps.env[options.role.passwordEnv] : undefined;
  if (options.role && !password) throw new UsageError(`--password-env ${options.role.passwordEnv}: that environment variable is not set or empty`);

  // The engine creates or migrates the schema in the transaction of a write. Not one returning Unchanged,
  // which rolls back even a schema it made: one that changes no row, so only the schema is committed.
  const store = await deps.openStoreAt(locator, { createSchema: true });
  try {
    await store.update(() => undefined, {});
  } finally {
    await store.close();
  }
  let role: { name: string; created: boolean } | null = null;
  if (options.role && password) {
    const { openPostgresDriver } = await import('../../store/sql/postgres-driver.js');
    const driver = await openPostgresDriver(locator, { ...resolveLockOptions(deps.env), ...resolveConnectTimeout(deps.env) });
    try {
      const granted = await grantBusinessRole(driver, locator.label, locator.business, options.role.name, password);
      role = { name: granted.role, created: granted.created };
    } finally {
      await driver.close();
    }
  }
  deps.io.err.write(`PostgreSQL schema smallpay ready (version ${SQL_SCHEMA_VERSION}) in ${locator.label}\n`);
  if (role) deps.io.err.write(`Role ${role.name} ${role.created ? 'created' : 'updated'}: it opens business ${locator.business}'s books and no other's\n`);
  return options.json ? toJsonText({ store: locator.label, business: locator.business, schemaVersion: SQL_SCHEMA_VERSION, role }, deps.io.stdoutIsTTY) : '';
}
