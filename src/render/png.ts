// A PNG's resolution: the pHYs chunk (PNG specification, 11.3.5.3), in pixels per metre.
import { crc32 } from 'node:zlib';

/**
 * Writes a resolution into PNG bytes, so that a journal's or layout program's check reads it.
 *
 * @param png The bytes of a PNG without a pHYs chunk (as resvg writes it).
 * @param dpi Dots per inch.
 * @returns The PNG with a pHYs chunk after its header chunk.
 * @example
 * withResolution(png, 600); // pHYs: 23622 pixels per metre in x and y, unit metre
 */
export function withResolution(png: Uint8Array, dpi: number): Uint8Array {
  const perMetre = Math.round(dpi / 0.0254);
  const chunk = Buffer.alloc(21);
  chunk.writeUInt32BE(9, 0);
  chunk.write('pHYs', 4, 'latin1');
  chunk.writeUInt32BE(perMetre, 8);
  chunk.writeUInt32BE(perMetre, 12);
  chunk.writeUInt8(1, 16); // unit: metre
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 17)), 17);
  const header = 8 + 25; // signature, then IHDR (length, type, 13 bytes of data, CRC)
  return new Uint8Array(Buffer.concat([png.subarray(0, header), chunk, png.subarray(header)]));
}
