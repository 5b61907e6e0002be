/**
 * ExcelJS (through JSZip) stamps every zip entry with the current time, so writing the same
 * sheets twice gives different bytes. Setting every entry's DOS time to one fixed moment makes
 * outputs reproducible (the committed samples, outputs compared in tests). Only the timestamp
 * fields change: CRCs and sizes do not cover them.
 */

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
/** 2000-01-01 00:00 in MS-DOS date/time format. */
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

/** Rewrites the timestamps of every entry in place and returns the same array. */
export function fixZipTimestamps(zip: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let offset = 0;
  // Local headers follow each other from the start; sizes are in the header (JSZip writes no data descriptors).
  while (offset + 30 <= zip.length && view.getUint32(offset, true) === LOCAL_HEADER) {
    const flags = view.getUint16(offset + 6, true);
    if (flags & 0x08) break; // sizes in a trailing data descriptor: leave the file as it is
    view.setUint16(offset + 10, DOS_TIME, true);
    view.setUint16(offset + 12, DOS_DATE, true);
    const compressed = view.getUint32(offset + 18, true);
    const nameLength = view.getUint16(offset + 26, true);
    const extraLength = view.getUint16(offset + 28, true);
    offset += 30 + nameLength + extraLength + compressed;
  }
  while (offset + 46 <= zip.length && view.getUint32(offset, true) === CENTRAL_HEADER) {
    view.setUint16(offset + 12, DOS_TIME, true);
    view.setUint16(offset + 14, DOS_DATE, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return zip;
}
