import { deflateSync } from 'node:zlib';

/**
 * A plain portrait for a demo staff member's photo (a head and shoulders on a coloured ground), as a
 * PNG, so the local stack shows what an elder sees at the door without shipping anyone's real face.
 */
type Rgb = [number, number, number];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function portraitPng(ground: Rgb, clothes: Rgb, hair: Rgb, size = 192): Buffer {
  const skin: Rgb = [240, 200, 170];
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      const [u, v] = [x / size - 0.5, y / size];
      const head = u * u + (v - 0.42) ** 2 < 0.038;
      const hairCap = u * u + (v - 0.36) ** 2 < 0.042 && v < 0.36;
      const shoulders = (u / 0.42) ** 2 + ((v - 1.02) / 0.34) ** 2 < 1;
      const colour = hairCap ? hair : head ? skin : shoulders ? clothes : ground;
      row.set(colour, 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
