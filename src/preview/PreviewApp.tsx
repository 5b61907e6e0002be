/**
 * The preview page: the in-memory workbook drawn as a spreadsheet, the real task pane beside it.
 * From about 360 px (a phone, or a task pane's own width) to a desktop: below NARROW_WIDTH the pane
 * takes the whole width and the workbook sits behind a toggle in the banner.
 */
import { useEffect, useRef, useState, useSyncExternalStore, type CSSProperties } from 'react';
import type { Lang } from '../ledger/findings';
import { App } from '../taskpane/App';
import { storeLang } from '../taskpane/lang';
import type { MemoryWorkbook } from './memoryWorkbook';
import { addWorkbookFile } from './samples';
import { SheetGrid } from './SheetGrid';
import { REGISTER_FILE_ACCEPT } from '../read';

const TEXT = {
  zh: {
    banner: '预览：内存中的工作簿（已载入示例台账），右侧是与 Excel 中相同的任务窗格。数据只在本页中，不会上传。',
    bannerShort: '预览 · 数据只在本页中',
    open: '打开 .xlsx…',
    openShort: '打开…',
    showWorkbook: '工作簿',
    showPane: '任务窗格',
    problems: '部分示例未能载入：',
  },
  en: {
    banner:
      'Preview: an in-memory workbook (loaded with the sample registers) beside the same task pane Excel shows. Data stays in this page.',
    bannerShort: 'Preview · data stays in this page',
    open: 'Open .xlsx…',
    openShort: 'Open…',
    showWorkbook: 'Workbook',
    showPane: 'Task pane',
    problems: 'Some samples could not be loaded: ',
  },
} as const;

/** Below this width the workbook and the pane do not fit side by side: one at a time. */
export const NARROW_WIDTH = 760;

function useNarrow(): boolean {
  const query = `(max-width: ${NARROW_WIDTH - 1}px)`;
  const [narrow, setNarrow] = useState(
    () => typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(query).matches,
  );
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const list = window.matchMedia(query);
    const update = () => setNarrow(list.matches);
    update();
    list.addEventListener('change', update);
    return () => list.removeEventListener('change', update);
  }, [query]);
  return narrow;
}

export function PreviewApp({
  workbook,
  initialLang,
  problems,
}: {
  workbook: MemoryWorkbook;
  initialLang: Lang;
  problems: readonly string[];
}) {
  const version = useSyncExternalStore(workbook.subscribe, workbook.getVersion);
  const [lang, setLang] = useState<Lang>(initialLang);
  const [openError, setOpenError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const text = TEXT[lang];

  const open = async (files: FileList) => {
    setOpenError(null);
    for (const file of [...files]) {
      try {
        const names = await addWorkbookFile(workbook, file.name, await file.arrayBuffer(), false);
        if (names[0]) workbook.activate(names[0]);
      } catch (error) {
        setOpenError(error instanceof Error ? error.message : String(error));
      }
    }
  };

  const narrow = useNarrow();
  const [showWorkbook, setShowWorkbook] = useState(false);
  // When the pane selects a cell on a narrow page, the workbook stays hidden until asked for.
  const workbookShown = !narrow || showWorkbook;

  return (
    <div style={narrow ? styles.pageNarrow : styles.page} data-layout={narrow ? 'narrow' : 'wide'}>
      <div style={narrow ? styles.bannerNarrow : styles.banner} data-testid="preview-banner">
        <span style={styles.bannerText}>{narrow ? text.bannerShort : text.banner}</span>
        <button type="button" style={styles.open} onClick={() => fileInput.current?.click()} title={text.open}>
          {narrow ? text.openShort : text.open}
        </button>
        {narrow && (
          <button
            type="button"
            style={styles.open}
            aria-pressed={showWorkbook}
            onClick={() => setShowWorkbook((v) => !v)}
            data-testid="preview-toggle"
          >
            {showWorkbook ? text.showPane : text.showWorkbook}
          </button>
        )}
        <input
          ref={fileInput}
          type="file"
          multiple
          accept={REGISTER_FILE_ACCEPT}
          style={{ display: 'none' }}
          data-testid="preview-open-input"
          onChange={(e) => {
            if (e.target.files)
              void open(e.target.files).finally(() => {
                e.target.value = '';
              });
          }}
        />
      </div>
      {(problems.length > 0 || openError) && (
        <div style={styles.problem} role="alert">
          {openError ?? `${text.problems}${problems.join('；')}`}
        </div>
      )}
      <div style={styles.body}>
        <div style={{ ...styles.workbook, ...(workbookShown ? {} : styles.hidden) }} data-testid="preview-workbook">
          <div style={styles.grid}>
            <SheetGrid workbook={workbook} version={version} />
          </div>
        </div>
        <aside
          style={{ ...(narrow ? styles.paneNarrow : styles.pane), ...(narrow && showWorkbook ? styles.hidden : {}) }}
          aria-label="任务窗格 Task pane"
          data-testid="task-pane"
        >
          <App
            port={workbook}
            initialLang={initialLang}
            onLangChange={(next) => {
              setLang(next);
              storeLang(next);
            }}
          />
        </aside>
      </div>
    </div>
  );
}

const FONT = "'Segoe UI', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";

const styles = {
  page: { display: 'flex', flexDirection: 'column', height: '100%', background: '#F3F3F3' },
  pageNarrow: { display: 'flex', flexDirection: 'column', height: '100%', background: '#F3F3F3', minWidth: 0 },
  body: { display: 'flex', flexGrow: 1, minHeight: 0, minWidth: 0 },
  workbook: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0 },
  hidden: { display: 'none' },
  banner: {
    display: 'flex',
    alignItems: 'center',
    gap: 12,
    padding: '6px 10px',
    background: '#107C41',
    color: '#FFF',
    fontFamily: FONT,
    fontSize: 13,
    flexShrink: 0,
  },
  bannerNarrow: {
    display: 'flex',
    alignItems: 'center',
    gap: 8,
    padding: '6px 8px',
    background: '#107C41',
    color: '#FFF',
    fontFamily: FONT,
    fontSize: 13,
    flexShrink: 0,
  },
  bannerText: { flexGrow: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  open: {
    background: '#FFF',
    color: '#107C41',
    border: 'none',
    borderRadius: 4,
    padding: '4px 10px',
    cursor: 'pointer',
    fontFamily: 'inherit',
    whiteSpace: 'nowrap',
    flexShrink: 0,
  },
  problem: { padding: '6px 10px', background: '#FDE7E9', color: '#A4262C', fontSize: 13 },
  grid: { flexGrow: 1, minHeight: 0 },
  // A task pane in Excel is 320–500 px wide; the preview's sits at the same widths.
  pane: {
    width: 'clamp(320px, 32vw, 460px)',
    flexShrink: 0,
    borderLeft: '1px solid #C8C8C8',
    background: '#FFF',
    display: 'flex',
    flexDirection: 'column',
    minHeight: 0,
  },
  paneNarrow: { flexGrow: 1, minWidth: 0, background: '#FFF', display: 'flex', flexDirection: 'column', minHeight: 0 },
} satisfies Record<string, CSSProperties>;
