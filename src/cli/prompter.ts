/**
 * Questions to the person at the terminal. Commands ask only through this interface; the real one loads
 * @inquirer/prompts on first use (it costs ~55 ms to import), and commands consult canPrompt(io) first,
 * so without a TTY nothing ever waits for an answer.
 */
import { CancelledError } from './errors.js';

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
}

export interface Prompter {
  /** `validate` returns an error message, or undefined when the answer is acceptable. */
  input(message: string, options?: { default?: string; validate?: (answer: string) => string | undefined }): Promise<string>;
  select<T>(message: string, choices: Choice<T>[]): Promise<T>;
  /** A list narrowed as the person types: `source` gives the choices for what is typed so far ('' at first). */
  search<T>(message: string, source: (term: string) => Choice<T>[]): Promise<T>;
  confirm(message: string, defaultAnswer?: boolean): Promise<boolean>;
}

type Inquirer = typeof import('@inquirer/prompts');

async function cancellable<T>(question: Promise<T>): Promise<T> {
  try {
    return await question;
  } catch (error) {
    if (error instanceof Error && error.name === 'ExitPromptError') throw new CancelledError('cancelled');
    throw error;
  }
}

/** Prompts on stderr, so that stdout carries only data even in a terminal. */
export function createInquirerPrompter(): Prompter {
  let loaded: Promise<Inquirer> | undefined;
  const inquirer = () => (loaded ??= import('@inquirer/prompts'));
  const context = { output: process.stderr };
  return {
    async input(message, options = {}) {
      const { input } = await inquirer();
      const { validate } = options;
      return cancellable(
        input(
          {
            message,
            ...(options.default !== undefined && { default: options.default }),
            ...(validate && { validate: (answer: string) => validate(answer) ?? true }),
          },
          context,
        ),
      );
    },
    async select(message, choices) {
      const { select } = await inquirer();
      return cancellable(select({ message, choices, pageSize: 12 }, context));
    },
    async search(message, source) {
      const { search } = await inquirer();
      return cancellable(search({ message, source: async (term) => source(term ?? ''), pageSize: 12 }, context));
    },
    async confirm(message, defaultAnswer = false) {
      const { confirm } = await inquirer();
      return cancellable(confirm({ message, default: defaultAnswer }, context));
    },
  };
}

/** A prompt validator from a field check of the core: the check's message, without its field name. */
export function validatorFor(check: (value: string, field: string) => unknown): (answer: string) => string | undefined {
  return (answer) => {
    try {
      check(answer, 'answer');
      return undefined;
    } catch (error) {
      return (error as Error).message.replace(/^answer: /, '');
    }
  };
}
