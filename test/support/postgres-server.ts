/**
 * Starts and stops a real PostgreSQL server for one test run (issue 13): `initdb` into a temp folder,
 * `pg_ctl start` on a free port of 127.0.0.1, fsync off (the data dies with the run anyway).
 * Used by the vitest globalSetup (test/support/postgres-global.ts); test files use test/support/postgres.ts.
 *
 * As root (CI), PostgreSQL refuses to run, so initdb and pg_ctl run as the `postgres` OS user through
 * runuser, in a folder that user owns; as anyone else they run as the current user.
 * The superuser `postgres` gets a random password and TCP connections need it (scram-sha-256), so the
 * tests can check that a wrong password is refused; the unix socket sits in the temp folder only.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { delimiter, join } from 'node:path';

export interface RunningPostgres {
  /** Superuser URL to the `postgres` database, password included. */
  url: string;
  stop(): void;
}

/** initdb's folder: on PATH, else the newest /usr/lib/postgresql/<version>/bin (Debian keeps it off PATH). */
export function findPostgresBin(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir !== '' && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const dir = join(root, version, 'bin');
    if (existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startPostgres(binDir: string): Promise<RunningPostgres> {
  const asRoot = process.getuid?.() === 0;
  const folder = mkdtempSync(join(tmpdir(), 'smallpay-pg-'));
  const data = join(folder, 'data');
  const password = randomBytes(12).toString('hex');
  const pwfile = join(folder, 'pwfile');
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(folder, uid, gid);
    chownSync(pwfile, uid, gid);
  }
  const run = (tool: string, args: string[]) => {
    const command = asRoot ? ['runuser', ['-u', 'postgres', '--', join(binDir, tool), ...args]] as const : [join(binDir, tool), args] as const;
    const result = spawnSync(command[0], [...command[1]], { encoding: 'utf8', cwd: folder });
    if (result.status !== 0) throw new Error(`${tool} failed (${result.status}): ${result.stderr || result.stdout}`);
  };
  // -N: no fsync while creating; the server below runs with fsync off too.
  run('initdb', ['-D', data, '-U', 'postgres', '-N', '-E', 'UTF8', '--locale=C', '--auth-local=trust', '--auth-host=scram-sha-256', `--pwfile=${pwfile}`]);
  rmSync(pwfile);
  const port = await freePort();
  const serverOptions = `-k ${folder} -h 127.0.0.1 -p ${port} -F -c max_connections=200 -c full_page_writes=off -c synchronous_commit=off`;
  run('pg_ctl', ['start', '-D', data, '-l', join(folder, 'server.log'), '-w', '-t', '60', '-o', serverOptions]);
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w']);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}

/** Who would own the server's files: for the one-line notice. */
export function serverUser(): string {
  return process.getuid?.() === 0 ? 'postgres' : userInfo().username;
}
