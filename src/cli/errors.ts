/**
 * The request is wrong in a way the core cannot see: a missing flag, two flags that exclude each other.
 * Mapped to exit code 2 with the domain's errors (main.ts).
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** The person at the terminal pressed Ctrl-C at a prompt. */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
}

/**
 * The command did its work but part of it failed (a message that could not be sent): its output is still
 * written to stdout, then the run ends with exit code 1 and this one-line message.
 */
export class PartialFailure extends Error {
  override readonly name = 'PartialFailure';
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(message);
  }
}

/**
 * A request refused for several reasons at once (an e-invoice that misses fields): main.ts prints the
 * message, then one line per problem, and exits 2, so each missing field can be read and fixed.
 */
export class ProblemListError extends Error {
  override readonly name = 'ProblemListError';
  constructor(
    message: string,
    readonly problems: readonly string[],
  ) {
    super(message);
  }
}
