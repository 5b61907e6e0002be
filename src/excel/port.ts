/**
 * The WorkbookPort on the Excel JavaScript API. Every operation takes a fixed number of
 * `context.sync()` round trips whatever the row count, or one per block where the data itself
 * must be split to stay under Excel's 5 MB request limit; never one per row or per cell.
 *
 * Round trips per operation:
 *   listSheets 1 · selectCell 1 · loadSettings 1 · saveSettings 1 · activateSheet 1 · removeSheets 2
 *   readSheet 1 + one per block of ≤ 20,000 cells (blocks.ts)
 *   addMarks 4 (where the marks are; find them on those columns only; delete them; add the new
 *     ones and record where), +1 per 1 MB of addresses; 1 when the sheet has no earlier marks less
 *   clearMarks 4 for one sheet (where; find; delete; record), 5 for the whole workbook (list sheets)
 *   (when Excel fails to read or delete a rule, the fallback takes one more per rule, see findOwnMarks)
 *   addSheets 1 (existing names) + 1 per 3 MB of values written (usually 1 in all), +1 to read an
 *     existing hidden lists sheet when a long dropdown list is to be written
 */
import { columnLetters, type CellValue, type Grid, type MergedRange } from '../ledger/grid';
import type { SheetSpec } from '../ledger/sheetSpec';
import type { WorkbookRead } from '../read';
import {
  isValidRowInsert,
  type CellMark,
  type PickedFile,
  type ReadOptions,
  type SheetInfo,
  type WorkbookPort,
  type WriteOptions,
} from '../port/workbook';
import { areaAddress, parseAreas, quoteSheetName } from './addresses';
import {
  chunkRowsByBytes,
  jsonBytes,
  MAX_READ_CELLS,
  planRowBlocks,
  READ_BUDGET,
  WRITE_BATCH_BYTES,
  type ReadBudget,
} from './blocks';
import { blockToRows, insertedRowCells, TEXT_FORMAT } from './cells';
import { ExcelWorkbookError, isPayloadLimitError, throwIfCancelled, toWorkbookError, type Action } from './errors';
import {
  MARK_STYLE,
  markColumns,
  markFormula,
  markSeverityOf,
  parseMarkRecord,
  planMarks,
  sheetsOf,
  unionColumns,
  type MarkColumns,
  type MarkScope,
} from './marks';
import { isSetSupported } from './requirements';
import { runExcel } from './run';
import { layoutSheet, type ListPlan } from './sheetLayout';
import { uniqueSheetName } from './sheetNames';

/** The key the settings are stored under in `workbook.settings` (scoped to this add-in and file). */
export const SETTINGS_KEY = 'ledger-settings';

/** Where the add-in's marks are (the columns per sheet), kept beside the settings. */
export const MARKS_KEY = 'ledger-marks';

/** Rows in a worksheet: a mark's columns are searched over their whole height. */
const EXCEL_ROWS = 1_048_576;

/** Table style of the sheets the add-in writes (blue, banded rows, readable in print). */
export const TABLE_STYLE = 'TableStyleMedium2';

/** Name wanted for the hidden sheet that holds dropdown lists too long to type into the rule. */
export const LISTS_SHEET_NAME = '下拉选项';

/** Address characters queued for marks before a sync: ~125 address lists of 8,000 characters. */
const MARK_BATCH_CHARS = 1_000_000;

/** Rows scanned for merged header cells: Excel refuses to list more than 512 merged areas at once. */
const MERGE_SCAN_ROWS = 20;
const MERGE_SCAN_CELLS = 1_024;

export interface ExcelPortOptions {
  /** Parses a picked file; by default the reading layer `src/read/` (as the CLI), loaded on first use. */
  readonly readWorkbook?: (bytes: ArrayBuffer, fileName: string) => Promise<WorkbookRead>;
  /** Block sizes for reads (tests and the benchmark use smaller ones). */
  readonly readBudget?: ReadBudget;
}

const sheetAction = (zhVerb: string, enVerb: string, sheet: string): Action => ({
  zh: `${zhVerb}工作表“${sheet}”`,
  en: `${enVerb} the sheet “${sheet}”`,
});

export function createExcelWorkbookPort(options: ExcelPortOptions = {}): WorkbookPort {
  const budget = options.readBudget ?? READ_BUDGET;

  return {
    listSheets: () =>
      runExcel({ zh: '列出工作表', en: 'list the sheets' }, async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name,items/visibility');
        const active = sheets.getActiveWorksheet();
        active.load('name');
        await context.sync();
        return sheets.items.map((s): SheetInfo => ({
          name: s.name,
          active: s.name === active.name,
          visible: s.visibility === 'Visible',
        }));
      }),

    readSheet: (sheet, readOptions = {}) => readSheet(sheet, readOptions, budget),

    selectCell: (sheet, row, column) => {
      const action: Action = { zh: `选中工作表“${sheet}”的单元格`, en: `select a cell on the sheet “${sheet}”` };
      if (!Number.isInteger(row) || !Number.isInteger(column) || row < 1 || column < 1) {
        return Promise.reject(
          new ExcelWorkbookError(
            `无法${action.zh}：行 ${row}、列 ${column} 不是有效的位置。`,
            `Could not ${action.en}: row ${row}, column ${column} is not a valid position.`,
            'not-found',
          ),
        );
      }
      return runExcel(action, async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRangeByIndexes(row - 1, column - 1, 1, 1).select();
        await context.sync();
      });
    },

    activateSheet: (sheet) =>
      runExcel(sheetAction('显示', 'show', sheet), async (context) => {
        context.workbook.worksheets.getItem(sheet).activate();
        await context.sync();
      }),

    addSheets: (specs, writeOptions = {}) => addSheets(specs, writeOptions),
    removeSheets: (names) =>
      runExcel(
        { zh: `删除工作表“${names.join('”“')}”`, en: `delete the sheet “${names.join('”, “')}”` },
        async (context) => {
          // Missing names are skipped (the user may have deleted one already): look first, then delete.
          const found = names.map((name) => context.workbook.worksheets.getItemOrNullObject(name));
          await context.sync();
          for (const ws of found) if (!ws.isNullObject) ws.delete();
          await context.sync();
        },
      ),
    insertRows,
    addMarks,
    clearMarks,

    loadSettings: () =>
      runExcel({ zh: '读取保存在工作簿中的设置', en: 'load the settings saved in the workbook' }, async (context) => {
        const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
        item.load('value');
        await context.sync();
        return item.isNullObject ? null : ((item.value as unknown) ?? null);
      }),

    saveSettings: (settings) =>
      runExcel({ zh: '把设置保存到工作簿', en: 'save the settings in the workbook' }, async (context) => {
        // A JSON round trip drops undefined and functions, as the stored copy will.
        context.workbook.settings.add(SETTINGS_KEY, JSON.parse(JSON.stringify(settings ?? null)) as unknown);
        await context.sync();
      }),

    readWorkbookFile: (file, readOptions = {}) => readWorkbookFile(file, readOptions, options.readWorkbook),
  };
}

// ── readSheet ────────────────────────────────────────────────────────────────────────────────

async function readSheet(sheet: string, options: ReadOptions, budget: ReadBudget): Promise<Grid> {
  const action = sheetAction('读取', 'read', sheet);
  throwIfCancelled(options.signal, action);
  return runExcel(action, async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    await context.sync();
    if (used.isNullObject) {
      options.onProgress?.(1);
      return { sheet, values: [], firstRow: 1, firstColumn: 1 };
    }
    const { rowIndex, columnIndex, rowCount, columnCount } = used;
    if (rowCount * columnCount > MAX_READ_CELLS) {
      const address = areaAddress(rowIndex + 1, columnIndex + 1, rowIndex + rowCount, columnIndex + columnCount);
      throw new ExcelWorkbookError(
        `工作表“${sheet}”的已用区域 ${address} 有 ${(rowCount * columnCount).toLocaleString('zh-CN')} 个单元格，超过可读取的上限（${MAX_READ_CELLS.toLocaleString('zh-CN')}）。通常是远处有多余的内容：请删除表格以外的行列后重试。`,
        `The used range of “${sheet}”, ${address}, has ${(rowCount * columnCount).toLocaleString('en')} cells, more than can be read (${MAX_READ_CELLS.toLocaleString('en')}). There is usually stray content far away: delete the rows and columns outside the table and try again.`,
        'too-large',
      );
    }

    const values: CellValue[][] = [];
    let merges: MergedRange[] | undefined;
    const scanMerges = isSetSupported('ExcelApi', '1.13') && columnCount <= MERGE_SCAN_CELLS;
    const mergeRows = Math.max(1, Math.min(rowCount, MERGE_SCAN_ROWS, Math.floor(MERGE_SCAN_CELLS / columnCount)));

    // Reads `count` rows from `start` (0-based within the used range) in one round trip; a block
    // that Excel still finds too large is halved and retried.
    const readRows = async (start: number, count: number, withMerges: boolean): Promise<void> => {
      const range = ws.getRangeByIndexes(rowIndex + start, columnIndex, count, columnCount);
      range.load('values,numberFormat');
      const merged = withMerges
        ? ws.getRangeByIndexes(rowIndex, columnIndex, mergeRows, columnCount).getMergedAreasOrNullObject()
        : null;
      merged?.load('address');
      try {
        await context.sync();
      } catch (error) {
        if (!isPayloadLimitError(error) || count === 1) throw error;
        const half = Math.ceil(count / 2);
        await readRows(start, half, withMerges);
        await readRows(start + half, count - half, false);
        return;
      }
      for (const row of blockToRows(range.values, range.numberFormat)) values.push(row);
      if (merged && !merged.isNullObject) merges = parseAreas(merged.address);
    };

    for (const block of planRowBlocks(rowCount, columnCount, budget)) {
      throwIfCancelled(options.signal, action);
      await readRows(block.start, block.count, scanMerges && block.start === 0);
      options.onProgress?.((block.start + block.count) / rowCount);
    }
    return {
      sheet,
      values,
      firstRow: rowIndex + 1,
      firstColumn: columnIndex + 1,
      ...(merges && merges.length > 0 ? { merges } : {}),
    };
  });
}

// ── marks ────────────────────────────────────────────────────────────────────────────────────
//
// Where the marks are is kept in the document's settings (MARKS_KEY: the columns each sheet's
// marks span), so finding them later loads only the conditional formats on those columns, never
// the whole sheet's: the user's own rules elsewhere are never read, which keeps clear of the
// office-js bugs with them (#6827, #6835: reading a duplicated rule throws; #5222: deleting a
// rule reached through the whole sheet's collection fails with ItemNotFound when its cell has a
// second rule). The whole height of those columns is scanned, so inserted rows do not hide a mark.

type ConditionalFormatCollection = Excel.ConditionalFormatCollection;
type MarkRecord = Record<string, MarkColumns>;

const RULE_FIELDS = 'items/type,items/customOrNullObject/rule/formula';

/** Queues a load of the conditional formats on the marked columns of each sheet. */
function loadMarkScopes(
  context: Excel.RequestContext,
  scopes: readonly MarkScope[],
  fields: string,
): ConditionalFormatCollection[] {
  return scopes.map(({ sheet, columns }) => {
    const formats = context.workbook.worksheets
      .getItem(sheet)
      .getRangeByIndexes(0, columns.left - 1, EXCEL_ROWS, columns.right - columns.left + 1).conditionalFormats;
    formats.load(fields);
    return formats;
  });
}

const isOwn = (cf: Excel.ConditionalFormat) =>
  cf.type === 'Custom' &&
  !cf.customOrNullObject.isNullObject &&
  markSeverityOf(cf.customOrNullObject.rule.formula) !== null;

interface Found {
  readonly marks: Excel.ConditionalFormat[];
  /** Rules on the marked columns whose formula Excel would not give (#6827/#6835); left alone. */
  readonly unreadable: number;
}

/**
 * The add-in's marks on the given columns. One round trip normally; if Excel fails to read the
 * rules (a duplicated rule of the user's on those columns), the types are read first and then each
 * custom rule on its own, so one unreadable rule of the user's costs only itself.
 */
async function findOwnMarks(context: Excel.RequestContext, scopes: readonly MarkScope[]): Promise<Found> {
  if (scopes.length === 0) return { marks: [], unreadable: 0 };
  try {
    const collections = loadMarkScopes(context, scopes, RULE_FIELDS);
    await context.sync();
    return { marks: collections.flatMap((formats) => formats.items.filter(isOwn)), unreadable: 0 };
  } catch (error) {
    if (!isRuleReadError(error)) throw error;
  }
  const typed = loadMarkScopes(context, scopes, 'items/type');
  await context.sync();
  const marks: Excel.ConditionalFormat[] = [];
  let unreadable = 0;
  // Bounded by the custom rules on the marked columns, not by rows; only on this fallback path.
  for (const cf of typed.flatMap((formats) => formats.items.filter((f) => f.type === 'Custom'))) {
    cf.load('type,customOrNullObject/rule/formula');
    try {
      await context.sync();
      if (isOwn(cf)) marks.push(cf);
    } catch (error) {
      if (!isRuleReadError(error)) throw error;
      unreadable++;
    }
  }
  return { marks, unreadable };
}

/** Errors Excel gives when a rule cannot be read, as opposed to a missing sheet, protection or edit mode. */
function isRuleReadError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return !(
    typeof code === 'string' && ['ItemNotFound', 'AccessDenied', 'InvalidOperationInCellEditMode'].includes(code)
  );
}

/**
 * Deletes the marks found on `scopes`; returns the cells unmarked and how many marks Excel refused
 * to delete. One round trip normally (the cell counts are loaded in the same batch, before the
 * deletions). When the batch fails (#5222), Excel has applied it up to the failing deletion: the
 * marks still there are found again and deleted one at a time, so one stuck mark keeps only itself.
 */
async function deleteMarks(
  context: Excel.RequestContext,
  scopes: readonly MarkScope[],
  marks: readonly Excel.ConditionalFormat[],
): Promise<{ cells: number; stuck: number }> {
  if (marks.length === 0) return { cells: 0, stuck: 0 };
  const queueDelete = (cf: Excel.ConditionalFormat) => {
    const ranges = cf.getRanges();
    ranges.load('cellCount');
    cf.delete();
    return ranges;
  };
  const counted = marks.map(queueDelete);
  try {
    await context.sync();
    return { cells: counted.reduce((sum, ranges) => sum + ranges.cellCount, 0), stuck: 0 };
  } catch (error) {
    if (!isDeleteBug(error)) throw error;
  }
  const left = await findOwnMarks(context, scopes);
  let cells = 0;
  let stuck = 0;
  for (const cf of left.marks) {
    const ranges = queueDelete(cf);
    try {
      await context.sync();
      cells += ranges.cellCount;
    } catch (error) {
      if (!isDeleteBug(error)) throw error;
      stuck++;
    }
  }
  // The cells of marks the failed batch did delete are not known (its counts never came back).
  return { cells, stuck };
}

/** #5222: Excel says ItemNotFound (or a general error) when deleting a rule whose cell has another rule. */
function isDeleteBug(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ItemNotFound' || code === 'GeneralException' || code === 'InvalidOperation';
}

function stuckError(action: Action, stuck: number, marked: number): ExcelWorkbookError {
  const done = marked > 0 ? `已标记 ${marked.toLocaleString('zh-CN')} 个单元格，但` : '';
  const doneEn = marked > 0 ? `${marked.toLocaleString('en')} cells were marked, but ` : '';
  return new ExcelWorkbookError(
    `${done}有 ${stuck} 处之前的标记 Excel 未能删除：同一单元格还有别的条件格式规则时，Excel 删除规则会出错（Excel 的已知问题）。请在“开始 › 条件格式 › 管理规则”中选“当前工作表”，删除公式含 ledger-mark 的规则。`,
    `${doneEn}Excel would not delete ${stuck} earlier mark(s): deleting a rule fails when its cells have another conditional format (a known Excel problem). In Home › Conditional Formatting › Manage Rules, show “This Worksheet” and delete the rules whose formula contains ledger-mark.`,
    'host',
    { code: 'MarksNotRemoved' },
  );
}

async function loadMarkRecord(context: Excel.RequestContext): Promise<MarkRecord> {
  const item = context.workbook.settings.getItemOrNullObject(MARKS_KEY);
  item.load('value');
  await context.sync();
  return item.isNullObject ? {} : parseMarkRecord(item.value);
}

function saveMarkRecord(context: Excel.RequestContext, record: MarkRecord): void {
  context.workbook.settings.add(MARKS_KEY, JSON.parse(JSON.stringify(record)) as unknown);
}

async function addMarks(marks: readonly CellMark[]): Promise<void> {
  if (marks.length === 0) return;
  const sheets = sheetsOf(marks);
  const action: Action = {
    zh: `标记工作表“${sheets.join('”“')}”中的单元格`,
    en: `mark cells on the sheet “${sheets.join('”, “')}”`,
  };
  let chunks: ReturnType<typeof planMarks>;
  try {
    chunks = planMarks(marks);
  } catch (error) {
    throw toWorkbookError(error, action);
  }
  const stuck = await runExcel(action, async (context) => {
    const record = await loadMarkRecord(context);
    const scopes = sheets.flatMap((sheet): MarkScope[] => (record[sheet] ? [{ sheet, columns: record[sheet] }] : []));
    const found = await findOwnMarks(context, scopes);
    const removed = await deleteMarks(context, scopes, found.marks);

    const worksheets = new Map<string, Excel.Worksheet>();
    let queuedChars = 0;
    for (const chunk of chunks) {
      let ws = worksheets.get(chunk.sheet);
      if (!ws) worksheets.set(chunk.sheet, (ws = context.workbook.worksheets.getItem(chunk.sheet)));
      const cf = ws.getRanges(chunk.address).conditionalFormats.add('Custom');
      cf.custom.rule.formula = markFormula(chunk.severity);
      cf.custom.format.fill.color = MARK_STYLE[chunk.severity].fill;
      cf.custom.format.font.color = MARK_STYLE[chunk.severity].font;
      queuedChars += chunk.address.length;
      if (queuedChars >= MARK_BATCH_CHARS) {
        await context.sync();
        queuedChars = 0;
      }
    }
    // Old marks Excel would not delete stay recorded (their columns too) so a later clear finds them.
    const next: MarkRecord = { ...record };
    for (const sheet of sheets) {
      const span = markColumns(marks.filter((m) => m.sheet === sheet));
      next[sheet] = removed.stuck > 0 && record[sheet] ? unionColumns(record[sheet], span) : span;
    }
    saveMarkRecord(context, next);
    // The remaining additions and the record go in this final round trip.
    await context.sync();
    return removed.stuck;
  });
  if (stuck > 0)
    throw stuckError(action, stuck, new Set(marks.map((m) => `${m.sheet}\u0000${m.row}\u0000${m.column}`)).size);
}

async function clearMarks(sheet?: string): Promise<number> {
  const action: Action =
    sheet === undefined
      ? { zh: '清除所有工作表上的标记', en: 'clear the marks on all sheets' }
      : sheetAction('清除标记于', 'clear the marks on', sheet);
  const result = await runExcel(action, async (context) => {
    const record = await loadMarkRecord(context);
    const all = sheet === undefined;
    let names = all ? Object.keys(record) : record[sheet] ? [sheet] : [];
    if (all && names.length > 0) {
      // Sheets deleted or renamed since are dropped from the record rather than failing the clear.
      const existing = context.workbook.worksheets;
      existing.load('items/name');
      await context.sync();
      const present = new Set(existing.items.map((s) => s.name));
      names = names.filter((name) => present.has(name));
    }
    if (names.length === 0 && (!all || Object.keys(record).length === 0)) return { cells: 0, stuck: 0 };
    const scopes = names.map((name): MarkScope => ({ sheet: name, columns: record[name]! }));
    const found = await findOwnMarks(context, scopes);
    const removed = await deleteMarks(context, scopes, found.marks);
    const next: MarkRecord = {};
    if (removed.stuck > 0) Object.assign(next, record);
    else if (!all) for (const [name, columns] of Object.entries(record)) if (name !== sheet) next[name] = columns;
    saveMarkRecord(context, next);
    await context.sync();
    return removed;
  });
  if (result.stuck > 0) throw stuckError(action, result.stuck, 0);
  return result.cells;
}

// ── insertRows ───────────────────────────────────────────────────────────────────────────────

/**
 * Two round trips whatever the number of rows: the number formats of the row above (so a date
 * column written as yyyy"年"m"月"d"日" stays so), then the insert of whole rows, the values and the
 * selection of the new rows.
 */
async function insertRows(
  sheet: string,
  beforeRow: number,
  firstColumn: number,
  rows: readonly (readonly CellValue[])[],
): Promise<void> {
  const action: Action = {
    zh: `在工作表“${sheet}”第 ${beforeRow} 行插入 ${rows.length} 行`,
    en: `insert ${rows.length} row(s) at row ${beforeRow} of the sheet “${sheet}”`,
  };
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (!isValidRowInsert(beforeRow, firstColumn, rows)) {
    throw new ExcelWorkbookError(
      `无法${action.zh}：没有要写入的行，或位置无效。`,
      `Could not ${action.en}: nothing to write, or not a valid position.`,
      'host',
    );
  }
  await runExcel(action, async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    const above = beforeRow > 1 ? ws.getRangeByIndexes(beforeRow - 2, firstColumn - 1, 1, width) : null;
    above?.load('numberFormat');
    await context.sync();
    ws.getRangeByIndexes(beforeRow - 1, 0, rows.length, 1)
      .getEntireRow()
      .insert('Down');
    const cells = insertedRowCells(rows, width, above?.numberFormat[0] ?? []);
    const target = ws.getRangeByIndexes(beforeRow - 1, firstColumn - 1, rows.length, width);
    // Office.js takes null as "leave this cell"; its typings want the scalar types only.
    target.numberFormat = cells.numberFormat as unknown as string[][];
    target.values = cells.values as unknown as (string | number | boolean)[][];
    ws.activate();
    target.select();
    await context.sync();
  });
}

// ── addSheets ────────────────────────────────────────────────────────────────────────────────

/** Queues writes and syncs whenever the next one would take the batch over `limit` bytes. */
class WriteBatch {
  private bytes = 0;
  private pending = false;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly limit: number,
  ) {}

  async reserve(bytes: number): Promise<void> {
    if (this.pending && this.bytes + bytes > this.limit) await this.flush();
    this.bytes += bytes;
    this.pending = true;
  }

  async flush(): Promise<void> {
    if (!this.pending) return;
    await this.context.sync();
    this.bytes = 0;
    this.pending = false;
  }
}

/**
 * Hidden sheet for dropdown lists longer than a validation rule can hold. One per workbook: a later
 * 新建台账 reuses it, pointing at a column that already holds the same list or writing the list into
 * the next free column (columns other registers point at are never overwritten). Created on first need.
 */
class ListsSheet {
  private sheet: { ws: Excel.Worksheet; name: string } | null = null;
  private readonly sources = new Map<string, string>();
  private nextColumn = 0;

  constructor(
    private readonly worksheets: Excel.WorksheetCollection,
    private readonly taken: string[],
    /** The existing lists sheet and its columns' lists (read in addSheets), if there is one. */
    existing: { name: string; columns: readonly (readonly string[])[] } | null,
  ) {
    if (!existing) return;
    this.sheet = { ws: worksheets.getItem(existing.name), name: existing.name };
    existing.columns.forEach((items, column) => {
      if (items.length > 0) this.sources.set(JSON.stringify(items), this.reference(column, items.length));
    });
    this.nextColumn = existing.columns.length;
  }

  private reference(column: number, length: number): string {
    const letters = columnLetters(column + 1);
    return `=${quoteSheetName(this.sheet!.name)}!$${letters}$1:$${letters}$${length}`;
  }

  /** The absolute reference of `items` written into a column of the lists sheet. */
  sourceFor(items: readonly string[]): string {
    const key = JSON.stringify(items);
    const known = this.sources.get(key);
    if (known) return known;
    if (!this.sheet) {
      const name = uniqueSheetName(LISTS_SHEET_NAME, this.taken);
      this.taken.push(name);
      const ws = this.worksheets.add(name);
      ws.visibility = 'Hidden';
      this.sheet = { ws, name };
    }
    const column = this.nextColumn++;
    const range = this.sheet.ws.getRangeByIndexes(0, column, items.length, 1);
    range.numberFormat = items.map(() => [TEXT_FORMAT]);
    range.values = items.map((item) => [item]);
    const source = this.reference(column, items.length);
    this.sources.set(key, source);
    return source;
  }
}

/** The lists in each column of an existing lists sheet's used range (values read as text, to the first blank). */
function listsByColumn(values: readonly (readonly unknown[])[], columnIndex: number): string[][] {
  const width = columnIndex + (values[0]?.length ?? 0);
  const columns: string[][] = Array.from({ length: width }, () => []);
  for (let c = 0; c < (values[0]?.length ?? 0); c++) {
    const items: string[] = [];
    for (const row of values) {
      const value = row[c];
      if (value === '' || value === null || value === undefined) break;
      items.push(String(value));
    }
    columns[columnIndex + c] = items;
  }
  return columns;
}

function applyList(ws: Excel.Worksheet, list: ListPlan, lists: ListsSheet): void {
  const range = ws.getRangeByIndexes(list.firstRow - 1, list.column - 1, list.lastRow - list.firstRow + 1, 1);
  range.dataValidation.rule = {
    list: { inCellDropDown: true, source: list.inlineSource ?? lists.sourceFor(list.items) },
  };
  // A warning rather than a stop: a department missing from the list must still be enterable.
  range.dataValidation.errorAlert = {
    showAlert: true,
    style: 'Warning',
    title: '不在下拉列表中 / Not in the list',
    message: '该值不在下拉列表中，请核对。The value is not in the dropdown list; please check it.',
  };
}

async function addSheets(specs: readonly SheetSpec[], options: WriteOptions): Promise<string[]> {
  if (specs.length === 0) return [];
  const action: Action = {
    zh: `新建工作表“${specs.map((s) => s.name).join('”“')}”`,
    en: `add the sheet “${specs.map((s) => s.name).join('”, “')}”`,
  };
  throwIfCancelled(options.signal, action);
  let layouts: ReturnType<typeof layoutSheet>[];
  try {
    layouts = specs.map(layoutSheet);
  } catch (error) {
    throw toWorkbookError(error, action);
  }
  return runExcel(action, async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name');
    await context.sync();
    const taken = worksheets.items.map((s) => s.name);
    // An earlier 新建台账 left a hidden lists sheet: read its lists (one more round trip, only then).
    let existingLists: { name: string; columns: string[][] } | null = null;
    const listsName = taken.find((name) => name === LISTS_SHEET_NAME);
    if (listsName && layouts.some((layout) => layout.lists.some((list) => list.inlineSource === null))) {
      const used = worksheets.getItem(listsName).getUsedRangeOrNullObject(true);
      used.load('values,columnIndex');
      await context.sync();
      existingLists = {
        name: listsName,
        columns: used.isNullObject ? [] : listsByColumn(used.values, used.columnIndex),
      };
    }
    const lists = new ListsSheet(worksheets, taken, existingLists);
    const batch = new WriteBatch(context, WRITE_BATCH_BYTES);
    const names: string[] = [];
    const printSetups: { ws: Excel.Worksheet; layout: ReturnType<typeof layoutSheet> }[] = [];

    for (const [i, spec] of specs.entries()) {
      if (options.signal?.aborted) {
        await batch.flush(); // finish the sheets already queued, then stop before the next one
        throwIfCancelled(options.signal, action);
      }
      const layout = layouts[i]!;
      const name = uniqueSheetName(spec.name, taken);
      taken.push(name);
      names.push(name);
      const ws = worksheets.add(name);

      // Formats first: a string written into a cell formatted "@" stays text (see cells.ts).
      const rowBytes = layout.values.map((row, r) => jsonBytes(row) + jsonBytes(layout.formats[r]));
      for (const [start, end] of chunkRowsByBytes(rowBytes, WRITE_BATCH_BYTES)) {
        await batch.reserve(rowBytes.slice(start, end).reduce((a, b) => a + b, 0));
        const range = ws.getRangeByIndexes(start, 0, end - start, layout.width);
        range.numberFormat = layout.formats.slice(start, end);
        range.values = layout.values.slice(start, end);
      }

      if (layout.table) {
        // A Range, not an address: an address without a sheet name would put the table on the active sheet.
        const table = ws.tables.add(
          ws.getRange(areaAddress(layout.headerRow, 1, layout.lastTableRow, layout.tableWidth)),
          true,
        );
        table.style = TABLE_STYLE;
      }
      for (const { column, points } of layout.widths)
        ws.getRangeByIndexes(0, column - 1, 1, 1).getEntireColumn().format.columnWidth = points;
      if (layout.tableWidth > 0)
        ws.getRangeByIndexes(layout.headerRow - 1, 0, 1, layout.tableWidth).format.wrapText = true;
      for (const { row, lines } of layout.longLines) {
        const line = ws.getRangeByIndexes(row - 1, 0, 1, Math.max(1, layout.tableWidth));
        line.merge(false);
        line.format.wrapText = true;
        line.format.rowHeight = lines * 15 + 3;
      }
      printSetups.push({ ws, layout });
      for (const list of layout.lists) applyList(ws, list, lists);
      if (layout.freezeRows > 0) ws.freezePanes.freezeRows(layout.freezeRows);
      await batch.reserve(1_000);
      options.onProgress?.((i + 1) / specs.length);
    }
    await batch.flush();
    await setUpPrinting(context, printSetups);
    return names;
  });
}

/** `&` starts a code in Excel's header and footer text: a literal one is doubled. */
const headerText = (text: string) => text.replace(/&/g, '&&');

/**
 * Every sheet the add-in writes prints on A4 landscape, all columns on one page wide, the header
 * row repeated on each page, the title in the page header and 第 N 页 共 M 页 in the footer: these
 * returns are printed and filed. One round trip of its own after the sheets are written, so a host
 * that refuses a page setting still keeps the sheets (the failure is reported in the console).
 */
async function setUpPrinting(
  context: Excel.RequestContext,
  sheets: readonly { ws: Excel.Worksheet; layout: ReturnType<typeof layoutSheet> }[],
): Promise<void> {
  if (sheets.length === 0) return;
  for (const { ws, layout } of sheets) {
    const page = ws.pageLayout;
    page.orientation = 'Landscape';
    page.paperSize = 'A4';
    page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (layout.print.titleRow !== null) page.setPrintTitleRows(`$${layout.print.titleRow}:$${layout.print.titleRow}`);
    page.headersFooters.defaultForAllPages.centerHeader = `&B${headerText(layout.print.title)}`;
    page.headersFooters.defaultForAllPages.centerFooter = '第 &P 页 共 &N 页';
  }
  try {
    await context.sync();
  } catch (error) {
    console.warn('Page setup was not applied:', error);
  }
}

// ── files ────────────────────────────────────────────────────────────────────────────────────

/**
 * Files are parsed here in the pane (`src/read/`), not inserted with `insertWorksheetsFromBase64`:
 * consolidation needs the county registers' values, not copies of their sheets in the user's
 * workbook, and parsing works on every host that has ExcelApi 1.9.
 */
async function readWorkbookFile(
  file: PickedFile,
  options: ReadOptions,
  injected: ExcelPortOptions['readWorkbook'],
): Promise<Grid[]> {
  const action: Action = { zh: `读取文件“${file.name}”`, en: `read the file “${file.name}”` };
  throwIfCancelled(options.signal, action);
  let result: WorkbookRead;
  try {
    const read = injected ?? (await import('../read')).readWorkbook;
    result = await read(file.bytes, file.name);
  } catch (error) {
    // The reader reports bad files as results; reaching here means it could not run at all.
    const detail = error instanceof Error ? error.message : String(error);
    throw new ExcelWorkbookError(
      `无法${action.zh}：${detail}。请确认文件是 Excel 工作簿（.xlsx）后重试。`,
      `Could not ${action.en}: ${detail}. Make sure it is an Excel workbook (.xlsx) and try again.`,
      'unreadable',
      { cause: error },
    );
  }
  throwIfCancelled(options.signal, action);
  if (!result.ok) throw new ExcelWorkbookError(result.message, result.messageEn, 'unreadable');
  options.onProgress?.(1);
  return result.sheets;
}
