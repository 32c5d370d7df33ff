import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/errors.js';
import { toOptions } from '../../src/commands/store/init-postgres.js';

const parse = (opts: Record<string, unknown>) => toOptions({ args: [], opts });

describe('store init-postgres flags', () => {
  it('takes the schema alone, or a role with the variable holding its password', () => {
    expect(parse({})).toEqual({ json: false });
    expect(parse({ role: 'smallpay_acme', passwordEnv: 'ACME_PG_PASSWORD', json: true })).toEqual({ role: { name: 'smallpay_acme', passwordEnv: 'ACME_PG_PASSWORD' }, json: true });
  });

  it.each([
    [{ role: 'smallpay_acme' }, /--role needs --password-env <VAR>/],
    [{ passwordEnv: 'X' }, /--password-env goes with --role/],
    [{ role: 'Acme', passwordEnv: 'X' }, /--role 'Acme': use 1 to 63 lower-case letters/],
    [{ role: '1acme', passwordEnv: 'X' }, /not starting with a digit/],
    [{ role: 'acme"; DROP ROLE x; --', passwordEnv: 'X' }, /--role/],
    [{ role: 'acme', passwordEnv: 'hunter2 secret' }, /--password-env: give the name of an environment variable \(letters, digits, _\), not its value/],
  ])('refuses %j before touching the store', (opts, message) => {
    expect(() => parse(opts)).toThrow(UsageError);
    expect(() => parse(opts)).toThrow(message);
  });

  it('never repeats a password given where the name of its variable belongs', () => {
    expect(() => parse({ role: 'acme', passwordEnv: 'hunter2 secret' })).toThrow(expect.objectContaining({ message: expect.not.stringContaining('hunter2') }));
  });
});
