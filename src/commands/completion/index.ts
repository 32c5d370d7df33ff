import { Argument, type Command } from 'commander';
import { type DepsFactory, lazyAction, withExamples } from '../../cli/command.js';

export function registerCompletion(program: Command, makeDeps: DepsFactory): void {
  withExamples(
    program
      .command('completion')
      .summary('print the shell completion script for bash, zsh or fish')
      .description(
        'Print a completion script for bash, zsh or fish. It completes commands, flags, customer ids, invoice numbers and ' +
          'schedule ids (read from the store the command line names, without locking or writing it). Install it once: ' +
          'see the README, section "Shell completion".',
      )
      .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish']))
      .action(lazyAction(makeDeps, () => import('./script.js'))),
    [
      'smallpay completion bash > ~/.local/share/bash-completion/completions/smallpay',
      'smallpay completion zsh > ~/.zfunc/_smallpay',
      'smallpay completion fish > ~/.config/fish/completions/smallpay.fish',
    ],
  );
}
