/**
 * How much the adapter moves per round trip. Excel on the web rejects a request or response over
 * 5 MB, and a single read of more than 5,000,000 cells may come back empty; every `context.sync()`
 * is a network round trip there. So reads and writes go in as few blocks as fit well under those
 * limits, never one per row. Pure functions, no Office.js.
 */

export interface ReadBudget {
  /** Bytes a block may take, estimated as cells × `bytesPerCell`. */
  readonly maxBytes: number;
  /** Cells a block may hold whatever their size. */
  readonly maxCells: number;
  /**
   * Bytes per cell assumed before reading (values and number format together, as JSON): a cell of
   * 25 Chinese characters is 75 bytes of UTF-8 plus quotes and its format string.
   */
  readonly bytesPerCell: number;
}

/**
 * 2 MB estimated per block: 20,000 cells, 1,666 rows of a 12-column register. Real registers
 * average well under 100 bytes a cell; a block that still exceeds the limit is split and retried.
 */
export const READ_BUDGET: ReadBudget = { maxBytes: 2_000_000, maxCells: 1_000_000, bytesPerCell: 100 };

/** Largest used range the adapter will read (cells); beyond it the sheet has stray content far away. */
export const MAX_READ_CELLS = 5_000_000;

export interface RowBlock {
  /** 0-based offset from the first row of the range. */
  readonly start: number;
  readonly count: number;
}

/** Rows per read block for a range `columnCount` wide (at least 1). */
export function rowsPerBlock(columnCount: number, budget: ReadBudget = READ_BUDGET): number {
  const cells = Math.min(budget.maxCells, Math.floor(budget.maxBytes / budget.bytesPerCell));
  return Math.max(1, Math.floor(cells / Math.max(1, columnCount)));
}

/** Splits `rowCount` rows into consecutive blocks of `rowsPerBlock(columnCount)` rows. */
export function planRowBlocks(rowCount: number, columnCount: number, budget: ReadBudget = READ_BUDGET): RowBlock[] {
  const size = rowsPerBlock(columnCount, budget);
  const blocks: RowBlock[] = [];
  for (let start = 0; start < rowCount; start += size) blocks.push({ start, count: Math.min(size, rowCount - start) });
  return blocks;
}

/**
 * Bytes queued in one write batch before the adapter syncs. Writes are measured exactly (the JSON
 * of the values and formats sent), so this can sit closer to the limit than the read estimate.
 */
export const WRITE_BATCH_BYTES = 3_000_000;

const encoder = new TextEncoder();

/** UTF-8 size of a value's JSON: what it costs in a request. */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

/**
 * Splits rows whose sizes are `rowBytes` into consecutive chunks of at most `maxBytes` each (a
 * single larger row gets a chunk of its own). Returns [start, end) pairs.
 */
export function chunkRowsByBytes(
  rowBytes: readonly number[],
  maxBytes: number = WRITE_BATCH_BYTES,
): Array<readonly [number, number]> {
  const chunks: Array<readonly [number, number]> = [];
  let start = 0;
  let size = 0;
  rowBytes.forEach((bytes, i) => {
    if (i > start && size + bytes > maxBytes) {
      chunks.push([start, i]);
      start = i;
      size = 0;
    }
    size += bytes;
  });
  if (rowBytes.length > start) chunks.push([start, rowBytes.length]);
  return chunks;
}
