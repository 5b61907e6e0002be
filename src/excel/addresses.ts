/**
 * A1 addresses for the Excel adapter: turning a set of marked cells into the comma-separated
 * address lists that `worksheet.getRanges()` takes, and reading addresses Excel hands back.
 * Pure functions, no Office.js.
 */
import { columnLetters } from '../ledger/grid';
import type { MergedRange } from '../ledger/grid';

/**
 * Excel rejects an address string longer than 8,192 characters in `getRanges`; staying under
 * 8,000 leaves room for the separators Excel may normalise.
 */
export const MAX_ADDRESS_LENGTH = 8_000;

export interface CellRef {
  /** 1-based sheet row. */
  readonly row: number;
  /** 1-based sheet column. */
  readonly column: number;
}

/**
 * A1 areas covering exactly the given cells: runs of consecutive rows in one column collapse to
 * `C5:C9`, which keeps the lists short for the usual case (a whole column of bad dates).
 * Sorted by column, then row, so the result does not depend on the order of the input.
 */
export function compactAreas(cells: readonly CellRef[]): string[] {
  const rowsByColumn = new Map<number, number[]>();
  for (const { row, column } of cells) {
    const rows = rowsByColumn.get(column);
    if (rows) rows.push(row);
    else rowsByColumn.set(column, [row]);
  }
  const areas: string[] = [];
  for (const column of [...rowsByColumn.keys()].sort((a, b) => a - b)) {
    const letters = columnLetters(column);
    const rows = [...new Set(rowsByColumn.get(column))].sort((a, b) => a - b);
    let start = rows[0]!;
    let end = start;
    const flush = () => areas.push(start === end ? `${letters}${start}` : `${letters}${start}:${letters}${end}`);
    for (const row of rows.slice(1)) {
      if (row === end + 1) {
        end = row;
        continue;
      }
      flush();
      start = row;
      end = row;
    }
    flush();
  }
  return areas;
}

/** Joins areas with commas into lists no longer than `maxLength` characters each. */
export function chunkAddressList(areas: readonly string[], maxLength = MAX_ADDRESS_LENGTH): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const area of areas) {
    if (area.length > maxLength)
      throw new RangeError(`address longer than ${maxLength} characters: ${area.slice(0, 40)}…`);
    const next = current === '' ? area : `${current},${area}`;
    if (next.length > maxLength) {
      chunks.push(current);
      current = area;
    } else {
      current = next;
    }
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

/** A sheet name as it must appear before `!` in a formula: quoted unless it is a plain identifier. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const AREA = /(?:^|[!,\s])\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?(?=$|[,\s])/g;

/**
 * Reads the areas of an address such as `Sheet1!A1:G1, 'Sheet (2)'!A2:A3` (what
 * `RangeAreas.address` returns) as 1-based rectangles. Sheet names are skipped, whatever they contain.
 */
export function parseAreas(address: string): MergedRange[] {
  // Drop quoted sheet names first so that their contents cannot look like cell references.
  const bare = address.replace(/'(?:[^']|'')*'!/g, '!').replace(/[^,!']*!/g, '!');
  const areas: MergedRange[] = [];
  for (const match of bare.matchAll(AREA)) {
    const left = columnNumber(match[1]!);
    const top = Number(match[2]);
    const right = match[3] ? columnNumber(match[3]) : left;
    const bottom = match[4] ? Number(match[4]) : top;
    areas.push({
      top: Math.min(top, bottom),
      left: Math.min(left, right),
      bottom: Math.max(top, bottom),
      right: Math.max(left, right),
    });
  }
  return areas;
}

/** `A1:C3`-style address of a 1-based rectangle. */
export function areaAddress(top: number, left: number, bottom: number, right: number): string {
  const start = `${columnLetters(left)}${top}`;
  return top === bottom && left === right ? start : `${start}:${columnLetters(right)}${bottom}`;
}
