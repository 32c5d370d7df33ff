/**
 * Decodes enough of a logo to know the PDF engine can draw it, when `config set pdf.logo` is run and again
 * before a PDF is made. Magic bytes alone are not enough: a PNG cut short, or with a damaged chunk, passes them
 * and then fails (or draws garbage) in every PDF.
 * - PNG: every chunk's length and CRC, IHDR (size, bit depth and colour type allowed together), PLTE for
 *   palette images, the IDAT stream inflated to exactly the size IHDR promises, a valid filter byte per row,
 *   IEND last.
 * - JPEG: the markers up to the start of scan, with a frame header (SOFn) of sane size, and an end-of-image marker.
 * Images are at most MAX_IMAGE_SIDE pixels a side and MAX_IMAGE_PIXELS in all: a logo, not a poster.
 */
import { crc32, inflateSync } from 'node:zlib';

export const MAX_IMAGE_SIDE = 10_000;
export const MAX_IMAGE_PIXELS = 25_000_000;

export interface ImageInfo {
  type: 'png' | 'jpeg';
  width: number;
  height: number;
}

export class ImageRefusedError extends Error {
  override readonly name = 'ImageRefusedError';
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && Buffer.from(bytes.buffer, bytes.byteOffset, 8).equals(PNG_SIGNATURE);
}

export function isJpeg(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

function checkSize(width: number, height: number): void {
  if (width < 1 || height < 1) throw new ImageRefusedError(`its size ${width}×${height} is empty`);
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) {
    throw new ImageRefusedError(`${width}×${height} pixels is more than a logo needs (at most ${MAX_IMAGE_SIDE} a side, ${MAX_IMAGE_PIXELS / 1_000_000} megapixels)`);
  }
}

/** Bits per pixel of each colour type, by the bit depths the PNG specification allows for it. */
const PNG_CHANNELS: Record<number, { channels: number; depths: number[] }> = {
  0: { channels: 1, depths: [1, 2, 4, 8, 16] }, // grey
  2: { channels: 3, depths: [8, 16] }, // RGB
  3: { channels: 1, depths: [1, 2, 4, 8] }, // palette
  4: { channels: 2, depths: [8, 16] }, // grey + alpha
  6: { channels: 4, depths: [8, 16] }, // RGBA
};

/** The sizes of the image's passes: one for a plain image, the seven Adam7 passes of an interlaced one. */
function passSizes(width: number, height: number, interlaced: boolean): [number, number][] {
  if (!interlaced) return [[width, height]];
  const adam7 = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]] as const;
  return adam7.map(([x, y, dx, dy]): [number, number] => [Math.ceil((width - x) / dx), Math.ceil((height - y) / dy)]).filter(([w, h]) => w > 0 && h > 0);
}

function checkPng(bytes: Buffer): ImageInfo {
  let offset = 8;
  let header: { width: number; height: number; depth: number; colour: number; interlaced: boolean } | undefined;
  let palette = false;
  let ended = false;
  const data: Buffer[] = [];
  let lastType = '';
  while (offset < bytes.length) {
    if (offset + 12 > bytes.length) throw new ImageRefusedError('it ends in the middle of a chunk (the file is cut short)');
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    if (!/^[A-Za-z]{4}$/.test(type)) throw new ImageRefusedError(`it has a damaged chunk at byte ${offset}`);
    if (offset + 12 + length > bytes.length) throw new ImageRefusedError(`its ${type} chunk ends past the end of the file (the file is cut short)`);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (crc32(body, crc32(bytes.subarray(offset + 4, offset + 8))) >>> 0 !== bytes.readUInt32BE(offset + 8 + length)) {
      throw new ImageRefusedError(`its ${type} chunk is damaged (CRC mismatch)`);
    }
    if (header === undefined && type !== 'IHDR') throw new ImageRefusedError('it does not start with an IHDR chunk');
    if (type === 'IHDR') {
      if (header !== undefined || length !== 13) throw new ImageRefusedError('its IHDR chunk is malformed');
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), depth: body[8] ?? 0, colour: body[9] ?? 0, interlaced: body[12] === 1 };
      const allowed = PNG_CHANNELS[header.colour];
      if (!allowed || !allowed.depths.includes(header.depth)) throw new ImageRefusedError(`bit depth ${header.depth} with colour type ${header.colour} is not a valid PNG`);
      if (body[10] !== 0 || body[11] !== 0 || (body[12] ?? 2) > 1) throw new ImageRefusedError('its IHDR chunk names an unknown compression, filter or interlace method');
      checkSize(header.width, header.height);
    } else if (type === 'PLTE') {
      palette = true;
    } else if (type === 'IDAT') {
      if (data.length > 0 && lastType !== 'IDAT') throw new ImageRefusedError('its IDAT chunks are not consecutive');
      data.push(body);
    } else if (type === 'IEND') {
      ended = true;
      offset += 12 + length;
      break;
    }
    lastType = type;
    offset += 12 + length;
  }
  if (!header) throw new ImageRefusedError('it has no IHDR chunk');
  if (!ended) throw new ImageRefusedError('it has no IEND chunk (the file is cut short)');
  if (header.colour === 3 && !palette) throw new ImageRefusedError('it is a palette image without a palette');
  if (data.length === 0) throw new ImageRefusedError('it has no image data');

  const bitsPerPixel = (PNG_CHANNELS[header.colour]?.channels ?? 1) * header.depth;
  const passes = passSizes(header.width, header.height, header.interlaced).map(([w, h]) => ({ rowBytes: 1 + Math.ceil((w * bitsPerPixel) / 8), rows: h }));
  const expected = passes.reduce((sum, pass) => sum + pass.rowBytes * pass.rows, 0);
  let pixels: Buffer;
  try {
    pixels = inflateSync(Buffer.concat(data), { maxOutputLength: expected + 1 });
  } catch (error) {
    throw new ImageRefusedError(`its image data cannot be decompressed (${(error as Error).message})`);
  }
  if (pixels.length !== expected) throw new ImageRefusedError(`its image data holds ${pixels.length} bytes where ${header.width}×${header.height} needs ${expected}`);
  let row = 0;
  for (const pass of passes) {
    for (let index = 0; index < pass.rows; index += 1, row += pass.rowBytes) {
      if ((pixels[row] ?? 0) > 4) throw new ImageRefusedError('its image data has an unknown row filter');
    }
  }
  return { type: 'png', width: header.width, height: header.height };
}

/** Frame header markers (SOF0–SOF15 but DHT C4, JPG C8 and DAC CC). */
const JPEG_FRAME_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function checkJpeg(bytes: Buffer): ImageInfo {
  let offset = 2;
  let frame: { width: number; height: number } | undefined;
  for (;;) {
    if (offset + 4 > bytes.length) throw new ImageRefusedError('it ends before its image data (the file is cut short)');
    if (bytes[offset] !== 0xff) throw new ImageRefusedError(`it has a damaged marker at byte ${offset}`);
    const marker = bytes[offset + 1] ?? 0;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0xd9 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) throw new ImageRefusedError(`it has a misplaced marker at byte ${offset}`);
    const length = bytes.readUInt16BE(offset + 2);
    if (length < 2 || offset + 2 + length > bytes.length) throw new ImageRefusedError(`its segment at byte ${offset} ends past the end of the file (the file is cut short)`);
    if (JPEG_FRAME_MARKERS.has(marker)) {
      if (length < 8) throw new ImageRefusedError('its frame header is malformed');
      const components = bytes[offset + 9] ?? 0;
      if (![1, 3, 4].includes(components) || length !== 8 + 3 * components) throw new ImageRefusedError(`its frame header has ${components} colour components`);
      frame = { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
      checkSize(frame.width, frame.height);
    }
    if (marker === 0xda) break; // start of scan: entropy-coded data follows
    offset += 2 + length;
  }
  if (!frame) throw new ImageRefusedError('it has no frame header (SOF) before its image data');
  // The entropy-coded data runs to the end-of-image marker; trailing bytes after it are tolerated.
  if (bytes.indexOf(Buffer.from([0xff, 0xd9]), offset) < 0) throw new ImageRefusedError('it has no end-of-image marker (the file is cut short)');
  return { type: 'jpeg', ...frame };
}

/** What the image is, or an ImageRefusedError saying why it cannot be drawn. */
export function checkImage(bytes: Buffer): ImageInfo {
  if (isPng(bytes)) return checkPng(bytes);
  if (isJpeg(bytes)) return checkJpeg(bytes);
  throw new ImageRefusedError('not a PNG or JPEG image');
}
