/**
 * The preview's spreadsheet: sheet tabs, column letters, row numbers, the add-in's marks coloured
 * by severity and the selected cell, scrolled into view when the pane selects it. Only the rows in
 * view are rendered, so sheets of thousands of rows scroll smoothly.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { cellText } from '../ledger/cells/value';
import type { CellValue } from '../ledger/grid';
import { cellAddress, columnLetters } from '../ledger/grid';
import type { Severity } from '../ledger/findings';
import type { MemorySheet, MemoryWorkbook } from './memoryWorkbook';

export const ROW_HEIGHT = 22;
const HEADER_HEIGHT = 22;
const ROW_HEADER_WIDTH = 48;
const OVERSCAN = 10;
const MIN_COLUMN = 56;
const MAX_COLUMN = 300;

/** Excel's own light fills for bad / neutral / note cells (the built-in cell styles). */
export const MARK_STYLE: Record<Severity, { background: string; color: string }> = {
  error: { background: '#FFC7CE', color: '#9C0006' },
  warning: { background: '#FFEB9C', color: '#9C5700' },
  info: { background: '#DDEBF7', color: '#1F4E78' },
};

/** Display width of a text: CJK characters take about twice the width of Latin ones. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/u.test(ch) ? 13 : 7;
  return width;
}

/** Column widths in pixels: from the written layout when the product wrote the sheet, else from the content. */
function columnWidths(sheet: MemorySheet, columnCount: number): number[] {
  const widths = new Array<number>(columnCount).fill(MIN_COLUMN + 24);
  if (sheet.layout) {
    // As the Excel adapter does (src/excel/sheetLayout.ts): at least wide enough for the header, up to 40 characters.
    sheet.layout.columns.forEach((c, i) => {
      if (i >= columnCount) return;
      const header = Math.min(MAX_COLUMN, textWidth(String(c.header)) + 14);
      widths[i] = Math.max(c.width !== undefined ? Math.round(c.width * 7.5 + 10) : widths[i]!, header);
    });
    return widths;
  }
  const merged = new Set(sheet.merges.filter((m) => m.right > m.left).map((m) => `${m.top}:${m.left}`));
  // The first few hundred rows are a good enough sample for a register. Rows of one or two cells
  // (a title, a unit line) spill into their empty neighbours instead of widening a column.
  sheet.cells.slice(0, 300).forEach((row, r) => {
    if (row.filter((v) => cellText(v) !== '').length < 3) return;
    row.forEach((value, c) => {
      if (c >= columnCount || merged.has(`${r + 1}:${c + 1}`)) return;
      const text = cellText(value);
      if (text === '') return;
      widths[c] = Math.max(widths[c]!, Math.min(MAX_COLUMN, textWidth(text) + 14));
    });
  });
  return widths;
}

function displayText(value: CellValue, format: string | undefined): string {
  if (format === 'percent' && typeof value === 'number') return `${(value * 100).toFixed(1)}%`;
  return cellText(value);
}

interface Props {
  readonly workbook: MemoryWorkbook;
  /** The workbook's version: a new one redraws the grid (the workbook is mutable, its version is not). */
  readonly version: number;
}

export function SheetGrid({ workbook }: Props) {
  const sheet = workbook.activeSheet ? workbook.sheet(workbook.activeSheet) : undefined;
  const selection = workbook.selection?.sheet === sheet?.name ? workbook.selection : null;
  return (
    <div style={styles.frame}>
      <FormulaBar sheet={sheet} selection={selection} />
      {sheet ? (
        <Cells key={sheet.name} workbook={workbook} sheet={sheet} selection={selection} />
      ) : (
        <div style={styles.empty} />
      )}
      <SheetTabs workbook={workbook} />
    </div>
  );
}

function FormulaBar({
  sheet,
  selection,
}: {
  sheet: MemorySheet | undefined;
  selection: { row: number; column: number } | null;
}) {
  const address = selection ? cellAddress(selection.row, selection.column) : '';
  const value = selection && sheet ? cellText(sheet.cells[selection.row - 1]?.[selection.column - 1] ?? null) : '';
  return (
    <div style={styles.formulaBar}>
      <span style={styles.nameBox} data-testid="name-box">
        {address}
      </span>
      <span style={styles.formula} data-testid="formula-bar" title={value}>
        {value}
      </span>
    </div>
  );
}

function Cells({
  workbook,
  sheet,
  selection,
}: {
  workbook: MemoryWorkbook;
  sheet: MemorySheet;
  selection: { row: number; column: number } | null;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState({ top: 0, height: 600 });

  // A sheet's cells never change once added (only its marks do), so sizes are computed once per sheet.
  const longestRow = useMemo(() => sheet.cells.reduce((n, row) => Math.max(n, row.length), 0), [sheet]);
  const rowCount = Math.max(sheet.cells.length + 20, 60);
  const columnCount = Math.min(Math.max(longestRow + 3, 12), 200);
  const widths = useMemo(() => columnWidths(sheet, columnCount), [sheet, columnCount]);
  const lefts = useMemo(() => {
    const out: number[] = [];
    let x = ROW_HEADER_WIDTH;
    for (const w of widths) {
      out.push(x);
      x += w;
    }
    out.push(x);
    return out;
  }, [widths]);
  const totalWidth = lefts[lefts.length - 1]!;

  // Horizontal merges (a title across the sheet) draw as one wide cell.
  const merges = useMemo(() => {
    const starts = new Map<string, number>();
    const covered = new Set<string>();
    for (const m of sheet.merges) {
      if (m.right <= m.left) continue;
      starts.set(`${m.top}:${m.left}`, m.right);
      for (let c = m.left + 1; c <= m.right; c++) covered.add(`${m.top}:${c}`);
    }
    return { starts, covered };
  }, [sheet]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const update = () => setViewport({ top: el.scrollTop, height: el.clientHeight });
    update();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(update) : null;
    observer?.observe(el);
    return () => observer?.disconnect();
  }, []);

  const leftsRef = useRef(lefts);
  leftsRef.current = lefts;
  // Bring the selected cell into view when it is selected (not on every redraw), as Excel does.
  useEffect(() => {
    const lefts = leftsRef.current;
    const el = scroller.current;
    if (!el || !selection) return;
    const top = HEADER_HEIGHT + (selection.row - 1) * ROW_HEIGHT;
    if (top - HEADER_HEIGHT < el.scrollTop || top + ROW_HEIGHT > el.scrollTop + el.clientHeight) {
      el.scrollTop = Math.max(0, top - HEADER_HEIGHT - el.clientHeight / 3);
    }
    const left = lefts[selection.column - 1] ?? ROW_HEADER_WIDTH;
    const right = lefts[selection.column] ?? left;
    if (left - ROW_HEADER_WIDTH < el.scrollLeft || right > el.scrollLeft + el.clientWidth) {
      el.scrollLeft = Math.max(0, left - ROW_HEADER_WIDTH - 40);
    }
    setViewport({ top: el.scrollTop, height: el.clientHeight });
  }, [selection]);

  const first = Math.max(0, Math.floor(viewport.top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rowCount, Math.ceil((viewport.top + viewport.height) / ROW_HEIGHT) + OVERSCAN);
  const layout = sheet.layout;

  const rows = [];
  for (let r = first + 1; r <= last; r++) {
    const values = sheet.cells[r - 1] ?? [];
    const isHeader = layout !== undefined && r === layout.headerRow;
    const inTable = layout !== undefined && layout.table && r > layout.headerRow && r <= layout.lastBodyRow;
    const cells = [];
    for (let c = 1; c <= columnCount; c++) {
      const key = `${r}:${c}`;
      if (merges.covered.has(key)) continue;
      const spanTo = merges.starts.get(key);
      const width =
        spanTo !== undefined ? (lefts[Math.min(spanTo, columnCount)] ?? totalWidth) - lefts[c - 1]! : widths[c - 1]!;
      const mark = sheet.marks.get(key);
      const selected = selection?.row === r && selection.column === c;
      const column = layout?.columns[c - 1];
      const text = displayText(values[c - 1] ?? null, column?.format);
      // Like Excel, text runs on over an empty neighbour rather than being cut off.
      const spills =
        text !== '' && spanTo === undefined && cellText(values[c] ?? null) === '' && typeof values[c - 1] === 'string';
      const style: CSSProperties = {
        ...styles.cell,
        left: lefts[c - 1],
        width,
        ...(spanTo !== undefined ? styles.mergedCell : {}),
        ...(spills ? styles.spillingCell : {}),
        ...(isHeader && c <= (layout?.columns.length ?? 0) ? styles.tableHeader : {}),
        ...(inTable && c <= (layout?.columns.length ?? 0) && r % 2 === 0 ? styles.bandedRow : {}),
        ...(typeof values[c - 1] === 'number' ? styles.numberCell : {}),
        ...(mark ? MARK_STYLE[mark] : {}),
        ...(selected ? styles.selected : {}),
      };
      cells.push(
        <div
          key={c}
          role="gridcell"
          style={style}
          title={text || undefined}
          data-address={cellAddress(r, c)}
          data-mark={mark}
          aria-selected={selected || undefined}
          onMouseDown={() => workbook.select(sheet.name, r, c)}
        >
          {text}
          {isHeader && column?.list && (
            <span style={styles.dropdown} title={column.list.join('、')}>
              ▾
            </span>
          )}
        </div>,
      );
    }
    rows.push(
      <div key={r} role="row" style={{ ...styles.row, top: HEADER_HEIGHT + (r - 1) * ROW_HEIGHT, width: totalWidth }}>
        <div role="rowheader" style={{ ...styles.rowHeader, ...(selection?.row === r ? styles.headerActive : {}) }}>
          {r}
        </div>
        {cells}
      </div>,
    );
  }

  return (
    <div
      ref={scroller}
      style={styles.scroller}
      onScroll={(e) => setViewport({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
      role="grid"
      aria-label={sheet.name}
      aria-rowcount={rowCount}
      data-testid="preview-grid"
      data-sheet={sheet.name}
      data-marks={sheet.marks.size}
    >
      <div style={{ position: 'relative', width: totalWidth, height: HEADER_HEIGHT + rowCount * ROW_HEIGHT }}>
        <div style={{ ...styles.columnHeaders, width: totalWidth }}>
          <div style={styles.corner} />
          {widths.map((w, i) => (
            <div
              key={i}
              style={{
                ...styles.columnHeader,
                left: lefts[i],
                width: w,
                ...(selection?.column === i + 1 ? styles.headerActive : {}),
              }}
            >
              {columnLetters(i + 1)}
            </div>
          ))}
        </div>
        {rows}
      </div>
    </div>
  );
}

function SheetTabs({ workbook }: { workbook: MemoryWorkbook }) {
  const marks = workbook.markCount;
  return (
    <div style={styles.tabs} role="tablist" aria-label="工作表 Sheets">
      <div style={styles.tabStrip}>
        {workbook.sheets.map((s) => {
          const active = s.name === workbook.activeSheet;
          return (
            <button
              key={s.name}
              type="button"
              role="tab"
              aria-selected={active}
              style={{ ...styles.tab, ...(active ? styles.tabActive : {}) }}
              onClick={() => workbook.activate(s.name)}
              data-sheet-tab={s.name}
            >
              {s.name}
              {s.marks.size > 0 && <span style={styles.tabMarks}>{s.marks.size}</span>}
            </button>
          );
        })}
      </div>
      <span style={styles.status} data-testid="mark-count" data-count={marks}>
        标记 {marks} 个单元格 · {marks} marked
      </span>
    </div>
  );
}

const GRID_LINE = '#E1E1E1';
const HEADER_BG = '#F3F3F3';
const EXCEL_GREEN = '#107C41';

const styles = {
  frame: {
    display: 'flex',
    flexDirection: 'column',
    height: '100%',
    minWidth: 0,
    fontFamily: "'Segoe UI', 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', sans-serif",
    fontSize: 13,
    color: '#222',
  },
  formulaBar: {
    display: 'flex',
    alignItems: 'center',
    gap: 8,
    padding: '4px 8px',
    borderBottom: `1px solid ${GRID_LINE}`,
    background: '#FFF',
    flexShrink: 0,
  },
  nameBox: { minWidth: 72, padding: '2px 6px', border: `1px solid ${GRID_LINE}`, fontFamily: 'Consolas, monospace' },
  formula: {
    flexGrow: 1,
    minWidth: 0,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    padding: '2px 6px',
    border: `1px solid ${GRID_LINE}`,
  },
  empty: { flexGrow: 1 },
  scroller: { position: 'relative', flexGrow: 1, overflow: 'auto', background: '#FFF', outline: 'none' },
  columnHeaders: { position: 'sticky', top: 0, height: HEADER_HEIGHT, zIndex: 3, background: HEADER_BG },
  corner: {
    position: 'sticky',
    left: 0,
    width: ROW_HEADER_WIDTH,
    height: HEADER_HEIGHT,
    background: HEADER_BG,
    borderRight: `1px solid ${GRID_LINE}`,
    borderBottom: `1px solid #C8C8C8`,
    zIndex: 4,
    boxSizing: 'border-box',
  },
  columnHeader: {
    position: 'absolute',
    top: 0,
    height: HEADER_HEIGHT,
    lineHeight: `${HEADER_HEIGHT}px`,
    textAlign: 'center',
    color: '#555',
    borderRight: `1px solid ${GRID_LINE}`,
    borderBottom: `1px solid #C8C8C8`,
    boxSizing: 'border-box',
    fontSize: 12,
  },
  headerActive: { background: '#D3F0E0', color: EXCEL_GREEN, fontWeight: 600 },
  row: { position: 'absolute', left: 0, height: ROW_HEIGHT },
  rowHeader: {
    position: 'sticky',
    left: 0,
    zIndex: 2,
    width: ROW_HEADER_WIDTH,
    height: ROW_HEIGHT,
    lineHeight: `${ROW_HEIGHT}px`,
    textAlign: 'center',
    background: HEADER_BG,
    color: '#555',
    borderRight: `1px solid #C8C8C8`,
    borderBottom: `1px solid ${GRID_LINE}`,
    boxSizing: 'border-box',
    fontSize: 12,
  },
  cell: {
    position: 'absolute',
    top: 0,
    height: ROW_HEIGHT,
    lineHeight: `${ROW_HEIGHT - 1}px`,
    padding: '0 4px',
    boxSizing: 'border-box',
    borderRight: `1px solid ${GRID_LINE}`,
    borderBottom: `1px solid ${GRID_LINE}`,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    cursor: 'cell',
  },
  mergedCell: { fontWeight: 600, background: '#FFF' },
  spillingCell: { overflow: 'visible', textOverflow: 'clip', zIndex: 1 },
  numberCell: { textAlign: 'right' },
  tableHeader: { background: '#4472C4', color: '#FFF', fontWeight: 600 },
  bandedRow: { background: '#D9E1F2' },
  selected: { outline: `2px solid ${EXCEL_GREEN}`, outlineOffset: -2, zIndex: 1 },
  dropdown: { float: 'right', opacity: 0.8 },
  tabs: {
    display: 'flex',
    alignItems: 'stretch',
    borderTop: `1px solid #C8C8C8`,
    background: HEADER_BG,
    flexShrink: 0,
    minHeight: 30,
  },
  tabStrip: { display: 'flex', overflowX: 'auto', flexGrow: 1, minWidth: 0 },
  tab: {
    border: 'none',
    borderRight: `1px solid ${GRID_LINE}`,
    background: 'transparent',
    padding: '4px 14px',
    cursor: 'pointer',
    whiteSpace: 'nowrap',
    fontFamily: 'inherit',
    fontSize: 13,
    color: '#333',
  },
  tabActive: { background: '#FFF', color: EXCEL_GREEN, fontWeight: 600, boxShadow: `inset 0 -3px 0 ${EXCEL_GREEN}` },
  tabMarks: {
    marginLeft: 6,
    padding: '0 5px',
    borderRadius: 8,
    background: MARK_STYLE.error.background,
    color: MARK_STYLE.error.color,
    fontSize: 11,
  },
  status: { padding: '6px 10px', color: '#555', whiteSpace: 'nowrap', fontSize: 12 },
} satisfies Record<string, CSSProperties>;
