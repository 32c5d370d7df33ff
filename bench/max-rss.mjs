// Loaded with --import by bench/run.mjs in separate runs: records the process's peak memory at exit.
import { appendFileSync } from 'node:fs';

process.on('exit', () => {
  appendFileSync(process.env.SMALLPAY_BENCH_RSS_FILE, `${process.resourceUsage().maxRSS}\n`);
});
