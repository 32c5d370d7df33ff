/**
 * A PostgreSQL role per business (`smallpay store init-postgres --role`): a login role listed in
 * smallpay.roles with its business, granted the tables, and bound by row-level security to that business's
 * rows whatever it asks for (ddl-postgres.ts says how). Run by the schema's owner.
 *
 * The password never travels in clear: the role gets a SCRAM-SHA-256 verifier computed here (what psql's
 * \password sends), so it cannot turn up in the server's statement log.
 * A role that is a superuser, may bypass row-level security, or is the one running this is refused: none
 * of them could be held to one business.
 */
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { StoreError } from '../errors.js';
import type { SqlDriver } from './driver.js';
import { businessRoleGrants } from './ddl-postgres.js';

/** Role names smallpay creates: plain lower-case identifiers, so they never need quoting tricks. */
export const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface BusinessRoleResult {
  role: string;
  business: string;
  created: boolean;
}

export async function grantBusinessRole(driver: SqlDriver, label: string, business: string, role: string, password: string): Promise<BusinessRoleResult> {
  if (!ROLE_NAME.test(role)) throw new StoreError('io', `role '${role}': use lower-case letters, digits and '_' (not starting with a digit)`);
  return driver.write(async (tx) => {
    const [me] = await tx.query<{ name: string }>('SELECT session_user::text AS name');
    if (me?.name === role) throw new StoreError('io', `store ${label}: role ${role} is the one running init-postgres; name a new role for the business`);
    const [existing] = await tx.query<{ unbound: number }>('SELECT (rolsuper OR rolbypassrls)::int AS unbound FROM pg_roles WHERE rolname = $1', [role]);
    if (existing && existing.unbound === 1) {
      throw new StoreError('io', `store ${label}: role ${role} is a superuser or may bypass row-level security, so it cannot be held to one business`);
    }
    const [mapped] = await tx.query<{ business_id: string }>('SELECT business_id FROM smallpay.roles WHERE role_name = $1', [role]);
    if (mapped && mapped.business_id !== business) {
      throw new StoreError('io', `store ${label}: role ${role} already belongs to business ${mapped.business_id}`);
    }
    const verifier = scramVerifier(password);
    await tx.query(`${existing ? 'ALTER' : 'CREATE'} ROLE "${role}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD '${verifier}'`);
    if (!mapped) await tx.query('INSERT INTO smallpay.roles (role_name, business_id) VALUES ($1, $2)', [role, business]);
    for (const statement of businessRoleGrants(`"${role}"`)) await tx.query(statement);
    // Connecting needs CONNECT on the database, which PUBLIC has unless the owner revoked it.
    await tx.query(`DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO "${role}"', current_database()); END $$`);
    return { role, business, created: !existing };
  });
}

/** A SCRAM-SHA-256 verifier as PostgreSQL stores it (RFC 5802 / 7677; 4096 iterations, as PostgreSQL's default). */
export function scramVerifier(password: string, salt: Buffer = randomBytes(16), iterations = 4096): string {
  const salted = pbkdf2Sync(password.normalize('NFKC'), salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}
