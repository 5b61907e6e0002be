/** The language the user last chose, remembered in the browser (Excel's pane keeps localStorage too). */
import type { Lang } from '../ledger/findings';

const KEY = 'ledger-lang';

export function storedLang(): Lang {
  try {
    return globalThis.localStorage?.getItem(KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function storeLang(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(KEY, lang);
  } catch {
    // Storage can be disabled; the choice then lasts for this session only.
  }
}
