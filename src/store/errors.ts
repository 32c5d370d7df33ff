/** Failures of the store file itself; the CLI maps every one to exit code 1 ("any other failure"). */
export type StoreErrorKind = 'corrupt' | 'locked' | 'io' | 'too-new';

export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}
