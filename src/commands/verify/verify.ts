import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { PartialFailure } from '../../cli/errors.js';
import { verifyStore } from '../../domain/verify.js';
import { toJsonText } from '../../render/json.js';
import { cell, plural } from '../../render/text.js';

export interface VerifyOptions {
  json: boolean;
}

export function toOptions({ opts }: RawInput): VerifyOptions {
  return { json: opts.json === true };
}

export async function run(options: VerifyOptions, deps: Deps): Promise<string> {
  const store = await deps.store();
  // A mistyped SMALLPAY_STORE in a cron job must fail, not pass as an empty store.
  const { doc, problems } = (await store.exists()) ? await store.readForCheck() : { doc: undefined, problems: [`${store.path} does not exist`] };
  const checks = [{ name: 'schema', problems }, ...(doc ? verifyStore(doc, deps.runIdentity()) : [])].map((check) => ({ name: check.name, ok: check.problems.length === 0, problems: check.problems }));
  const ok = checks.every((check) => check.ok) && doc !== undefined;
  const count = checks.reduce((sum, check) => sum + check.problems.length, 0);
  let output: string;
  if (options.json) {
    output = toJsonText({ ok, store: store.path, checks }, deps.io.stdoutIsTTY);
  } else {
    output = checks.map((check) => (check.ok ? `ok      ${check.name}\n` : `FAILED  ${check.name}\n${check.problems.map((problem) => `        ${cell(problem)}\n`).join('')}`)).join('');
    if (!doc) output += 'skipped numbers, totals, recurring, outbox: the store could not be read\n';
  }
  if (!ok) throw new PartialFailure(`store ${store.path} failed verification: ${plural(count, 'problem')}`, output);
  deps.io.err.write(`Store ${store.path} verified: no problems\n`);
  return output;
}
