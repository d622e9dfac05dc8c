// Run: node scripts/make-icons.mjs (rewrites addin/assets/icon-16/32/64/80.png).
// One-off generator of the Pokin ribbon icons: a green rounded square with a white
// three-box hierarchy (a pohon kinerja). Supersampled 4x4 for anti-aliasing.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
const crcTable = new Uint32Array(256).map((_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => { const len = Buffer.alloc(4); len.writeUInt32BE(data.length); const td = Buffer.concat([Buffer.from(type), data]); const c = Buffer.alloc(4); c.writeUInt32BE(crc(td)); return Buffer.concat([len, td, c]); };
function png(size, rgba) {
  const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4); ihdr[8] = 8; ihdr[9] = 6;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) { raw[y * (size * 4 + 1)] = 0; rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4); }
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}
// Shapes in unit coordinates (0..1).
const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r), cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const boxes = [[0.34, 0.16, 0.66, 0.38], [0.12, 0.62, 0.44, 0.84], [0.56, 0.62, 0.88, 0.84]];
const lines = [[0.47, 0.38, 0.53, 0.52], [0.25, 0.47, 0.75, 0.53], [0.25, 0.47, 0.31, 0.62], [0.69, 0.47, 0.75, 0.62]];
function pixel(x, y) {
  if (!inRoundRect(x, y, 0.02, 0.02, 0.98, 0.98, 0.18)) return null;
  const white = boxes.some(([a, b, c, d]) => inRoundRect(x, y, a, b, c, d, 0.04)) || lines.some(([a, b, c, d]) => x >= a && x <= c && y >= b && y <= d);
  return white ? [255, 255, 255] : [0x1e, 0x7b, 0x4a];
}
for (const size of [16, 32, 64, 80]) {
  const ss = 4, out = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) for (let px = 0; px < size; px++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < ss; sy++) for (let sx = 0; sx < ss; sx++) {
      const p = pixel((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
      if (p) { r += p[0]; g += p[1]; b += p[2]; a++; }
    }
    const i = (py * size + px) * 4;
    if (a) { out[i] = Math.round(r / a); out[i + 1] = Math.round(g / a); out[i + 2] = Math.round(b / a); out[i + 3] = Math.round((255 * a) / (ss * ss)); }
  }
  writeFileSync(new URL(`../addin/assets/icon-${size}.png`, import.meta.url), png(size, out));
}
