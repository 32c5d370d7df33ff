/**
 * The one writer of files other than through the store's adapter (PDFs, .eml, exports), and the API the
 * store's adapter shares. STUB: issue 9 item 2 replaces the body (exclusive random temp file, fsync of file
 * and folder, character devices and FIFOs written directly, symlinks refused unless asked, crash-at-step hook).
 */
import { writeFileAtomically } from '../cli/output-file.js';

export interface AtomicWriteOptions {
  /** File mode of a new file; an existing file keeps its own. Default 0o600. */
  mode?: number;
  /** Replace a symlink at `path` by a regular file instead of refusing (`--force`-style opt-in). */
  replaceSymlink?: boolean;
}

export async function writeFileAtomic(path: string, bytes: Uint8Array | string, options: AtomicWriteOptions = {}): Promise<void> {
  await writeFileAtomically(path, typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes, options.mode ?? 0o600);
}
