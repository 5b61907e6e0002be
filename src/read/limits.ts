/**
 * How much the reading layer takes from one file before it stops and says so. Each limit is a
 * setting (pass `limits` to `readWorkbook`); the defaults hold every real register with room to
 * spare and keep a hostile file (a zip bomb, a merge over the whole sheet, a million rows of
 * nothing) from eating the machine. Hitting one is never a crash: the file is reported, by name,
 * with the limit it hit.
 */
import { readFailure, type WorkbookRead } from './result';

export interface ReadLimits {
  /** Bytes of one input file. */
  readonly maxFileBytes: number;
  /** Bytes of one file's parts once inflated, all parts read together. */
  readonly maxInflatedBytes: number;
  /** Inflated ÷ compressed size of one part, checked once a part inflates past `ratioFloorBytes`. */
  readonly maxRatio: number;
  readonly ratioFloorBytes: number;
  /** Rows per sheet (Excel's own maximum). */
  readonly maxRows: number;
  /** Columns per sheet (Excel's own maximum, XFD). */
  readonly maxColumns: number;
  /** Cells per sheet the grid may hold (the rectangle the rows span, not just the filled ones). */
  readonly maxCells: number;
  /** Cells covered by merged ranges, per sheet, after clipping them to the cells that exist. */
  readonly maxMergedCells: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxFileBytes: 256 * MiB,
  maxInflatedBytes: 1024 * MiB,
  maxRatio: 250,
  ratioFloorBytes: 8 * MiB,
  maxRows: 1_048_576,
  maxColumns: 16_384,
  maxCells: 40_000_000,
  maxMergedCells: 40_000_000,
};

export function readLimits(overrides?: Partial<ReadLimits>): ReadLimits {
  return overrides ? { ...DEFAULT_READ_LIMITS, ...overrides } : DEFAULT_READ_LIMITS;
}

/** Thrown by a reader when a limit is hit; `readWorkbook` turns it into the result it carries. */
export class ReadLimitError extends Error {
  constructor(readonly result: WorkbookRead) {
    super(result.ok ? '' : result.messageEn);
  }
}

const mib = (bytes: number) => `${Math.round(bytes / MiB).toLocaleString('en-US')} MiB`;
const count = (n: number) => n.toLocaleString('en-US');

function tooLarge(fileName: string, zh: string, en: string): ReadLimitError {
  return new ReadLimitError(
    readFailure(
      'too-large',
      `${fileName}：${zh}，超出读取上限，未读取。如确为台账，请删去多余的行、列或合并单元格后另存再试。`,
      `${fileName}: ${en}, beyond the reading limit; not read. If it really is a register, delete the extra rows, columns or merged cells, save it and try again.`,
    ),
  );
}

export const limitHit = {
  fileBytes: (fileName: string, size: number, limits: ReadLimits) =>
    tooLarge(
      fileName,
      `文件大小 ${mib(size)} 超过 ${mib(limits.maxFileBytes)}`,
      `the file is ${mib(size)}, more than ${mib(limits.maxFileBytes)}`,
    ),
  inflated: (fileName: string, limits: ReadLimits) =>
    tooLarge(
      fileName,
      `解压后内容超过 ${mib(limits.maxInflatedBytes)}（可能是“压缩炸弹”）`,
      `its content inflates to more than ${mib(limits.maxInflatedBytes)} (possibly a “zip bomb”)`,
    ),
  ratio: (fileName: string, part: string, limits: ReadLimits) =>
    tooLarge(
      fileName,
      `其中 ${part} 的压缩比超过 ${limits.maxRatio}:1（可能是“压缩炸弹”）`,
      `its part ${part} inflates more than ${limits.maxRatio}:1 (possibly a “zip bomb”)`,
    ),
  rows: (fileName: string, sheet: string, limits: ReadLimits) =>
    tooLarge(
      fileName,
      `工作表“${sheet}”超过 ${count(limits.maxRows)} 行`,
      `sheet “${sheet}” has more than ${count(limits.maxRows)} rows`,
    ),
  columns: (fileName: string, sheet: string, limits: ReadLimits) =>
    tooLarge(
      fileName,
      `工作表“${sheet}”超过 ${count(limits.maxColumns)} 列`,
      `sheet “${sheet}” has more than ${count(limits.maxColumns)} columns`,
    ),
  cells: (fileName: string, sheet: string, limits: ReadLimits) =>
    tooLarge(
      fileName,
      `工作表“${sheet}”超过 ${count(limits.maxCells)} 个单元格`,
      `sheet “${sheet}” spans more than ${count(limits.maxCells)} cells`,
    ),
  merged: (fileName: string, sheet: string, limits: ReadLimits) =>
    tooLarge(
      fileName,
      `工作表“${sheet}”的合并单元格覆盖超过 ${count(limits.maxMergedCells)} 个单元格`,
      `the merged cells of sheet “${sheet}” cover more than ${count(limits.maxMergedCells)} cells`,
    ),
};
