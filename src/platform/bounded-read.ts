/**
 * Reads a file a user named (`--input`, `pdf.logo`, `pdf.font`, labels) only if it is a regular file no larger
 * than a documented limit. The file is opened with O_NONBLOCK, so a FIFO cannot hang the open, and its type
 * and size are taken from the same descriptor that is read, so a swap between check and read cannot slip by.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export class FileRefusedError extends Error {
  override readonly name = 'FileRefusedError';
}

export const MiB = 1024 * 1024;

/** "a FIFO", "a character device", …: what a file that is not a regular one is, for a refusal. */
export function describeType(mode: number): string {
  const type = mode & constants.S_IFMT;
  if (type === constants.S_IFIFO) return 'a FIFO';
  if (type === constants.S_IFCHR) return 'a character device';
  if (type === constants.S_IFBLK) return 'a block device';
  if (type === constants.S_IFDIR) return 'a folder';
  if (type === constants.S_IFSOCK) return 'a socket';
  return 'not a regular file';
}

function formatLimit(bytes: number): string {
  return bytes % MiB === 0 ? `${bytes / MiB} MB` : `${bytes} bytes`;
}

/** The bytes of `path`; throws FileRefusedError (message names `what` and the path) for anything else. */
export function readRegularFile(path: string, maxBytes: number, what: string): Buffer {
  const descriptor = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = fstatSync(descriptor);
    if (!info.isFile()) throw new FileRefusedError(`${what} ${path} is ${describeType(info.mode)}, not a regular file`);
    if (info.size > maxBytes) throw new FileRefusedError(`${what} ${path} is larger than the ${formatLimit(maxBytes)} limit`);
    // Read at most one byte past the limit: a file growing while read is refused too.
    const buffer = Buffer.alloc(info.size + 1);
    let length = 0;
    for (;;) {
      const count = readSync(descriptor, buffer, length, buffer.length - length, null);
      if (count === 0) break;
      length += count;
      if (length > maxBytes) throw new FileRefusedError(`${what} ${path} is larger than the ${formatLimit(maxBytes)} limit`);
      if (length === buffer.length) break;
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(descriptor);
  }
}
