// Draws the four tab-bar icons (81×81 PNG, grey + brand red) with no image tooling: shapes are point-in-shape
// tests, 4×4 supersampled for anti-aliasing, written as RGBA PNG with node:zlib.
// Run: node miniapp/scripts/gen-tab-icons.mjs  (outputs to miniapp/src/assets/tab/)
import { writeFileSync, mkdirSync } from 'node:fs'
import { deflateSync } from 'node:zlib'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const SIZE = 81
const OUT = join(dirname(fileURLToPath(import.meta.url)), '../src/assets/tab')
const COLORS = { '': [0x7a, 0x7e, 0x83], '-active': [0xfa, 0x2c, 0x19] }

const inPoly = (pts) => (x, y) => {
  let inside = false
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i]
    const [xj, yj] = pts[j]
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r
const rrect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false
  const cx = Math.min(Math.max(x, x0 + r), x1 - r)
  const cy = Math.min(Math.max(y, y0 + r), y1 - r)
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
}
const segment = (ax, ay, bx, by, w) => (x, y) => {
  const dx = bx - ax
  const dy = by - ay
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
  return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (w / 2) ** 2
}
const union = (...fs) => (x, y) => fs.some((f) => f(x, y))
const minus = (a, b) => (x, y) => a(x, y) && !b(x, y)
const ring = (cx, cy, r, w) => minus(circle(cx, cy, r), circle(cx, cy, r - w))

const ICONS = {
  home: minus(
    union(inPoly([[40.5, 8], [5, 38], [12, 38], [12, 72], [69, 72], [69, 38], [76, 38]])),
    rrect(33, 50, 48, 73, 3),
  ),
  category: union(
    rrect(9, 9, 37, 37, 7),
    circle(58, 23, 14),
    rrect(9, 44, 37, 72, 7),
    rrect(44, 44, 72, 72, 7),
  ),
  cart: union(
    segment(5, 14, 15, 14, 6),
    segment(15, 14, 23, 52, 6),
    inPoly([[17, 22], [74, 22], [66, 50], [23, 50]]),
    segment(23, 52, 66, 56, 5),
    circle(28, 66, 6.5),
    circle(61, 66, 6.5),
  ),
  me: union(
    circle(40.5, 25, 15),
    (x, y) => y <= 73 && ((x - 40.5) / 29) ** 2 + ((y - 76) / 30) ** 2 <= 1,
  ),
}

function crc32(buf) {
  let c
  let crc = 0xffffffff
  for (const byte of buf) {
    c = (crc ^ byte) & 0xff
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    crc = (crc >>> 8) ^ c
  }
  return (crc ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(td))
  return Buffer.concat([len, td, crc])
}
function png(shape, [r, g, b]) {
  const S = 4
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1))
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0
    for (let x = 0; x < SIZE; x++) {
      let hits = 0
      for (let sy = 0; sy < S; sy++)
        for (let sx = 0; sx < S; sx++) if (shape(x + (sx + 0.5) / S, y + (sy + 0.5) / S)) hits++
      const o = y * (SIZE * 4 + 1) + 1 + x * 4
      raw[o] = r
      raw[o + 1] = g
      raw[o + 2] = b
      raw[o + 3] = Math.round((255 * hits) / (S * S))
    }
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(SIZE, 0)
  ihdr.writeUInt32BE(SIZE, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 6 // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

mkdirSync(OUT, { recursive: true })
for (const [name, shape] of Object.entries(ICONS)) {
  for (const [suffix, color] of Object.entries(COLORS)) {
    writeFileSync(join(OUT, `${name}${suffix}.png`), png(shape, color))
  }
}
console.log(`wrote ${Object.keys(ICONS).length * 2} icons to ${OUT}`)
