/**
 * The findings of a check, grouped by problem or by row. Groups expand on demand and show a page
 * at a time, so the DOM stays small and the pane stays responsive with thousands of findings.
 */
import { Badge, Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { messageOf, type Finding, type Severity } from '../../ledger/findings';
import { cellAddress } from '../../ledger/grid';
import { groupByCode, groupByRow, type FindingGroup } from '../model/findingGroups';
import { useStrings } from '../i18n';

/** Findings shown per expanded group before “show more”. */
export const FINDINGS_PAGE = 50;
/** Row groups shown before “show more” when grouping by row. */
export const ROW_GROUPS_PAGE = 60;
/** Up to this many findings every group starts expanded; above it only the first. */
const EXPAND_ALL_UP_TO = 60;

const SEVERITY_COLOR: Record<Severity, string> = {
  error: tokens.colorPaletteRedBorder2,
  warning: tokens.colorPaletteDarkOrangeBorder2,
  info: tokens.colorPaletteBlueBorderActive,
};

export const BADGE_COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const satisfies Record<Severity, string>;

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyleType: 'none' },
  groupHeader: {
    display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, width: '100%', border: 'none', cursor: 'pointer',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}`, backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1, borderRadius: tokens.borderRadiusMedium, fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300, textAlign: 'start', fontFamily: 'inherit',
    ':hover': { backgroundColor: tokens.colorNeutralBackground3Hover },
  },
  groupTitle: { flexGrow: 1, minWidth: 0 },
  rowName: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2, marginInlineStart: tokens.spacingHorizontalS },
  item: {
    display: 'flex', flexDirection: 'column', gap: '2px', width: '100%', textAlign: 'start', cursor: 'pointer',
    border: 'none', borderLeftWidth: '3px', borderLeftStyle: 'solid', borderLeftColor: 'transparent', borderRadius: tokens.borderRadiusSmall,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1, fontFamily: 'inherit', fontSize: tokens.fontSizeBase200,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  // Where the finding is: 12 px in the body's darker grey, readable for older eyes (not 10 px light grey).
  where: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  message: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, overflowWrap: 'anywhere' },
  suggestion: { color: tokens.colorBrandForeground1, overflowWrap: 'anywhere' },
  items: { margin: 0, padding: `${tokens.spacingVerticalXS} 0 ${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`, listStyleType: 'none' },
  more: { alignSelf: 'flex-start' },
});

export type GroupMode = 'code' | 'row';

interface Props {
  readonly findings: readonly Finding[];
  readonly mode: GroupMode;
  /** Body names by sheet row, to say which body a row is. */
  readonly names: ReadonlyMap<number, string>;
  readonly onSelect: (finding: Finding) => void;
}

export function FindingList({ findings, mode, names, onSelect }: Props) {
  const styles = useStyles();
  const t = useStrings();
  const groups = useMemo(() => (mode === 'code' ? groupByCode(findings) : groupByRow(findings)), [findings, mode]);
  const [rowGroupsShown, setRowGroupsShown] = useState(ROW_GROUPS_PAGE);

  if (mode === 'row') {
    const shown = groups.slice(0, rowGroupsShown);
    return (
      <div className={styles.list} data-testid="finding-list" data-mode="row">
        {shown.map((group) => (
          <FindingGroupView key={group.key} group={group} mode="row" names={names} onSelect={onSelect} initiallyOpen />
        ))}
        {groups.length > shown.length && (
          <Button className={styles.more} appearance="subtle" onClick={() => setRowGroupsShown((n) => n + ROW_GROUPS_PAGE)}>
            {t.validate.showMore(shown.length, groups.length)}
          </Button>
        )}
      </div>
    );
  }
  const expandAll = findings.length <= EXPAND_ALL_UP_TO;
  return (
    <div className={styles.list} data-testid="finding-list" data-mode="code">
      {groups.map((group, i) => (
        <FindingGroupView key={group.key} group={group} mode="code" names={names} onSelect={onSelect} initiallyOpen={expandAll || i === 0} />
      ))}
    </div>
  );
}

function FindingGroupView({ group, mode, names, onSelect, initiallyOpen }: {
  group: FindingGroup; mode: GroupMode; names: ReadonlyMap<number, string>; onSelect: (f: Finding) => void; initiallyOpen: boolean;
}) {
  const styles = useStyles();
  const t = useStrings();
  const [open, setOpen] = useState(initiallyOpen);
  const [shown, setShown] = useState(FINDINGS_PAGE);
  const title = mode === 'code'
    ? t.codeTitles[group.code!] ?? group.code
    : group.row === null || group.row === undefined ? t.validate.wholeSheet : t.validate.row(group.row);
  const rowName = mode === 'row' && typeof group.row === 'number' ? names.get(group.row) : undefined;
  const visible = open ? group.findings.slice(0, shown) : [];
  return (
    <section data-group={group.key} data-code={group.code} data-count={group.findings.length}>
      <button type="button" className={styles.groupHeader} aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {open ? <ChevronDownRegular /> : <ChevronRightRegular />}
        <span className={styles.groupTitle}>
          {title}
          {rowName && <span className={styles.rowName}>{rowName}</span>}
        </span>
        {/* The count in its severity's colour: red errors, amber warnings, blue info (never a black warning). */}
        <Badge appearance="filled" size="medium" color={BADGE_COLOR[group.severity]} data-severity={group.severity}>
          {group.findings.length}
        </Badge>
      </button>
      {open && (
        <ul className={styles.items}>
          {visible.map((f, i) => (
            <li key={i}>
              <FindingItem finding={f} mode={mode} names={names} onSelect={onSelect} />
            </li>
          ))}
          {group.findings.length > visible.length && (
            <li>
              <Button className={styles.more} appearance="subtle" size="small" onClick={() => setShown((n) => n + FINDINGS_PAGE)}>
                {t.validate.showMore(visible.length, group.findings.length)}
              </Button>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}

function FindingItem({ finding, mode, names, onSelect }: { finding: Finding; mode: GroupMode; names: ReadonlyMap<number, string>; onSelect: (f: Finding) => void }) {
  const styles = useStyles();
  const t = useStrings();
  const address = finding.row !== null && finding.columnIndex !== undefined ? cellAddress(finding.row, finding.columnIndex) : null;
  const where = mode === 'code'
    ? [finding.row === null ? t.validate.wholeSheet : t.validate.row(finding.row), finding.column, address && `(${address})`, finding.row !== null ? names.get(finding.row) : null]
    : [t.codeTitles[finding.code], finding.column, address && `(${address})`];
  const whereText = where.filter(Boolean).join(' · ');
  return (
    <button
      type="button"
      className={mergeClasses(styles.item)}
      style={{ borderLeftColor: SEVERITY_COLOR[finding.severity] }}
      onClick={() => onSelect(finding)}
      title={t.validate.goTo(address ?? whereText)}
      data-finding={finding.code}
      data-severity={finding.severity}
      data-row={finding.row ?? undefined}
      data-column={finding.columnIndex}
    >
      <span className={styles.where}>{whereText}</span>
      <span className={styles.message}>{messageOf(finding, t.lang)}</span>
      {finding.suggestion && (
        <span className={styles.suggestion}>
          {t.validate.suggestion}
          {finding.suggestion}
        </span>
      )}
    </button>
  );
}
