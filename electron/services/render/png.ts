import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function greyscalePng(width: number, height: number, raw: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** One PNG scanline (filter byte, then 1 bit per pixel, white unless `black(x)`). */
function scanline(width: number, black: (x: number) => boolean): Buffer {
  const line = Buffer.alloc(Math.ceil(width / 8) + 1, 0xff);
  line[0] = 0; // filter: none
  for (let x = 0; x < width; x += 1) {
    if (black(x)) line[1 + (x >> 3)] = (line[1 + (x >> 3)] as number) & ~(0x80 >> (x & 7));
  }
  return line;
}

/**
 * A black-and-white PNG of a square grid of modules (a QR code): `dark(col, row)` per module,
 * each `scale` pixels wide, with `margin` white modules around it.
 */
export function encodeModulePng(
  size: number,
  dark: (col: number, row: number) => boolean,
  scale: number,
  margin: number,
): { png: Buffer; width: number } {
  const width = (size + 2 * margin) * scale;
  const lines: Buffer[] = [];
  for (let y = 0; y < width; y += 1) {
    const row = Math.floor(y / scale) - margin;
    lines.push(
      scanline(width, (x) => {
        const col = Math.floor(x / scale) - margin;
        return row >= 0 && row < size && col >= 0 && col < size && dark(col, row);
      }),
    );
  }
  return { png: greyscalePng(width, width, Buffer.concat(lines)), width };
}

/**
 * A black-and-white PNG (1 bit per pixel) whose rows are all `row`: exactly the shape of a 1-D
 * barcode. `row[x]` true means black. Far cheaper than drawing it through a canvas per recipient.
 */
export function encodeStripedPng(row: boolean[], height: number): Buffer {
  const line = scanline(row.length, (x) => row[x] === true);
  const raw = Buffer.alloc(line.length * height);
  for (let y = 0; y < height; y += 1) line.copy(raw, y * line.length);
  return greyscalePng(row.length, height, raw);
}
