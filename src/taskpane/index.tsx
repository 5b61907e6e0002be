/**
 * The page Excel loads. Waits for Office, checks the requirement sets, and renders the pane on the
 * Excel adapter. The only Office.js in src/taskpane: Office.onReady here and the Office theme
 * (ThemedApp.tsx).
 */
import { createRoot } from 'react-dom/client';
import { checkRequirements, createExcelWorkbookPort, requirementsMessage } from '../excel/index';
import type { Lang } from '../ledger/findings';
import { App } from './App';
import { storedLang, storeLang } from './lang';
import { Notice } from './Notice';
import { ThemedApp } from './ThemedApp';

const root = createRoot(document.getElementById('root')!);
const lang: Lang = storedLang();

if (typeof Office === 'undefined') {
  root.render(
    <Notice
      title="未能载入 Office.js"
      body="请在 Excel 中打开此任务窗格；若要在浏览器中试用，请打开本站的 preview.html。 Open this pane inside Excel; to try it in a browser, open preview.html on this server."
    />,
  );
} else {
  void Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel) {
      root.render(
        <Notice
          title="请在 Excel 中打开"
          body="此任务窗格只能在 Excel 中使用；若要在浏览器中试用，请打开本站的 preview.html。 This pane works inside Excel only; to try it in a browser, open preview.html on this server."
        />,
      );
      return;
    }
    const requirements = checkRequirements();
    if (!requirements.ok) {
      const message = requirementsMessage(requirements.missing);
      root.render(<Notice title="Excel 版本过旧 · Excel is too old" body={`${message.zh} ${message.en}`} />);
      return;
    }
    const port = createExcelWorkbookPort();
    root.render(
      <ThemedApp render={(theme) => <App port={port} theme={theme} initialLang={lang} onLangChange={storeLang} />} />,
    );
  });
}
