// A throwaway PostgreSQL server for bench/engines.mjs: initdb into a temp folder, pg_ctl start on a free port
// of 127.0.0.1, stopped and removed afterwards. Unlike the test server (test/support/postgres-server.ts, fsync
// off) it keeps PostgreSQL's durable defaults (fsync, synchronous_commit), as a real server has, so that its
// commits pay what SQLite's synchronous=FULL commits pay. As root, initdb and pg_ctl run as the `postgres` user.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** The folder holding initdb and pg_ctl: on PATH, else Debian's newest /usr/lib/postgresql/<version>/bin. */
export function findPostgresBin() {
  const candidates = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    for (const version of readdirSync(debian).filter((name) => /^\d+$/.test(name)).sort((a, b) => b - a)) candidates.push(join(debian, version, 'bin'));
  }
  return candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Starts a server; returns its superuser URL (password included), its version, and stop(). */
export async function startPostgres(binDir) {
  const asRoot = process.getuid?.() === 0;
  const folder = mkdtempSync(join(tmpdir(), 'smallpay-bench-pg-'));
  const data = join(folder, 'data');
  const password = randomBytes(12).toString('hex');
  const pwfile = join(folder, 'pwfile');
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (asRoot) {
    const id = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(folder, id('-u'), id('-g'));
    chownSync(pwfile, id('-u'), id('-g'));
  }
  const run = (tool, args) => {
    const [command, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(binDir, tool), ...args]] : [join(binDir, tool), args];
    const result = spawnSync(command, argv, { encoding: 'utf8', cwd: folder });
    if (result.status !== 0) throw new Error(`${tool} failed (${result.status}): ${result.stderr || result.stdout}`);
    return result.stdout;
  };
  run('initdb', ['-D', data, '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--auth-local=trust', '--auth-host=scram-sha-256', `--pwfile=${pwfile}`]);
  rmSync(pwfile);
  const port = await freePort();
  run('pg_ctl', ['start', '-D', data, '-l', join(folder, 'server.log'), '-w', '-t', '60', '-o', `-k ${folder} -h 127.0.0.1 -p ${port}`]);
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    version: run('pg_ctl', ['--version']).trim(),
    stop() {
      try {
        run('pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w']);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}
