/**
 * Draws the add-in's icons offline and writes them as PNGs to assets/ (icon-16/32/64/80.png, the
 * sizes manifest.xml names). Run with `npx tsx scripts/icons.ts`; the output is committed and
 * reproducible (same bytes on every run).
 *
 * The picture: a register sheet (white page, three ruled lines) on a blue tile, with a green
 * check badge. Shapes are drawn in unit coordinates and supersampled for smooth edges.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

type Rgb = readonly [number, number, number];
const BLUE: Rgb = [0x1e, 0x5a, 0x96];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const GREEN: Rgb = [0x2e, 0x9b, 0x47];

/** Signed-distance-free shape tests in unit coordinates (x right, y down). */
const roundedRect = (x0: number, y0: number, x1: number, y1: number, r: number) => (x: number, y: number) => {
  const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
  const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && dx * dx + dy * dy <= r * r;
};
const circle = (cx: number, cy: number, r: number) => (x: number, y: number) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const segment = (ax: number, ay: number, bx: number, by: number, width: number) => (x: number, y: number) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return (x - (ax + t * (bx - ax))) ** 2 + (y - (ay + t * (by - ay))) ** 2 <= (width / 2) ** 2;
};

/** Layers painted in order, later ones on top. */
const LAYERS: Array<{ color: Rgb; inside: (x: number, y: number) => boolean }> = [
  { color: BLUE, inside: roundedRect(0, 0, 1, 1, 0.18) },
  { color: WHITE, inside: roundedRect(0.2, 0.14, 0.72, 0.86, 0.05) },
  ...[0.3, 0.45, 0.6].map((y) => ({ color: BLUE, inside: roundedRect(0.29, y, 0.63, y + 0.07, 0.02) })),
  { color: WHITE, inside: circle(0.74, 0.74, 0.23) },
  { color: GREEN, inside: circle(0.74, 0.74, 0.19) },
  {
    color: WHITE,
    inside: (x, y) => segment(0.64, 0.74, 0.71, 0.81, 0.07)(x, y) || segment(0.71, 0.81, 0.84, 0.66, 0.07)(x, y),
  },
];

const SUPERSAMPLE = 8;

/** RGBA pixels of the icon at `size` × `size`. */
export function drawIcon(size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          let color: Rgb | null = null;
          for (const layer of LAYERS) if (layer.inside(x, y)) color = layer.color;
          if (!color) continue;
          r += color[0];
          g += color[1];
          b += color[2];
          a += 1;
        }
      }
      const at = (py * size + px) * 4;
      // Colour averaged over covered samples (no dark fringe), coverage as alpha.
      pixels[at] = a ? Math.round(r / a) : 0;
      pixels[at + 1] = a ? Math.round(g / a) : 0;
      pixels[at + 2] = a ? Math.round(b / a) : 0;
      pixels[at + 3] = Math.round((a / (SUPERSAMPLE * SUPERSAMPLE)) * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** A PNG file (8-bit RGBA, no interlace) of `size` × `size` RGBA pixels. */
export function encodePng(size: number, rgba: Uint8Array): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, size);
  view.setUint32(4, size);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, deflate, adaptive filter, no interlace
  const raw = new Uint8Array(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) raw.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1); // filter 0 per row
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', new Uint8Array(deflateSync(raw, { level: 9 }))),
    chunk('IEND', new Uint8Array()),
  ];
  const png = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    png.set(part, offset);
    offset += part.length;
  }
  return png;
}

export const ICON_SIZES = [16, 32, 64, 80] as const;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const assets = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');
  mkdirSync(assets, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = join(assets, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, drawIcon(size)));
    console.log(`wrote ${file}`);
  }
}
