/** The preview page: the in-memory workbook drawn as a spreadsheet, the real task pane beside it. */
import { useRef, useState, useSyncExternalStore, type CSSProperties } from 'react';
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
    open: '打开 .xlsx…',
    problems: '部分示例未能载入：',
  },
  en: {
    banner: 'Preview: an in-memory workbook (loaded with the sample registers) beside the same task pane Excel shows. Data stays in this page.',
    open: 'Open .xlsx…',
    problems: 'Some samples could not be loaded: ',
  },
} as const;

export function PreviewApp({ workbook, initialLang, problems }: { workbook: MemoryWorkbook; initialLang: Lang; problems: readonly string[] }) {
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

  return (
    <div style={styles.page}>
      <div style={styles.workbook}>
        <div style={styles.banner}>
          <span style={styles.bannerText}>{text.banner}</span>
          <button type="button" style={styles.open} onClick={() => fileInput.current?.click()}>{text.open}</button>
          <input
            ref={fileInput}
            type="file"
            multiple
            accept={REGISTER_FILE_ACCEPT}
            style={{ display: 'none' }}
            data-testid="preview-open-input"
            onChange={(e) => {
              if (e.target.files) void open(e.target.files).finally(() => { e.target.value = ''; });
            }}
          />
        </div>
        {(problems.length > 0 || openError) && (
          <div style={styles.problem} role="alert">
            {openError ?? `${text.problems}${problems.join('；')}`}
          </div>
        )}
        <div style={styles.grid}>
          <SheetGrid workbook={workbook} version={version} />
        </div>
      </div>
      <aside style={styles.pane} aria-label="任务窗格 Task pane" data-testid="task-pane">
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
  );
}

const styles = {
  page: { display: 'flex', height: '100%', background: '#F3F3F3' },
  workbook: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0 },
  banner: { display: 'flex', alignItems: 'center', gap: 12, padding: '6px 10px', background: '#107C41', color: '#FFF', fontFamily: "'Segoe UI', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif", fontSize: 13 },
  bannerText: { flexGrow: 1, minWidth: 0 },
  open: { background: '#FFF', color: '#107C41', border: 'none', borderRadius: 4, padding: '4px 10px', cursor: 'pointer', fontFamily: 'inherit', whiteSpace: 'nowrap' },
  problem: { padding: '6px 10px', background: '#FDE7E9', color: '#A4262C', fontSize: 13 },
  grid: { flexGrow: 1, minHeight: 0 },
  pane: { width: 380, flexShrink: 0, borderLeft: '1px solid #C8C8C8', background: '#FFF', display: 'flex', flexDirection: 'column', minHeight: 0 },
} satisfies Record<string, CSSProperties>;
