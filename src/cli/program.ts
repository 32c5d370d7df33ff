/** The commander program: global options and the command tree. Verb modules load only when they run. */
import { Command } from 'commander';
import { registerAudit } from '../commands/audit/index.js';
import { registerConfig } from '../commands/config/index.js';
import { registerCustomer } from '../commands/customer/index.js';
import { registerDemo } from '../commands/demo/index.js';
import { registerInit } from '../commands/init/index.js';
import { registerInvoice } from '../commands/invoice/index.js';
import { registerOutbox } from '../commands/outbox/index.js';
import { registerRecurring } from '../commands/recurring/index.js';
import { registerVerify } from '../commands/verify/index.js';
import { registerReport } from '../commands/report/index.js';
import { registerSend } from '../commands/send/index.js';
import { registerStore } from '../commands/store/index.js';
import { registerExport } from '../commands/export/index.js';
import { registerCompletion } from '../commands/completion/index.js';
import { registerImport } from '../commands/import/index.js';
import type { DepsFactory } from './command.js';
import type { Io } from './io.js';
import { guardPathOptions } from './path-options.js';

export function buildProgram(io: Io, makeDeps: DepsFactory): Command {
  const program = new Command('smallpay')
    .description('Invoicing for freelancers and small businesses: exact to the cent, from the shell.')
    .version(SMALLPAY_VERSION, '-V, --version', 'print the version')
    .option('--store <path>', 'the store file (default: $SMALLPAY_STORE, else $XDG_DATA_HOME/smallpay/store.json)')
    .option('--no-color', 'no colour in output (as NO_COLOR=1 does)')
    .option('--debug', 'print stack traces of unexpected errors')
    .helpOption('-h, --help', 'show help for a command')
    .helpCommand('help [command]', 'show help for a command')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => void io.out.write(text),
      // Errors, and the help commander would print for a missing verb, are reported by main.ts in one
      // line, "smallpay: …", as every other error is.
      writeErr: () => undefined,
      outputError: () => undefined,
    })
    .addHelpText(
      'after',
      `
Examples:
  $ smallpay demo
  $ smallpay init --name "Ada Lovelace Consulting" --email ada@example.com --country DE
  $ smallpay customer add --id globex --name "Globex GmbH" --email ap@globex.test --lang de
  $ smallpay invoice new --customer globex --item "Design work" --qty 10 --price 150 --tax 19
  $ smallpay invoice list --status overdue --json

Exit codes: 0 success, 1 failure (store locked, unreadable or corrupt), 2 the request is wrong.`,
    );
  for (const register of [registerInit, registerConfig, registerCustomer, registerInvoice, registerSend, registerOutbox, registerReport, registerExport, registerImport, registerRecurring, registerVerify, registerAudit, registerStore, registerDemo, registerCompletion]) {
    register(program, makeDeps);
  }
  for (const group of program.commands) if (group.commands.length > 0) suggestVerbsBeforeDefault(group);
  guardPathOptions(program);
  return program;
}

/**
 * `smallpay report agin` would run the default verb (the dashboard) with 'agin' as an excess argument and
 * say "too many arguments". When a word that is no verb reaches a default verb that takes no arguments, it
 * was a mistyped verb: report it as commander reports unknown commands, with the nearest verb suggested.
 */
function suggestVerbsBeforeDefault(group: Command): void {
  group.hook('preSubcommand', (_group, verb) => {
    const [word] = group.args;
    if (word === undefined || word.startsWith('-') || verb.registeredArguments.length > 0) return;
    const known = word === 'help' || group.commands.some((command) => command.name() === word || command.aliases().includes(word));
    if (!known) (group as unknown as { unknownCommand(): never }).unknownCommand();
  });
}
