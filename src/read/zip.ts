/**
 * The zip container of .xlsx files, read with limits: the central directory is parsed here, each
 * part is inflated with fflate on demand and checked against its CRC-32 (fflate does not check it)
 * and its declared size, and no part inflates past the reading limits (a zip bomb stops at the
 * limit, not at the end of memory). No Node APIs: runs in the browser too.
 */
import { Inflate } from 'fflate';
import { limitHit, type ReadLimits } from './limits';

/** The archive is damaged; `truncated` when it looks cut short rather than altered. */
export class ZipDamaged extends Error {
  constructor(
    readonly truncated: boolean,
    detail: string,
  ) {
    super(detail);
  }
}

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
const u64 = (b: Uint8Array, i: number) => u32(b, i) + u32(b, i + 4) * 0x1_0000_0000;

const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

/** Lists the entries of a zip archive from its central directory. */
export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  let end = -1;
  for (let i = bytes.length - 22, from = Math.max(0, bytes.length - 22 - 0xffff); i >= from; i--) {
    if (u32(bytes, i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipDamaged(true, 'no end of central directory');
  let count = u16(bytes, end + 10);
  let offset = u32(bytes, end + 16);
  if ((count === 0xffff || offset === 0xffffffff) && end >= 20 && u32(bytes, end - 20) === EOCD64_LOCATOR) {
    const at = u64(bytes, end - 12);
    if (at + 56 > bytes.length || u32(bytes, at) !== EOCD64) throw new ZipDamaged(false, 'bad zip64 end record');
    count = u64(bytes, at + 32);
    offset = u64(bytes, at + 48);
  }
  const entries = new Map<string, ZipEntry>();
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length) throw new ZipDamaged(true, 'central directory cut short');
    if (u32(bytes, p) !== CENTRAL) throw new ZipDamaged(false, 'bad central directory entry');
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const crc = u32(bytes, p + 16);
    let compressedSize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    let localOffset = u32(bytes, p + 42);
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLength);
    const name = ((flags & 0x800) !== 0 ? utf8 : latin1).decode(nameBytes);
    // Zip64: the sizes and offset that overflow 32 bits are in the 0x0001 extra field, in order.
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      let e = p + 46 + nameLength;
      const extraEnd = e + extraLength;
      while (e + 4 <= extraEnd) {
        const id = u16(bytes, e);
        const length = u16(bytes, e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          if (size === 0xffffffff) {
            size = u64(bytes, q);
            q += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = u64(bytes, q);
            q += 8;
          }
          if (localOffset === 0xffffffff) localOffset = u64(bytes, q);
          break;
        }
        e += 4 + length;
      }
    }
    // Part names are case-insensitive in Open Packaging; keep the first of duplicates.
    const key = name.replace(/^\//, '').toLowerCase();
    if (!entries.has(key)) entries.set(key, { name, method, crc, compressedSize, size, localOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

// CRC-32 (IEEE), slicing by 8 bytes at a time.
const CRC_TABLES: Uint32Array[] = (() => {
  const tables = Array.from({ length: 8 }, () => new Uint32Array(256));
  const t0 = tables[0]!;
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t0[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    let c = t0[n]!;
    for (let k = 1; k < 8; k++) {
      c = t0[c & 0xff]! ^ (c >>> 8);
      tables[k]![n] = c >>> 0;
    }
  }
  return tables;
})();

export function crc32(data: Uint8Array): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = CRC_TABLES as [
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
  ];
  let c = 0xffffffff;
  let i = 0;
  const n8 = data.length - (data.length % 8);
  for (; i < n8; i += 8) {
    const a = (c ^ (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24))) >>> 0;
    c =
      t7[a & 0xff]! ^
      t6[(a >>> 8) & 0xff]! ^
      t5[(a >>> 16) & 0xff]! ^
      t4[a >>> 24]! ^
      t3[data[i + 4]!]! ^
      t2[data[i + 5]!]! ^
      t1[data[i + 6]!]! ^
      t0[data[i + 7]!]!;
  }
  for (; i < data.length; i++) c = t0[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * For a zip that another library will inflate whole (SheetJS reads .ods): refuses it when the
 * sizes its entries declare already pass the limits. (A zip that lies about its sizes is caught
 * only by readers that inflate through `readEntry`.)
 */
export function checkDeclaredSizes(bytes: Uint8Array, fileName: string, limits: ReadLimits): void {
  let entries: Map<string, ZipEntry>;
  try {
    entries = zipEntries(bytes);
  } catch {
    return; // the library reports the damage in its own way
  }
  const budget = new InflateBudget(fileName, limits);
  for (const entry of entries.values()) {
    budget.check(entry);
    budget.spend(entry.size);
  }
}

/** Inflated bytes so far for one file, against the limits. */
export class InflateBudget {
  private used = 0;
  constructor(
    private readonly fileName: string,
    private readonly limits: ReadLimits,
  ) {}

  /** Refuses before any work when the declared sizes already say too much. */
  check(entry: ZipEntry): void {
    if (this.used + entry.size > this.limits.maxInflatedBytes) throw limitHit.inflated(this.fileName, this.limits);
    this.ratio(entry, entry.size);
  }

  ratio(entry: ZipEntry, inflated: number): void {
    if (inflated > this.limits.ratioFloorBytes && inflated > this.limits.maxRatio * Math.max(1, entry.compressedSize)) {
      throw limitHit.ratio(this.fileName, entry.name, this.limits);
    }
  }

  spend(bytes: number): void {
    this.used += bytes;
  }
}

/**
 * Inflates raw DEFLATE data that must come to exactly `size` bytes; throws when it would come to
 * more (a lying header), so the output never grows past what the limits allowed.
 */
export type RawInflater = (data: Uint8Array, size: number) => Uint8Array | Promise<Uint8Array>;

/** fflate, fed in slices so that the output is checked as it grows. */
function inflateWithFflate(data: Uint8Array, size: number): Uint8Array {
  const SLICE = 1024 * 1024;
  const out = new Uint8Array(size);
  let written = 0;
  const inflate = new Inflate((chunk) => {
    if (written + chunk.length > size) throw new ZipDamaged(false, 'inflates past its declared size');
    out.set(chunk, written);
    written += chunk.length;
  });
  if (data.length === 0) inflate.push(data, true);
  for (let p = 0; p < data.length; p += SLICE)
    inflate.push(data.subarray(p, Math.min(data.length, p + SLICE)), p + SLICE >= data.length);
  return written === size ? out : out.subarray(0, written);
}

/** The host's own inflater (the browser's, or Node's built-in one), read as a stream and stopped at `size`. */
async function inflateWithStreams(data: Uint8Array, size: number): Promise<Uint8Array> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  writer
    .write(data as Uint8Array<ArrayBuffer>)
    .then(() => writer.close())
    .catch(() => undefined);
  const reader = stream.readable.getReader();
  const out = new Uint8Array(size);
  let written = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (written + value.length > size) {
      await reader.cancel().catch(() => undefined);
      throw new ZipDamaged(false, 'inflates past its declared size');
    }
    out.set(value, written);
    written += value.length;
  }
  return written === size ? out : out.subarray(0, written);
}

let rawInflater: RawInflater = typeof DecompressionStream === 'function' ? inflateWithStreams : inflateWithFflate;
let checksum: (data: Uint8Array) => number = crc32;

/**
 * Lets a host plug in its own inflater and CRC-32 (the CLI passes Node's zlib, several times
 * faster than the portable ones). The limits and checks stay here.
 */
export function installNativeZip(native: {
  readonly inflateRaw?: RawInflater;
  readonly crc32?: (data: Uint8Array) => number;
}): void {
  if (native.inflateRaw) rawInflater = native.inflateRaw;
  if (native.crc32) checksum = native.crc32;
}

/**
 * One part's bytes, inflated. Its declared size bounds the output (more is damage, and so is a
 * CRC-32 that does not match), so a lying header cannot make it grow past the limits.
 */
export async function readEntry(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget): Promise<Uint8Array> {
  budget.check(entry);
  const at = entry.localOffset;
  if (at + 30 > bytes.length) throw new ZipDamaged(true, 'local header out of range');
  if (u32(bytes, at) !== LOCAL) throw new ZipDamaged(false, 'bad local header');
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipDamaged(true, 'entry data cut short');
  const data = bytes.subarray(start, end);
  let out: Uint8Array;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw new ZipDamaged(false, 'stored size mismatch');
    out = data;
  } else if (entry.method === 8) {
    try {
      out = await rawInflater(data, entry.size);
    } catch (error) {
      if (error instanceof ZipDamaged) throw error;
      throw new ZipDamaged(/unexpected end|EOF/i.test(String((error as Error)?.message)), 'bad deflate data');
    }
    if (out.length !== entry.size) throw new ZipDamaged(false, 'inflated size mismatch');
  } else {
    throw new ZipDamaged(false, `compression method ${entry.method}`);
  }
  if (checksum(out) >>> 0 !== entry.crc) throw new ZipDamaged(false, 'CRC-32 mismatch');
  budget.spend(out.length);
  return out;
}
