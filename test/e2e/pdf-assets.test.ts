// Files named by PDF settings (logo, fonts, labels) are read only when they are regular files within their
// documented limits, when `config set` is run and again when a PDF is made (issue 9, items 8 and 14).
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, sandbox, seedBusiness } from '../support/cli.js';
import { JPEG_16PX, PNG_1PX, pngOf } from '../render/image-check.test.js';

let box: Sandbox;

beforeAll(async () => {
  box = sandbox();
  await seedBusiness(box);
  await box.ok(['invoice', 'new', '--customer', 'globex', '--date', '2026-11-01', '--item', 'Design', '--price', '100']);
});
afterAll(() => box.cleanup());

/** A file of `size` bytes that takes no disk space. */
function sparseFile(name: string, size: number): string {
  const path = join(box.home, name);
  closeSync(openSync(path, 'w'));
  execFileSync('truncate', ['-s', String(size), path]);
  return path;
}

function fifo(name: string): string {
  const path = join(box.home, name);
  rmSync(path, { force: true });
  execFileSync('mkfifo', [path]);
  return path;
}

async function refused(args: string[], message: RegExp) {
  const result = await box.run(args);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^smallpay: [^\n]+\n$/);
  expect(result.stderr).toMatch(message);
}

const MB = 1024 * 1024;

describe('PDF asset files are bounded regular files', () => {
  // A FIFO without a writer blocks a plain open() forever: these tests end well before the default timeout.
  it('refuses a logo at /dev/zero, a FIFO or past 5 MB when it is set', { timeout: 15_000 }, async () => {
    await refused(['config', 'set', 'logo', '/dev/zero'], /pdf\.logo: logo \/dev\/zero is a character device, not a regular file/);
    await refused(['config', 'set', 'logo', fifo('logo.fifo')], /pdf\.logo: logo .*logo\.fifo is a FIFO, not a regular file/);
    await refused(['config', 'set', 'logo', sparseFile('huge.png', 5 * MB + 1)], /pdf\.logo: logo .*huge\.png is larger than the 5 MB limit/);
    expect(JSON.parse((await box.ok(['config', 'show', '--json'])).stdout).pdf.logo).toBeNull();
  });

  it('refuses a font at a FIFO or past 50 MB, and a labels file at a FIFO or past 1 MB', { timeout: 15_000 }, async () => {
    await refused(['config', 'set', 'pdf.font', fifo('font.fifo')], /pdf\.font: font .*font\.fifo is a FIFO, not a regular file/);
    await refused(['config', 'set', 'pdf.fontBold', '/dev/zero'], /pdf\.fontBold: font \/dev\/zero is a character device/);
    await refused(['config', 'set', 'pdf.font', sparseFile('huge.ttf', 50 * MB + 1)], /pdf\.font: font .*huge\.ttf is larger than the 50 MB limit/);
    const labels = join(box.home, 'labels');
    mkdirSync(labels, { recursive: true });
    fifo('labels/it.json');
    await refused(['config', 'set', 'pdf.labels', labels], /pdf\.labels: labels file .*it\.json is a FIFO/);
    rmSync(join(labels, 'it.json'));
    sparseFile('labels/it.json', MB + 1);
    await refused(['config', 'set', 'pdf.labels', labels], /pdf\.labels: labels file .*it\.json is larger than the 1 MB limit/);
  });

  it('refuses a font cut short when it is set and when a PDF is made', async () => {
    const { createRequire } = await import('node:module');
    const require = createRequire(import.meta.url);
    const roboto = readFileSync(join(require.resolve('pdfmake/package.json'), '..', 'fonts', 'Roboto', 'Roboto-Italic.ttf'));
    const font = join(box.home, 'cut.ttf');
    writeFileSync(font, roboto.subarray(0, 30_000));
    await refused(['config', 'set', 'pdf.font', font], /pdf\.font: .*cut\.ttf is a broken font: its \w+ table runs past the end of the file/);
    writeFileSync(font, roboto);
    await box.ok(['config', 'set', 'pdf.font', font]);
    writeFileSync(font, roboto.subarray(0, 30_000));
    await refused(['invoice', 'pdf', 'INV-2026-0001', '--out', join(box.home, 'refused.pdf')], /pdf\.font: .*cut\.ttf is a broken font/);
    await box.ok(['config', 'unset', 'pdf.font']);
  });

  it('refuses to make a PDF when a configured logo has become a FIFO or too big', { timeout: 15_000 }, async () => {
    const logo = join(box.home, 'later.png');
    writeFileSync(logo, PNG_1PX);
    await box.ok(['config', 'set', 'logo', logo]);
    const out = join(box.home, 'refused.pdf');
    rmSync(logo);
    fifo('later.png');
    await refused(['invoice', 'pdf', 'INV-2026-0001', '--out', out], /pdf\.logo: logo .*later\.png is a FIFO, not a regular file/);
    rmSync(logo);
    sparseFile('later.png', 5 * MB + 1);
    await refused(['invoice', 'pdf', 'INV-2026-0001', '--out', out], /pdf\.logo: logo .*later\.png is larger than the 5 MB limit/);
    expect(existsSync(out)).toBe(false);
    await box.ok(['config', 'unset', 'logo']);
  });
});

describe('a logo is decoded when it is set (issue 9, item 14)', () => {
  it('refuses a PNG with the right magic bytes but broken content, and a JPEG cut short', async () => {
    const write = (name: string, bytes: Buffer) => {
      writeFileSync(join(box.home, name), bytes);
      return join(box.home, name);
    };
    await refused(['config', 'set', 'logo', write('cut.png', PNG_1PX.subarray(0, 50))], /pdf\.logo: .*cut\.png is a broken PNG image: .*cut short/);
    const damaged = Buffer.from(PNG_1PX);
    damaged[45] = (damaged[45] ?? 0) ^ 0xff;
    await refused(['config', 'set', 'logo', write('damaged.png', damaged)], /pdf\.logo: .*damaged\.png is a broken PNG image: its IDAT chunk is damaged/);
    await refused(['config', 'set', 'logo', write('garbage.png', pngOf(8, 8, Buffer.from('garbage pixels')))], /broken PNG image: its image data cannot be decompressed/);
    await refused(['config', 'set', 'logo', write('cut.jpg', JPEG_16PX.subarray(0, 300))], /pdf\.logo: .*cut\.jpg is a broken JPEG image: .*cut short/);
    expect(JSON.parse((await box.ok(['config', 'show', '--json'])).stdout).pdf.logo).toBeNull();
  });

  it('accepts whole PNG and JPEG logos and draws them', async () => {
    writeFileSync(join(box.home, 'logo.jpg'), JPEG_16PX);
    await box.ok(['config', 'set', 'logo', join(box.home, 'logo.jpg')]);
    await box.ok(['invoice', 'pdf', 'INV-2026-0001', '--out', join(box.home, 'jpeg.pdf')]);
    writeFileSync(join(box.home, 'logo.png'), PNG_1PX);
    await box.ok(['config', 'set', 'logo', join(box.home, 'logo.png')]);
    await box.ok(['invoice', 'pdf', 'INV-2026-0001', '--out', join(box.home, 'png.pdf')]);
    await box.ok(['config', 'unset', 'logo']);
  });
});
