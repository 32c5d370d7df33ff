// Loaded with --import by bench/ledger.mjs: records the process's CPU time (user + system, ms) at exit, the
// figure that holds when the 2-core machine is shared and wall times stretch with the neighbours' load.
import { appendFileSync } from 'node:fs';

process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  appendFileSync(process.env.SMALLPAY_BENCH_CPU_FILE, `${(user + system) / 1000}\n`);
});
