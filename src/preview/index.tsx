/**
 * The preview page (npm start → http://localhost:3000/): the task pane on an in-memory workbook
 * holding the sample registers. It loads nothing from the network and needs no office.js.
 */
import { createRoot } from 'react-dom/client';
import { storedLang } from '../taskpane/lang';
import { MemoryWorkbook } from './memoryWorkbook';
import { PreviewApp } from './PreviewApp';
import { loadSamples } from './samples';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const root = createRoot(document.getElementById('root')!);
root.render(<p style={{ font: '14px sans-serif', padding: 16 }}>正在载入示例台账… Loading the sample registers…</p>);

const workbook = new MemoryWorkbook(storage());
loadSamples(workbook)
  .then((report) => report.problems)
  .catch((error: unknown) => [error instanceof Error ? error.message : String(error)])
  .then((problems) => {
    root.render(<PreviewApp workbook={workbook} initialLang={storedLang()} problems={problems} />);
  });
