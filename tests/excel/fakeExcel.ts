/**
 * A fake Excel for the adapter's tests and the benchmark: an in-memory workbook behind the
 * Office.js object model, built from office-addin-mock's OfficeMockObject.
 *
 * office-addin-mock only checks load-before-read (a property not loaded and synced reads as an
 * error string); everything else is supplied here, as its README says: `run`, every method the
 * adapter calls, the collections' `.items`, and a `context.sync` that tests can spy on. The fake
 * follows Office.js where the adapter's correctness depends on it:
 * - proxies queue their work; nothing reaches the workbook until `context.sync()`, in call order,
 *   and a batch left unsynced when `Excel.run` ends is an error;
 * - strings written to `range.values` are parsed like typed input unless the cell is formatted
 *   "@": "=…", "+…", "-…", "@…" become formulas and "001" the number 1;
 * - a missing sheet fails the sync with `ItemNotFound`; a request or response over the payload
 *   limit fails with `Request/ResponsePayloadSizeLimitExceeded`; `getRanges` rejects addresses
 *   over 8,192 characters; listing more than 512 merged areas fails;
 * - what real Excel refuses in daily use: writing to a protected sheet or a read-only workbook fails
 *   with `AccessDenied`, and any write while the user is editing a cell fails with
 *   `InvalidOperationInCellEditMode` (reads still work), see `FakeWorkbook.readOnly/cellEditMode`
 *   and `FakeSheet.protected`;
 * - the open office-js conditional-format bugs: reading the rule of a duplicated rule fails
 *   (OfficeDev/office-js #6827, #6835: `FakeConditionalFormat.duplicated`, or two rules of one type
 *   on the same areas), and deleting a rule that shares a cell with another rule fails with
 *   `ItemNotFound` (#5222) when the rule was reached through the whole sheet's collection
 *   (`getRange().conditionalFormats`), or through any collection with `cfDeleteBug: 'always'`.
 * Loaded values are a snapshot taken when the proxy is created (the adapter never reads what it
 * wrote earlier in the same batch).
 */
import { OfficeMockObject } from 'office-addin-mock';
import { columnLetters, type CellValue, type MergedRange } from '../../src/ledger/grid';
import { parseAreas, quoteSheetName } from '../../src/excel/addresses';

export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

export interface FakeCell {
  value: string | number | boolean;
  formula?: string;
  numberFormat: string;
  /** The cell's own fill colour (the user's formatting, which marks must not touch). */
  fill?: string;
}

export interface FakeConditionalFormat {
  readonly id: number;
  readonly type: string;
  formula: string | undefined;
  fill?: string;
  font?: string;
  readonly areas: MergedRange[];
  /** A rule the user duplicated in Excel's rule manager: its rule cannot be read (#6835). */
  readonly duplicated?: boolean;
}

export interface FakeTable {
  readonly area: MergedRange;
  readonly hasHeaders: boolean;
  style?: string;
}

export interface FakeValidation {
  readonly area: MergedRange;
  rule?: unknown;
  errorAlert?: unknown;
}

/** Cells are keyed by one number: row × 2^15 + column (columns stop at 16,384 < 2^15). */
const COLUMN_SPAN = 32_768;
const key = (row: number, column: number) => row * COLUMN_SPAN + column;

export class FakeSheet {
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  readonly cells = new Map<number, FakeCell>();
  readonly conditionalFormats: FakeConditionalFormat[] = [];
  readonly tables: FakeTable[] = [];
  readonly validations: FakeValidation[] = [];
  readonly columnWidths = new Map<number, number>();
  merges: MergedRange[] = [];
  frozenRows = 0;
  /** Rows whose text wraps (by 1-based row, the columns' span) and row heights set in points. */
  readonly wrapped: MergedRange[] = [];
  readonly rowHeights = new Map<number, number>();
  /** Page setup: orientation, paper, zoom, print title rows, header and footer. */
  readonly print: Record<string, unknown> = {};
  /** Protected (审阅 › 保护工作表): every write to it fails with AccessDenied. */
  protected = false;

  constructor(public name: string) {}

  /** The cell at a 1-based position, created (empty, General) on first touch. */
  cell(row: number, column: number): FakeCell {
    let cell = this.cells.get(key(row, column));
    if (!cell) this.cells.set(key(row, column), (cell = { value: '', numberFormat: 'General' }));
    return cell;
  }

  peek(row: number, column: number): FakeCell | undefined {
    return this.cells.get(key(row, column));
  }

  /** Smallest rectangle holding every cell with a value (what `getUsedRange(true)` returns). */
  usedArea(): MergedRange | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -Infinity;
    let right = -Infinity;
    for (const [k, cell] of this.cells) {
      if (cell.value === '' && cell.formula === undefined) continue;
      const r = Math.floor(k / COLUMN_SPAN);
      const c = k % COLUMN_SPAN;
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    return top === Infinity ? null : { top, left, bottom, right };
  }

  matrix<T>(area: MergedRange, pick: (cell: FakeCell | undefined) => T): T[][] {
    const rows: T[][] = [];
    for (let r = area.top; r <= area.bottom; r++) {
      const row: T[] = [];
      for (let c = area.left; c <= area.right; c++) row.push(pick(this.peek(r, c)));
      rows.push(row);
    }
    return rows;
  }
}

export interface SheetSeed {
  /** Values as Office.js would hold them (dates as serials); null/undefined for empty cells. */
  readonly rows: readonly (readonly CellValue[])[];
  readonly firstRow?: number;
  readonly firstColumn?: number;
  /** Number formats by 0-based column of `rows` (e.g. a date column). */
  readonly columnFormats?: Readonly<Record<number, string>>;
}

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  active = '';
  selection: { sheet: string; row: number; column: number } | null = null;
  readonly settings = new Map<string, unknown>();
  /** Opened read-only (or without edit rights): every write fails with AccessDenied. */
  readOnly = false;
  /** The user is typing in a cell: every write fails with InvalidOperationInCellEditMode. */
  cellEditMode = false;

  addSheet(name: string, seed: SheetSeed = { rows: [] }): FakeSheet {
    const sheet = new FakeSheet(name);
    const top = seed.firstRow ?? 1;
    const left = seed.firstColumn ?? 1;
    seed.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null || value === undefined || value === '') return;
        if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
          throw new TypeError('seed cells must be scalars');
        const cell = sheet.cell(top + r, left + c);
        cell.value = value;
        const format = seed.columnFormats?.[c];
        if (format) cell.numberFormat = format;
      }),
    );
    this.sheets.push(sheet);
    if (!this.active) this.active = name;
    return sheet;
  }

  find(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
}

/** What one `context.sync()` moved. */
export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  /** Cells returned by value loads. */
  readCells: number;
}

export interface FakeExcelOptions {
  /** Requirement sets reported as supported: ExcelApi up to this minor version (default 13). */
  readonly excelApiMinor?: number;
  /** Request/response size limit in bytes (Excel on the web: 5 MB). */
  readonly payloadLimit?: number;
  /**
   * When deleting a rule that shares a cell with another rule fails with ItemNotFound (#5222):
   * reached through the whole sheet's collection (default, as in the report), or always.
   */
  readonly cfDeleteBug?: 'whole-sheet' | 'always';
}

export interface FakeExcel {
  /** The RequestContext handed to every batch (spy on its `sync`). */
  readonly context: { sync: () => Promise<void>; workbook: unknown };
  readonly records: SyncRecord[];
  uninstall(): void;
}

class OfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

/** Where a fake Range points, for methods that take a Range (tables.add); invisible to the adapter. */
const RANGE_OF = Symbol('range');

const MOCK_ERRORS = new Set(['Error, property was not loaded', 'Error, context.sync() was not called']);
const encoder = new TextEncoder();
const bytesOf = (value: unknown) => encoder.encode(JSON.stringify(value) ?? '').length;
const areaText = (a: MergedRange) =>
  a.top === a.bottom && a.left === a.right
    ? `${columnLetters(a.left)}${a.top}`
    : `${columnLetters(a.left)}${a.top}:${columnLetters(a.right)}${a.bottom}`;
const cellsIn = (a: MergedRange) => (a.bottom - a.top + 1) * (a.right - a.left + 1);
const intersects = (a: MergedRange, b: MergedRange) =>
  a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

type Action = (record: SyncRecord) => void;

/** Installs `Excel` and `Office` globals backed by `book`; `uninstall` removes them. */
export function installFakeExcel(book: FakeWorkbook, options: FakeExcelOptions = {}): FakeExcel {
  const excelApiMinor = options.excelApiMinor ?? 13;
  const payloadLimit = options.payloadLimit ?? 5_000_000;
  let queue: Action[] = [];
  let toSync = new Set<OfficeMockObject>();
  let afterSync: Array<() => void> = [];
  const records: SyncRecord[] = [];
  let nextCfId = 1;

  const enqueue = (action: Action) => queue.push(action);
  const sheetAt = (name: string): FakeSheet => {
    const sheet = book.find(name);
    if (!sheet) throw new OfficeError('ItemNotFound', `The requested resource doesn't exist: worksheet “${name}”.`);
    return sheet;
  };
  /** The sheet a write goes to, after the checks real Excel makes before any write. */
  const writableSheet = (name: string): FakeSheet => {
    if (book.cellEditMode)
      throw new OfficeError(
        'InvalidOperationInCellEditMode',
        'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
      );
    const sheet = sheetAt(name);
    if (book.readOnly || sheet.protected)
      throw new OfficeError('AccessDenied', 'You cannot perform the requested operation.');
    return sheet;
  };
  const cfDeleteBug = options.cfDeleteBug ?? 'whole-sheet';
  const sameAreas = (a: FakeConditionalFormat, b: FakeConditionalFormat) =>
    JSON.stringify(a.areas) === JSON.stringify(b.areas);
  /** #6827/#6835: the rule of a duplicated rule, or of one of two same-type rules on the same cells, cannot be read. */
  const unreadable = (sheetName: string, cf: FakeConditionalFormat) =>
    cf.duplicated === true ||
    (book.find(sheetName)?.conditionalFormats ?? []).some(
      (other) => other.id !== cf.id && other.type === cf.type && sameAreas(other, cf),
    );

  /** An OfficeMockObject whose loads are synced by the next `context.sync()`. */
  const mock = <T extends object>(data: T): OfficeMockObject & T => {
    const object = new OfficeMockObject(data as never) as OfficeMockObject & T;
    const load = object.load.bind(object);
    (object as { load: unknown }).load = (properties: string) => {
      toSync.add(object);
      return load(properties);
    };
    return object;
  };

  /** `isNullObject` is readable after the sync without a load, as in Office.js. */
  const nullable = (object: object, isNull: boolean) =>
    afterSync.push(() => ((object as { isNullObject?: boolean }).isNullObject = isNull));

  /**
   * Property writes that Office.js queues (range.values, sheet.visibility …): the setter records
   * the write in call order. office-addin-mock also assigns these properties itself on load/sync
   * (an error string, or the snapshot it was built with); those are not writes.
   */
  const onAssign = (
    object: object,
    property: string,
    isInternal: (value: unknown) => boolean,
    write: (value: unknown) => Action,
  ) => {
    let current = (object as Record<string, unknown>)[property];
    Object.defineProperty(object, property, {
      configurable: true,
      enumerable: true,
      get: () => current,
      set: (value: unknown) => {
        current = value;
        if ((typeof value === 'string' && MOCK_ERRORS.has(value)) || isInternal(value)) return;
        enqueue(write(value));
      },
    });
  };

  /** A write-only object such as `format.fill` whose properties are queued writes. */
  const writeOnly = (writers: Record<string, (value: unknown) => Action>, nested: Record<string, object> = {}) => {
    const target: Record<string, unknown> = { ...nested };
    for (const [property, write] of Object.entries(writers)) {
      let current: unknown;
      Object.defineProperty(target, property, {
        enumerable: true,
        get: () => current,
        set: (value: unknown) => ((current = value), enqueue(write(value))),
      });
    }
    return target;
  };

  /** A collection whose `.items` become readable after `load('items/…')` and a sync. */
  const collection = <T extends OfficeMockObject>(makeItems: () => T[], extra: Record<string, unknown>) => {
    let items: T[] | null = null;
    let loaded = false;
    const target: Record<string, unknown> = {
      ...extra,
      load(properties: string) {
        // Each load lists the items as they are now (a shared collection must not keep a stale list).
        items = makeItems();
        loaded = false;
        const paths = properties.split(',').map((p) => p.trim().replace(/^items\//, ''));
        for (const item of items) for (const path of paths) item.load(path);
        afterSync.push(() => (loaded = true));
        return target;
      },
    };
    Object.defineProperty(target, 'items', {
      get: () => {
        if (!loaded || !items)
          throw new OfficeError(
            'PropertyNotLoaded',
            'The property “items” is not available. Load it and call context.sync() first.',
          );
        return items;
      },
    });
    return target;
  };

  // Excel's parsing of a string typed into a cell that is not formatted as text.
  const store = (cell: FakeCell, value: unknown) => {
    if (value instanceof Date || (typeof value === 'object' && value !== null)) {
      throw new OfficeError(
        'InvalidArgument',
        `Cell values must be strings, numbers or booleans, not ${Object.prototype.toString.call(value)}.`,
      );
    }
    delete cell.formula;
    if (typeof value === 'string' && cell.numberFormat !== '@') {
      if (/^[+-]?\d+(\.\d+)?$/.test(value.trim())) {
        cell.value = Number(value);
        return;
      }
      if (value.length > 1 && /^[=+\-@]/.test(value)) {
        cell.formula = value;
        cell.value = '#NAME?';
        return;
      }
    }
    cell.value = value as string | number | boolean;
  };

  /** Applies a 2-D array (or one scalar for the whole range) cell by cell. */
  const writeMatrix =
    (sheetName: string, area: MergedRange, matrix: unknown, apply: (cell: FakeCell, value: unknown) => void): Action =>
    (record) => {
      const sheet = writableSheet(sheetName);
      const rows = area.bottom - area.top + 1;
      const columns = area.right - area.left + 1;
      record.requestBytes += bytesOf(matrix);
      if (Array.isArray(matrix)) {
        if (matrix.length !== rows || matrix.some((row) => !Array.isArray(row) || row.length !== columns)) {
          throw new OfficeError(
            'InvalidArgument',
            `The number of rows or columns in the input array doesn't match the size of the range ${areaText(area)}.`,
          );
        }
      }
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < columns; c++) {
          const value = Array.isArray(matrix) ? (matrix[r] as unknown[])[c] : matrix;
          // Office.js: null in a 2-D array leaves that cell as it is.
          if (value !== null) apply(sheet.cell(area.top + r, area.left + c), value);
        }
      }
    };

  const rangeAreas = (sheetName: string, areas: MergedRange[], isNull = false) => {
    const object = mock({
      address: areas.map((a) => `${quoteSheetName(sheetName)}!${areaText(a)}`).join(','),
      cellCount: areas.reduce((sum, a) => sum + cellsIn(a), 0),
      areaCount: areas.length,
    });
    nullable(object, isNull);
    return object;
  };

  const conditionalFormatProxy = (sheetName: string, cf: FakeConditionalFormat, wholeSheet: boolean) => {
    const object = mock({
      id: String(cf.id),
      type: cf.type,
      customOrNullObject: { rule: { formula: cf.type === 'Custom' ? cf.formula : undefined } },
      delete: () =>
        enqueue(() => {
          const list = writableSheet(sheetName).conditionalFormats;
          const at = list.findIndex((f) => f.id === cf.id);
          if (at < 0) throw new OfficeError('ItemNotFound', 'The conditional format no longer exists.');
          const shared = list.some(
            (other) => other.id !== cf.id && other.areas.some((a) => cf.areas.some((b) => intersects(a, b))),
          );
          if (shared && (wholeSheet || cfDeleteBug === 'always'))
            throw new OfficeError('ItemNotFound', 'Item Not Found.');
          list.splice(at, 1);
        }),
      getRanges: () =>
        rangeAreas(
          sheetName,
          cf.areas.map((a) => ({ ...a })),
        ),
    });
    nullable(object.customOrNullObject, cf.type !== 'Custom');
    const load = object.load;
    (object as { load: unknown }).load = (properties: string) => {
      if (/rule/.test(properties) && unreadable(sheetName, cf)) {
        enqueue(() => {
          throw new OfficeError('GeneralException', 'There was an internal error while processing the request.');
        });
      }
      return load(properties);
    };
    return object;
  };

  const conditionalFormatCollection = (sheetName: string, area: MergedRange) =>
    collection(
      () =>
        (book.find(sheetName)?.conditionalFormats ?? [])
          .filter((cf) => cf.areas.some((a) => intersects(a, area)))
          .map((cf) =>
            conditionalFormatProxy(
              sheetName,
              cf,
              area.top === 1 && area.left === 1 && area.bottom === EXCEL_MAX_ROWS && area.right === EXCEL_MAX_COLUMNS,
            ),
          ),
      {
        add: (type: string) => {
          if (type !== 'Custom') throw new TypeError(`the fake supports only custom conditional formats, not ${type}`);
          const record: FakeConditionalFormat = { id: nextCfId++, type, formula: undefined, areas: [area] };
          return addConditionalFormat(sheetName, record);
        },
      },
    );

  const addConditionalFormat = (sheetName: string, record: FakeConditionalFormat) => {
    enqueue(() => void writableSheet(sheetName).conditionalFormats.unshift(record));
    return {
      custom: {
        rule: writeOnly({ formula: (v) => () => void (record.formula = String(v)) }),
        format: {
          fill: writeOnly({ color: (v) => () => void (record.fill = String(v)) }),
          font: writeOnly({ color: (v) => () => void (record.font = String(v)) }),
        },
      },
    };
  };

  const rangeProxy = (sheetName: string, area: MergedRange) => {
    if (
      area.top < 1 ||
      area.left < 1 ||
      area.bottom > EXCEL_MAX_ROWS ||
      area.right > EXCEL_MAX_COLUMNS ||
      area.bottom < area.top ||
      area.right < area.left
    ) {
      throw new OfficeError('InvalidArgument', `Range outside the sheet: ${areaText(area)}`);
    }
    const existing = book.find(sheetName);
    // Values are snapshotted when loaded and handed over at the sync, like a response.
    const unloaded = { values: [] as unknown[][], numberFormat: [] as unknown[][] };
    const loaded: { values?: unknown[][]; numberFormat?: unknown[][] } = {};
    const object = mock({
      address: `${quoteSheetName(sheetName)}!${areaText(area)}`,
      rowIndex: area.top - 1,
      columnIndex: area.left - 1,
      rowCount: area.bottom - area.top + 1,
      columnCount: area.right - area.left + 1,
      cellCount: cellsIn(area),
      values: unloaded.values,
      numberFormat: unloaded.numberFormat,
      select: () =>
        enqueue(() => {
          sheetAt(sheetName);
          book.selection = { sheet: sheetName, row: area.top, column: area.left };
        }),
      getEntireColumn: () =>
        rangeProxy(sheetName, { top: 1, left: area.left, bottom: EXCEL_MAX_ROWS, right: area.right }),
      getEntireRow: () =>
        rangeProxy(sheetName, { top: area.top, left: 1, bottom: area.bottom, right: EXCEL_MAX_COLUMNS }),
      // Whole rows only: everything from the first row moves down; the new cells take the number
      // formats of the row above, as Excel's insert does by default; merges move or grow.
      insert: (shift: string) =>
        enqueue(() => {
          if (shift !== 'Down' || area.left !== 1 || area.right !== EXCEL_MAX_COLUMNS)
            throw new TypeError('the fake inserts whole rows, shifting down, only');
          const sheet = writableSheet(sheetName);
          const n = area.bottom - area.top + 1;
          const moved = [...sheet.cells].map(([k, cell]) => {
            const r = Math.floor(k / COLUMN_SPAN);
            return [r >= area.top ? k + n * COLUMN_SPAN : k, cell] as const;
          });
          sheet.cells.clear();
          for (const [k, cell] of moved) sheet.cells.set(k, cell);
          for (const [k, cell] of moved) {
            const r = Math.floor(k / COLUMN_SPAN);
            if (r !== area.top - 1 || cell.numberFormat === 'General') continue;
            for (let i = 0; i < n; i++) sheet.cell(area.top + i, k % COLUMN_SPAN).numberFormat = cell.numberFormat;
          }
          sheet.merges = sheet.merges.map((m) =>
            m.top >= area.top
              ? { ...m, top: m.top + n, bottom: m.bottom + n }
              : m.bottom >= area.top
                ? { ...m, bottom: m.bottom + n }
                : m,
          );
        }),
      getMergedAreasOrNullObject: () => {
        const merges = (existing?.merges ?? []).filter((m) => intersects(m, area));
        enqueue(() => {
          if (merges.length > 512)
            throw new OfficeError('GeneralException', 'More than 512 merged areas in the range.');
        });
        return rangeAreas(sheetName, merges, merges.length === 0);
      },
    });
    const originalLoad = object.load;
    (object as { load: unknown }).load = (properties: string) => {
      for (const name of properties.split(',').map((p) => p.trim())) {
        if (name !== 'values' && name !== 'numberFormat') continue;
        if (cellsIn(area) > 1_000_000) throw new TypeError(`the fake does not load ${name} of ${cellsIn(area)} cells`);
        const snapshot = existing
          ? existing.matrix(area, (c) => (name === 'values' ? (c?.value ?? '') : (c?.numberFormat ?? 'General')))
          : [];
        enqueue((record) => {
          record.responseBytes += bytesOf(snapshot);
          if (name === 'values') record.readCells += cellsIn(area);
        });
        afterSync.push(() => {
          loaded[name] = snapshot;
          (object as Record<string, unknown>)[name] = snapshot;
        });
      }
      return originalLoad(properties);
    };
    Object.defineProperty(object, RANGE_OF, { value: { sheet: sheetName, area } });
    const internal = (name: 'values' | 'numberFormat') => (value: unknown) =>
      value === unloaded[name] || value === loaded[name];
    onAssign(object, 'values', internal('values'), (v) => writeMatrix(sheetName, area, v, store));
    onAssign(object, 'numberFormat', internal('numberFormat'), (v) =>
      writeMatrix(sheetName, area, v, (cell, f) => {
        cell.numberFormat = String(f);
      }),
    );
    Object.assign(object, {
      format: writeOnly(
        {
          columnWidth: (v) => () => {
            const sheet = writableSheet(sheetName);
            for (let c = area.left; c <= area.right; c++) sheet.columnWidths.set(c, Number(v));
          },
          wrapText: (v) => () => void (v === true && writableSheet(sheetName).wrapped.push({ ...area })),
          rowHeight: (v) => () => {
            const sheet = writableSheet(sheetName);
            for (let r = area.top; r <= area.bottom; r++) sheet.rowHeights.set(r, Number(v));
          },
        },
        {
          fill: writeOnly({
            color: (v) => writeMatrix(sheetName, area, String(v), (cell, color) => void (cell.fill = String(color))),
          }),
        },
      ),
      dataValidation: (() => {
        const record: FakeValidation = { area };
        let added = false;
        const ensure = () => {
          if (!added) writableSheet(sheetName).validations.push(record);
          added = true;
        };
        return writeOnly({
          rule: (v) => () => (ensure(), (record.rule = v)),
          errorAlert: (v) => () => (ensure(), (record.errorAlert = v)),
        });
      })(),
      conditionalFormats: conditionalFormatCollection(sheetName, area),
      merge: (across?: boolean) =>
        enqueue(() => {
          const sheet = writableSheet(sheetName);
          if (across) throw new TypeError('the fake merges whole areas only');
          if (sheet.merges.some((m) => intersects(m, area)))
            throw new OfficeError('InvalidOperation', 'Cannot merge over a merged area.');
          sheet.merges.push({ ...area });
        }),
    });
    return object;
  };

  const worksheetProxy = (name: string) => {
    const existing = book.find(name);
    const visibility = existing?.visibility ?? 'Visible';
    const object = mock({
      name: existing?.name ?? name,
      visibility,
      activate: () => enqueue(() => void (book.active = sheetAt(name).name)),
      delete: () =>
        enqueue(() => {
          if (book.cellEditMode)
            throw new OfficeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
          if (book.readOnly) throw new OfficeError('AccessDenied', 'You cannot perform the requested operation.');
          const at = book.sheets.indexOf(sheetAt(name));
          book.sheets.splice(at, 1);
          if (book.active.toLowerCase() === name.toLowerCase()) book.active = book.sheets[0]?.name ?? '';
        }),
      getRangeByIndexes: (row: number, column: number, rows: number, columns: number) =>
        rangeProxy(name, { top: row + 1, left: column + 1, bottom: row + rows, right: column + columns }),
      getRange: (address?: string) => {
        if (address === undefined)
          return rangeProxy(name, { top: 1, left: 1, bottom: EXCEL_MAX_ROWS, right: EXCEL_MAX_COLUMNS });
        const [area] = parseAreas(address);
        if (!area) throw new OfficeError('InvalidArgument', `Bad address ${address}`);
        return rangeProxy(name, area);
      },
      getRanges: (address: string) => {
        enqueue((record) => {
          record.requestBytes += address.length;
          if (address.length > 8_192)
            throw new OfficeError(
              'InvalidArgument',
              `The address is longer than 8,192 characters (${address.length}).`,
            );
        });
        const areas = parseAreas(address);
        return {
          conditionalFormats: {
            add: (type: string) => {
              if (type !== 'Custom')
                throw new TypeError(`the fake supports only custom conditional formats, not ${type}`);
              return addConditionalFormat(name, { id: nextCfId++, type, formula: undefined, areas });
            },
          },
        };
      },
      getUsedRangeOrNullObject: (valuesOnly?: boolean) => {
        if (valuesOnly !== true) throw new TypeError('the adapter should ask for the used range of values only');
        const used = existing?.usedArea() ?? null;
        const range = rangeProxy(name, used ?? { top: 1, left: 1, bottom: 1, right: 1 });
        nullable(range, used === null);
        return range;
      },
      tables: {
        // As in Excel: a Range object, or an address; an address without a sheet name means the *active* sheet.
        add: (source: string | { [RANGE_OF]?: { sheet: string; area: MergedRange } }, hasHeaders: boolean) => {
          const of = typeof source === 'string' ? undefined : source[RANGE_OF];
          if (typeof source !== 'string' && !of) throw new TypeError('tables.add takes an address or a Range');
          const address = typeof source === 'string' ? source : '';
          const target = of
            ? of.sheet
            : address.includes('!')
              ? address.slice(0, address.lastIndexOf('!')).replace(/^'|'$/g, '').replace(/''/g, "'")
              : null;
          const area = of ? of.area : parseAreas(address)[0];
          if (!area) throw new OfficeError('InvalidArgument', `Bad table address ${address}`);
          const table: FakeTable = { area, hasHeaders };
          enqueue(() => {
            const sheet = writableSheet(target ?? book.active);
            if (sheet.tables.some((t) => intersects(t.area, area)))
              throw new OfficeError('InvalidOperation', 'A table cannot overlap another table.');
            sheet.tables.push(table);
          });
          return writeOnly({ style: (v) => () => void (table.style = String(v)) });
        },
      },
      freezePanes: {
        freezeRows: (count: number) => enqueue(() => void (writableSheet(name).frozenRows = count)),
      },
    });
    // Assigned after the mock is built: office-addin-mock would copy the setters away.
    Object.assign(object, {
      pageLayout: (() => {
        const set = (key: string) => (v: unknown) => () => void (writableSheet(name).print[key] = v);
        const layout = writeOnly(
          { orientation: set('orientation'), paperSize: set('paperSize'), zoom: set('zoom') },
          {
            headersFooters: {
              defaultForAllPages: writeOnly({ centerHeader: set('centerHeader'), centerFooter: set('centerFooter') }),
            },
          },
        );
        (layout as Record<string, unknown>).setPrintTitleRows = (rows: string) => {
          if (!/^\$\d+:\$\d+$/.test(rows)) throw new OfficeError('InvalidArgument', `Bad print title rows ${rows}`);
          enqueue(set('titleRows')(rows));
        };
        return layout;
      })(),
    });
    onAssign(
      object,
      'visibility',
      (v) => v === visibility,
      (v) => () => void (sheetAt(name).visibility = v as FakeSheet['visibility']),
    );
    // A proxy for a sheet that does not exist fails the batch it is used in, as getItem does.
    if (!existing) enqueue(() => void sheetAt(name));
    return object;
  };

  const worksheets = collection(() => book.sheets.map((s) => worksheetProxy(s.name)), {
    getItem: (name: string) => worksheetProxy(name),
    getItemOrNullObject: (name: string) => {
      const exists = book.find(name) !== undefined;
      const proxy = exists
        ? worksheetProxy(name)
        : {
            delete: () => {
              throw new TypeError('the adapter deleted a null sheet');
            },
          };
      nullable(proxy, !exists);
      return proxy;
    },
    getActiveWorksheet: () => worksheetProxy(book.active),
    add: (name: string) => {
      enqueue(() => {
        if (book.cellEditMode)
          throw new OfficeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
        if (book.readOnly) throw new OfficeError('AccessDenied', 'You cannot perform the requested operation.');
        if (book.find(name)) throw new OfficeError('ItemAlreadyExists', `A sheet named “${name}” already exists.`);
        book.sheets.push(new FakeSheet(name));
      });
      // The new sheet exists by the time its own queued work runs.
      const pending = queue.length;
      const proxy = worksheetProxy(name);
      if (queue.length > pending) queue.pop();
      return proxy;
    },
  });

  const settings = {
    getItemOrNullObject: (settingKey: string) => {
      // Not an OfficeMockObject: it would turn an object value into nested mocks.
      const stored = book.settings.has(settingKey);
      const snapshot = JSON.stringify(book.settings.get(settingKey) ?? null);
      let loaded = false;
      const object = {
        key: settingKey,
        load: () => void afterSync.push(() => (loaded = true)),
        get value(): unknown {
          return loaded ? (JSON.parse(snapshot) as unknown) : 'Error, property was not loaded';
        },
      };
      nullable(object, !stored);
      return object;
    },
    add: (settingKey: string, value: unknown) =>
      enqueue(() => void book.settings.set(settingKey, JSON.parse(JSON.stringify(value)) as unknown)),
  };

  const context = {
    workbook: { worksheets, settings },
    sync: async (): Promise<void> => {
      const record: SyncRecord = { requestBytes: 0, responseBytes: 0, readCells: 0 };
      const actions = queue;
      const loaded = [...toSync];
      const after = afterSync;
      queue = [];
      toSync = new Set();
      afterSync = [];
      records.push(record);
      for (const action of actions) action(record);
      if (record.requestBytes > payloadLimit)
        throw new OfficeError(
          'RequestPayloadSizeLimitExceeded',
          `Request of ${record.requestBytes} bytes exceeds the limit.`,
        );
      if (record.responseBytes > payloadLimit)
        throw new OfficeError(
          'ResponsePayloadSizeLimitExceeded',
          `Response of ${record.responseBytes} bytes exceeds the limit.`,
        );
      for (const object of loaded) await object.sync();
      for (const done of after) done();
      // office-addin-mock settles nested properties a few microtasks after its own sync resolves.
      await new Promise((resolve) => setImmediate(resolve));
    },
  };

  const excel = new OfficeMockObject({
    run: async (batch: (ctx: typeof context) => Promise<unknown>) => {
      queue = [];
      toSync = new Set();
      afterSync = [];
      const result = await batch(context);
      if (queue.length > 0) throw new Error(`Excel.run ended with ${queue.length} queued operations never synced`);
      return result;
    },
  });
  const office = new OfficeMockObject({
    context: {
      requirements: {
        isSetSupported: (name: string, version?: string) => {
          if (name !== 'ExcelApi') return false;
          const minor = Number((version ?? '1.1').split('.')[1] ?? 0);
          return minor <= excelApiMinor;
        },
      },
    },
  });

  const globals = globalThis as { Excel?: unknown; Office?: unknown };
  const previous = { Excel: globals.Excel, Office: globals.Office };
  globals.Excel = excel;
  globals.Office = office;
  return {
    context,
    records,
    uninstall() {
      globals.Excel = previous.Excel;
      globals.Office = previous.Office;
    },
  };
}
