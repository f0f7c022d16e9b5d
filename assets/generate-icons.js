// Draws the add-in icons (a blue rounded square with a white tick and score bars) as real PNGs.
// Run: node assets/generate-icons.js — deterministic; the PNGs are committed.
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const BLUE = [15, 108, 189];
const WHITE = [255, 255, 255];

/** Coverage of the shape at a point in unit coordinates (0..1); 4×4 supersampling gives anti-aliasing. */
function shapeAt(x, y) {
  const r = 0.18;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  // Three score bars on the left, a tick on the right.
  const bars = [
    [0.16, 0.62, 0.26, 0.84],
    [0.3, 0.48, 0.4, 0.84],
    [0.44, 0.34, 0.54, 0.84],
  ];
  for (const [x0, y0, x1, y1] of bars) if (x >= x0 && x <= x1 && y >= y0 && y <= y1) return WHITE;
  if (nearSegment(x, y, 0.56, 0.5, 0.68, 0.64, 0.055) || nearSegment(x, y, 0.68, 0.64, 0.88, 0.22, 0.055))
    return WHITE;
  return BLUE;
}

function nearSegment(x, y, ax, ay, bx, by, w) {
  const t = Math.max(
    0,
    Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  );
  return (x - ax - t * (bx - ax)) ** 2 + (y - ay - t * (by - ay)) ** 2 <= w * w;
}

function render(size) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const n = 4;
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++)
        for (let sx = 0; sx < n; sx++) {
          const c = shapeAt((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          if (!c) continue;
          acc[0] += c[0];
          acc[1] += c[1];
          acc[2] += c[2];
          acc[3] += 1;
        }
      const o = py * (size * 4 + 1) + 1 + px * 4;
      const k = acc[3];
      raw[o] = k ? Math.round(acc[0] / k) : 0;
      raw[o + 1] = k ? Math.round(acc[1] / k) : 0;
      raw[o + 2] = k ? Math.round(acc[2] / k) : 0;
      raw[o + 3] = Math.round((255 * k) / (n * n));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

for (const size of SIZES) fs.writeFileSync(path.join(__dirname, `icon-${size}.png`), render(size));
