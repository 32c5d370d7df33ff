/**
 * `smallpay completion <shell>`: prints templates/completion/smallpay.<shell>. The scripts know nothing of
 * the commands: at each <TAB> they pass the words to `smallpay __complete` (complete.ts), which reads the
 * command tree, so they never go stale.
 */
import { readFile } from 'node:fs/promises';
import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { UsageError } from '../../cli/errors.js';
import { packagePath } from '../../platform/package-root.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

export interface CompletionOptions {
  shell: Shell;
}

export function toOptions({ args }: RawInput): CompletionOptions {
  const shell = SHELLS.find((name) => name === args[0]);
  if (!shell) throw new UsageError(`completion: unknown shell '${args[0]}'`, `one of ${SHELLS.join(', ')}`);
  return { shell };
}

export async function run(options: CompletionOptions, _deps: Deps): Promise<string> {
  return readFile(packagePath('templates', 'completion', `smallpay.${options.shell}`), 'utf8');
}
