// Draws the tab-bar icons (81×81 PNG, grey + brand red) and the empty-state illustrations (240×240) with no
// image tooling: shapes are point-in-shape tests, 4×4 supersampled for anti-aliasing, written as RGBA PNG with
// node:zlib. Run: node miniapp/scripts/gen-tab-icons.mjs  (outputs to miniapp/src/assets/{tab,empty}/)
import { Buffer } from 'node:buffer';
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZE = 81;
const ASSETS = join(dirname(fileURLToPath(import.meta.url)), '../src/assets');
const OUT = join(ASSETS, 'tab');
const COLORS = { '': [0x7a, 0x7e, 0x83], '-active': [0xfa, 0x2c, 0x19] };

const inPoly = (pts) => (x, y) => {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i];
    const [xj, yj] = pts[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const rrect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const segment = (ax, ay, bx, by, w) => (x, y) => {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (w / 2) ** 2;
};
const union =
  (...fs) =>
  (x, y) =>
    fs.some((f) => f(x, y));
const minus = (a, b) => (x, y) => a(x, y) && !b(x, y);
const ring = (cx, cy, r, w) => minus(circle(cx, cy, r), circle(cx, cy, r - w));

const ICONS = {
  home: minus(
    union(
      inPoly([
        [40.5, 8],
        [5, 38],
        [12, 38],
        [12, 72],
        [69, 72],
        [69, 38],
        [76, 38],
      ]),
    ),
    rrect(33, 50, 48, 73, 3),
  ),
  category: union(rrect(9, 9, 37, 37, 7), circle(58, 23, 14), rrect(9, 44, 37, 72, 7), rrect(44, 44, 72, 72, 7)),
  cart: union(
    segment(5, 14, 15, 14, 6),
    segment(15, 14, 23, 52, 6),
    inPoly([
      [17, 22],
      [74, 22],
      [66, 50],
      [23, 50],
    ]),
    segment(23, 52, 66, 56, 5),
    circle(28, 66, 6.5),
    circle(61, 66, 6.5),
  ),
  search: union(ring(35, 35, 24, 8), segment(53, 53, 70, 70, 10)),
  box: union(
    minus(
      inPoly([
        [10, 28],
        [40.5, 14],
        [71, 28],
        [71, 60],
        [40.5, 74],
        [10, 60],
      ]),
      union(segment(16, 31, 40.5, 42, 4), segment(40.5, 42, 65, 31, 4), segment(40.5, 42, 40.5, 70, 4)),
    ),
  ),
  me: union(circle(40.5, 25, 15), (x, y) => y <= 73 && ((x - 40.5) / 29) ** 2 + ((y - 76) / 30) ** 2 <= 1),
};

function crc32(buf) {
  let c;
  let crc = 0xffffffff;
  for (const byte of buf) {
    c = (crc ^ byte) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
/**
 * Render `shape` (drawn on the 81×81 icon grid) into a `size`² RGBA PNG. With `disc`, the icon sits, scaled to
 * half the canvas, on a filled circle of that colour (the empty-state illustrations).
 */
function png(shape, [r, g, b], size = SIZE, disc) {
  const S = 4;
  const scale = disc ? SIZE / (size * 0.5) : SIZE / size;
  const offset = disc ? size * 0.25 : 0;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      let fg = 0;
      let bg = 0;
      for (let sy = 0; sy < S; sy++)
        for (let sx = 0; sx < S; sx++) {
          const px = x + (sx + 0.5) / S;
          const py = y + (sy + 0.5) / S;
          if (shape((px - offset) * scale, (py - offset) * scale)) fg++;
          else if (disc && (px - size / 2) ** 2 + (py - size / 2) ** 2 <= (size / 2 - 1) ** 2) bg++;
        }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const a = (fg + bg) / (S * S);
      const mix = fg + bg ? fg / (fg + bg) : 1;
      const [br, bgc, bb] = disc ?? [r, g, b];
      raw[o] = Math.round(r * mix + br * (1 - mix));
      raw[o + 1] = Math.round(g * mix + bgc * (1 - mix));
      raw[o + 2] = Math.round(b * mix + bb * (1 - mix));
      raw[o + 3] = Math.round(255 * a);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const TABS = ['home', 'category', 'cart', 'me'];
mkdirSync(OUT, { recursive: true });
for (const name of TABS) {
  for (const [suffix, color] of Object.entries(COLORS)) {
    writeFileSync(join(OUT, `${name}${suffix}.png`), png(ICONS[name], color));
  }
}
const EMPTY = join(ASSETS, 'empty');
mkdirSync(EMPTY, { recursive: true });
for (const name of ['cart', 'search', 'box']) {
  writeFileSync(join(EMPTY, `${name}.png`), png(ICONS[name], [0xff, 0x9c, 0x85], 240, [0xff, 0xf1, 0xee]));
}
console.log(`wrote ${TABS.length * 2} tab icons to ${OUT} and 3 illustrations to ${EMPTY}`);
