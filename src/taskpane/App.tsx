/**
 * The task pane. It talks to the workbook only through the WorkbookPort it is given: Excel's
 * adapter inside Excel, the in-memory workbook in the preview, a fake in tests.
 */
import { FluentProvider, makeStyles, tokens, type Theme } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { Lang } from '../ledger/findings';
import type { WorkbookPort } from '../port/workbook';
import { ErrorBoundary } from './components/ErrorBoundary';
import { StringsContext, stringsFor } from './i18n';
import { Pane } from './Pane';
import { defaultTheme } from './theme';

export interface AppProps {
  readonly port: WorkbookPort;
  /** Office's theme inside Excel; Fluent's web light theme otherwise. */
  readonly theme?: Theme;
  readonly initialLang?: Lang;
  readonly onLangChange?: (lang: Lang) => void;
}

const useStyles = makeStyles({
  provider: {
    height: '100%',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

export function App({ port, theme, initialLang = 'zh', onLangChange }: AppProps) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const strings = stringsFor(lang);
  const styles = useStyles();
  const switchLang = useCallback(() => {
    setLang((current) => {
      const next = current === 'zh' ? 'en' : 'zh';
      onLangChange?.(next);
      return next;
    });
  }, [onLangChange]);
  return (
    <FluentProvider theme={theme ?? defaultTheme} className={styles.provider} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <StringsContext.Provider value={strings}>
        <ErrorBoundary strings={strings}>
          <Pane port={port} onSwitchLang={switchLang} />
        </ErrorBoundary>
      </StringsContext.Provider>
    </FluentProvider>
  );
}
