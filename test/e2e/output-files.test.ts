/** Where `--out` points at something other than a regular file: devices, FIFOs, symlinks (issue 9 item 2). */
import { execFileSync } from 'node:child_process';
import { createReadStream, lstatSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, sandbox, seedBusiness } from '../support/cli.js';

let box: Sandbox;
beforeAll(async () => {
  box = sandbox();
  await seedBusiness(box);
  await box.ok(['invoice', 'new', '--customer', 'globex', '--item', 'Consulting', '--price', '100']);
});
afterAll(() => box.cleanup());

const pdfTo = (out: string) => box.run(['invoice', 'pdf', 'INV-2026-0001', '--out', out]);

describe('invoice pdf --out', () => {
  let deviceChecked = false;

  it('writes into a character device directly, leaving the device node in place', async () => {
    // A private copy of /dev/null first (root only): a regression replaces this node, never the system's.
    const device = join(box.home, 'null-device');
    try {
      execFileSync('mknod', [device, 'c', '1', '3'], { stdio: 'ignore' });
    } catch {
      deviceChecked = process.getuid?.() !== 0;
      return;
    }
    const result = await pdfTo(device);
    expect(result.stderr).toBe(`Wrote ${device}\n`);
    expect(result.code).toBe(0);
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
    expect(readdirSync(box.home).filter((name) => name.includes('null-device'))).toEqual(['null-device']);
    deviceChecked = true;
  });

  it('writes into /dev/null, which stays a character device', async () => {
    expect(deviceChecked, 'the private device test must pass first').toBe(true);
    const result = await pdfTo('/dev/null');
    expect(result.code).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('writes to /dev/stdout', async () => {
    expect(deviceChecked).toBe(true);
    const result = await pdfTo('/dev/stdout');
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('%PDF-')).toBe(true);
  });

  it('writes into a FIFO with a reader, which stays a FIFO', async () => {
    const fifo = join(box.home, 'pdf-pipe');
    execFileSync('mkfifo', [fifo]);
    const received = new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      createReadStream(fifo)
        .on('data', (chunk) => chunks.push(chunk as Buffer))
        .on('end', () => resolve(Buffer.concat(chunks)))
        .on('error', reject);
    });
    const result = await pdfTo(fifo);
    expect(result.code).toBe(0);
    expect((await received).subarray(0, 5).toString()).toBe('%PDF-');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('refuses a symlink, exit 1 and one line, leaving the link and its target as they were', async () => {
    const target = join(box.home, 'kept.txt');
    const link = join(box.home, 'link.pdf');
    writeFileSync(target, 'do not overwrite');
    symlinkSync(target, link);
    const result = await pdfTo(link);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`smallpay: refusing to replace ${link}: it is a symbolic link; write to the file it points to, or remove the link first; nothing was written\n`);
    expect(readlinkSync(link)).toBe(target);
    expect(readFileSync(target, 'utf8')).toBe('do not overwrite');
  });

  it('still replaces a regular file atomically, leaving no temporary file', async () => {
    const out = join(box.home, 'regular.pdf');
    writeFileSync(out, 'old');
    expect((await pdfTo(out)).code).toBe(0);
    expect(readFileSync(out, 'latin1').startsWith('%PDF-')).toBe(true);
    expect(readdirSync(box.home).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
