/**
 * Errors of the business rules. The core knows nothing of exit codes: the CLI maps every DomainError to
 * "the request is wrong" (exit 2).
 * - invalid: a value that can never be right (a malformed date, an unknown currency);
 * - not-found: a customer or invoice that does not exist;
 * - refused: a valid request that a business rule forbids right now (paying a void invoice).
 */
export type DomainErrorKind = 'invalid' | 'not-found' | 'refused';

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

export function invalid(message: string, hint?: string): DomainError {
  return new DomainError('invalid', message, hint);
}

export function notFound(message: string, hint?: string): DomainError {
  return new DomainError('not-found', message, hint);
}

export function refused(message: string, hint?: string): DomainError {
  return new DomainError('refused', message, hint);
}
