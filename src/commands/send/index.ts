import type { Command } from 'commander';
import { type DepsFactory, lazyAction, withExamples } from '../../cli/command.js';

export function registerSend(program: Command, makeDeps: DepsFactory): void {
  withExamples(
    program
      .command('send')
      .summary('email invoices with their PDF, or payment reminders, exactly once')
      .description(
        'Email invoices to their customers with the PDF attached, through the outbox: every message is recorded before it ' +
          'leaves and marked sent when the server accepts it, so a batch that stops half-way resumes without duplicates. ' +
          'With --eml (or the setting mail.transport file) the messages are written as .eml files to outbox/ beside the store ' +
          'instead; without either and without an SMTP server, nothing is sent and the exit code is 2.',
      )
      .argument('[invoice...]', 'numbers or ids of invoices to send')
      .option('--unsent', 'every issued, unpaid invoice never sent')
      .option('--overdue', 'a payment reminder for each overdue invoice')
      .option('--reminder', 'send the named invoices as payment reminders')
      .option('--every <days>', 'at most one reminder per invoice per this many days', '7')
      .option('--customer <customer>', 'with --unsent/--overdue: only this customer (id or email)')
      .option('--from <date>', 'with --unsent/--overdue: issued on or after this date')
      .option('--to <date|email>', 'with --unsent/--overdue: issued on or before this date; with one invoice: the recipient(s), instead of the customer')
      .option('--cc <email>', 'with one invoice: copy to these addresses (comma-separated)')
      .option('--bcc <email>', 'with one invoice: blind copy to these addresses (comma-separated)')
      .option('--resend', 'send again what was sent already (or failed)')
      .option('--eml', 'write each message as an .eml file to outbox/ instead of sending it (it counts as sent)')
      .option('--dry-run', 'send nothing: write each message that would go out as an .eml file, and print the folder')
      .option('--attach <format>', 'attach the e-invoice: ubl, peppol, xrechnung, cii, xrechnung-cii or facturx (the PDF becomes Factur-X); repeatable; default: the setting mail.attach', (name: string, names: string[] = []) => [...names, name])
      .option('--json', 'print { sent, skipped, failed }')
      .addHelpText('after', '\nExit codes: 0 nothing failed, 1 a message failed (the others went out), 2 the request is wrong.')
      .action(lazyAction(makeDeps, () => import('./send.js'))),
    [
      'smallpay send INV-2026-0001',
      'smallpay send INV-2026-0001 --to accounts@globex.test --cc boss@globex.test',
      'smallpay send --unsent --json',
      'smallpay send --overdue --every 14 --customer globex',
      'smallpay send --unsent --dry-run',
      'smallpay send INV-2026-0001 --eml',
    ],
  );
}
