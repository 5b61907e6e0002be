/** The pane inside the providers: header, tabs and the tab bodies, with the settings and the latest check they share. */
import { Button, Spinner, Subtitle1, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { LocalLanguageRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { makeSettings, parseSettings, type Settings } from '../ledger/settings';
import type { WorkbookPort } from '../port/workbook';
import { ErrorBar } from './components/ErrorBar';
import { NoteBar } from './components/NoteBar';
import { useValidation } from './hooks/useValidation';
import { useStrings } from './i18n';
import { storedSettingsProblem } from './model/settingsForm';
import { ConsolidateTab } from './tabs/ConsolidateTab';
import { FlagsTab } from './tabs/FlagsTab';
import { NewRegisterTab } from './tabs/NewRegisterTab';
import { ReviewTab } from './tabs/ReviewTab';
import { SettingsTab } from './tabs/SettingsTab';
import { ValidateTab } from './tabs/ValidateTab';
import { CompareTab } from './compare/CompareTab';
import { EvaluateTab } from './evaluate/EvaluateTab';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0`,
  },
  title: { flexGrow: 1, minWidth: 0 },
  // Task panes are narrow (about 320 px by default): the tabs wrap rather than get cut off.
  tabs: {
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    flexShrink: 0,
    flexWrap: 'wrap',
  },
  body: {
    flexGrow: 1,
    overflowY: 'auto',
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  loading: { padding: tokens.spacingVerticalXXL },
});

type TabKey = 'validate' | 'flags' | 'consolidate' | 'compare' | 'review' | 'evaluate' | 'newRegister' | 'settings';
const TABS: readonly TabKey[] = [
  'validate',
  'flags',
  'consolidate',
  'compare',
  'review',
  'evaluate',
  'newRegister',
  'settings',
];

interface LoadedSettings {
  readonly settings: Settings;
  readonly stored: unknown;
  /** Why the stored settings were not used (shown once), if they were not. */
  readonly problems: readonly string[];
  readonly error: unknown;
}

function useReviewOpened(tab: TabKey): boolean {
  const [opened, setOpened] = useState(false);
  if (tab === 'review' && !opened) setOpened(true);
  return opened || tab === 'review';
}

export function Pane({ port, onSwitchLang }: { port: WorkbookPort; onSwitchLang: () => void }) {
  const t = useStrings();
  const styles = useStyles();
  const [tab, setTab] = useState<TabKey>('validate');
  // The 审核 tab reads its register when first opened, then keeps its form while other tabs are used.
  const reviewOpened = useReviewOpened(tab);
  const [loaded, setLoaded] = useState<LoadedSettings | null>(null);
  // Bumped when the pane adds sheets or changes tab, so sheet lists are read again.
  const [revision, setRevision] = useState(0);
  // Bumped when settings change outside 设置 (the as-of date set on 校验), so its form shows them.
  const [settingsEpoch, setSettingsEpoch] = useState(0);

  useEffect(() => {
    let current = true;
    port.loadSettings().then(
      (stored) => {
        if (!current) return;
        const parsed = parseSettings(stored);
        setLoaded(
          parsed.ok
            ? { settings: parsed.settings, stored, problems: [], error: null }
            : { settings: makeSettings(), stored: null, problems: parsed.problems, error: null },
        );
      },
      (error: unknown) => {
        if (current) setLoaded({ settings: makeSettings(), stored: null, problems: [], error });
      },
    );
    return () => {
      current = false;
    };
  }, [port]);

  const settings = loaded?.settings ?? null;
  const fallback = useMemo(() => makeSettings(), []);
  const checking = useValidation(port, settings ?? fallback);
  const sheetsAdded = useCallback(() => setRevision((n) => n + 1), []);

  /** The as-of date set from the 校验 tab: saved with the other settings (null: always today). */
  const changeAsOf = async (asOf: string | null) => {
    if (!loaded) return;
    const base =
      loaded.stored && typeof loaded.stored === 'object' ? { ...(loaded.stored as Record<string, unknown>) } : {};
    if (asOf === null) delete base.asOf;
    else base.asOf = asOf;
    const parsed = parseSettings(base);
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    await port.saveSettings(base);
    setLoaded({ settings: parsed.settings, stored: base, problems: [], error: null });
    setSettingsEpoch((n) => n + 1);
  };

  const checkActive = async () => {
    const sheets = await port.listSheets().catch(() => []);
    const active = sheets.find((s) => s.active) ?? sheets[0];
    if (active) await checking.validate(active.name, true);
  };

  return (
    <>
      <header className={styles.header}>
        <Subtitle1 className={styles.title} as="h1">
          {t.appTitle}
        </Subtitle1>
        <Button
          appearance="subtle"
          icon={<LocalLanguageRegular />}
          onClick={onSwitchLang}
          aria-label={t.switchLanguageLabel}
          data-testid="language-button"
        >
          {t.switchLanguage}
        </Button>
      </header>
      <TabList
        className={styles.tabs}
        selectedValue={tab}
        onTabSelect={(_, d) => {
          setTab(d.value as TabKey);
          setRevision((n) => n + 1);
        }}
        size="small"
      >
        {TABS.map((key) => (
          <Tab key={key} value={key} data-testid={`tab-${key}`}>
            {t.tabs[key]}
          </Tab>
        ))}
      </TabList>
      <main className={styles.body}>
        {!loaded || !settings ? (
          <Spinner className={styles.loading} label={t.loading} />
        ) : (
          <>
            {loaded.error != null && <ErrorBar error={loaded.error} />}
            {loaded.problems.length > 0 && (
              <NoteBar intent="warning" title={t.settingsLoadProblem}>
                {loaded.problems
                  .map((problem) =>
                    storedSettingsProblem(problem, {
                      labels: t.settings,
                      invalid: t.settings.problem.invalid,
                      separator: t.lang === 'en' ? ': ' : '：',
                    }),
                  )
                  .join(t.lang === 'en' ? ' ' : '')}
              </NoteBar>
            )}
            <div hidden={tab !== 'validate'}>
              <ValidateTab
                port={port}
                revision={revision}
                checking={checking}
                asOf={settings.asOf}
                asOfIsToday={!(loaded.stored && typeof loaded.stored === 'object' && 'asOf' in loaded.stored)}
                onAsOfChange={changeAsOf}
              />
            </div>
            <div hidden={tab !== 'flags'}>
              <FlagsTab port={port} checking={checking} onCheckActive={checkActive} />
            </div>
            <div hidden={tab !== 'consolidate'}>
              <ConsolidateTab port={port} settings={settings} revision={revision} onSheetsAdded={sheetsAdded} />
            </div>
            <div hidden={tab !== 'compare'}>
              <CompareTab
                port={port}
                lang={t.lang}
                settings={settings}
                revision={revision}
                onSheetsAdded={sheetsAdded}
              />
            </div>
            <div hidden={tab !== 'review'}>
              {reviewOpened && (
                <ReviewTab port={port} settings={settings} revision={revision} onRegisterChanged={sheetsAdded} />
              )}
            </div>
            <div hidden={tab !== 'evaluate'}>
              <EvaluateTab
                port={port}
                lang={t.lang}
                settings={settings}
                revision={revision}
                onSheetsAdded={sheetsAdded}
              />
            </div>
            <div hidden={tab !== 'newRegister'}>
              <NewRegisterTab port={port} settings={settings} onSheetsAdded={sheetsAdded} revision={revision} />
            </div>
            <div hidden={tab !== 'settings'}>
              <SettingsTab
                key={settingsEpoch}
                port={port}
                settings={settings}
                stored={loaded.stored}
                onSaved={(next, stored) => setLoaded({ settings: next, stored, problems: [], error: null })}
              />
            </div>
          </>
        )}
      </main>
    </>
  );
}
