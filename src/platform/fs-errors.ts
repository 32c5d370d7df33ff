/** "ENOSPC: no space left on device, write" → "no space left on device (ENOSPC)". */
export function describeFsError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  const match = /^[A-Z]+: ([^,]+)/.exec(error.message);
  if (code && match) return `${match[1]} (${code})`;
  return error.message;
}

export function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}
