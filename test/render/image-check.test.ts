import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ImageRefusedError, checkImage } from '../../src/render/pdf/image-check.js';

/** A 1×1 RGBA PNG. */
export const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
/** A 16×16 baseline JFIF image (CPython's test image python.jpg, PSF licence). */
export const JPEG_16PX = Buffer.from(
  '/9j/4AAQSkZJRgABAQEAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/2wBDAQMDAwQDBAgEBAgQCwkLEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBD/wAARCAAQABADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAABwQF/8QAJBAAAQQBBAICAwAAAAAAAAAAAQIDBAYFBwgSExEiABQJMTL/xAAVAQEBAAAAAAAAAAAAAAAAAAAABv/EACMRAAECBQMFAAAAAAAAAAAAAAECEQMEBQYhABIxFRZhgeH/2gAMAwEAAhEDEQA/ABSm0mobc8HmExLUlRzzEWPkJWW+ulrsaUVAseUgslSlH9LKuPryIKuWPZdskzXmm3fX5m2nF4GlVxx/HOpx4ks51+MiU/Iaad7UcUo4tILoS4kqcWkezS0hO/HvuRp0rO6hWnWO1UisZVuFi4GFeyEpmGepa5S5SWVPuciFKRFLgSrwetnyPIB+Vb4N9mKhQMzo5po9XLdDs9d6ZVix2VEhiL9kuNPxw2gEKcDQ/rs8AuA8VAe0vdl7VOYn+27flGAUgmITjbhSmCg3BYlyeWDkMolvw4KOp1KM6iCNvngZHwetf//Z',
  'base64',
);

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body, crc32(Buffer.from(type, 'latin1'))) >>> 0, 0);
  return Buffer.concat([head, body, crc]);
}

/** A PNG built from parts, with correct CRCs: what a broken encoder, not a damaged transfer, produces. */
export function pngOf(width: number, height: number, pixelData: Buffer, colourType = 6): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = colourType;
  return Buffer.concat([PNG_1PX.subarray(0, 8), chunk('IHDR', ihdr), chunk('IDAT', pixelData), chunk('IEND', Buffer.alloc(0))]);
}

const refusal = (bytes: Buffer) => {
  try {
    checkImage(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(ImageRefusedError);
    return (error as Error).message;
  }
  throw new Error('the image was accepted');
};

describe('logo decoding', () => {
  it('accepts whole PNG and JPEG images and reads their size', () => {
    expect(checkImage(PNG_1PX)).toEqual({ type: 'png', width: 1, height: 1 });
    expect(checkImage(JPEG_16PX)).toEqual({ type: 'jpeg', width: 16, height: 16 });
    expect(checkImage(pngOf(2, 2, deflateSync(Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8]))))).toMatchObject({ width: 2, height: 2 });
  });

  it('refuses a PNG cut short, with a damaged chunk, or whose pixels do not decode', () => {
    expect(refusal(PNG_1PX.subarray(0, 40))).toMatch(/cut short/);
    expect(refusal(PNG_1PX.subarray(0, PNG_1PX.length - 12))).toMatch(/no IEND chunk/);
    const flipped = Buffer.from(PNG_1PX);
    flipped[45] = (flipped[45] ?? 0) ^ 0xff; // a byte inside IDAT
    expect(refusal(flipped)).toMatch(/IDAT chunk is damaged \(CRC mismatch\)/);
    expect(refusal(pngOf(1, 1, Buffer.from('not zlib at all')))).toMatch(/cannot be decompressed/);
    expect(refusal(pngOf(4, 4, deflateSync(Buffer.alloc(5))))).toMatch(/holds 5 bytes where 4×4 needs 68/);
    expect(refusal(pngOf(1, 1, deflateSync(Buffer.from([9, 0, 0, 0, 0]))))).toMatch(/unknown row filter/);
    expect(refusal(pngOf(1, 1, deflateSync(Buffer.alloc(5)), 5))).toMatch(/colour type 5 is not a valid PNG/);
    expect(refusal(pngOf(20_000, 1, deflateSync(Buffer.alloc(5))))).toMatch(/more than a logo needs/);
  });

  it('refuses a JPEG cut short or without a frame header', () => {
    expect(refusal(JPEG_16PX.subarray(0, 300))).toMatch(/cut short/);
    expect(refusal(JPEG_16PX.subarray(0, 100))).toMatch(/cut short/);
    expect(refusal(Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02, 0xff, 0xd9]))).toMatch(/no frame header/);
  });
});
