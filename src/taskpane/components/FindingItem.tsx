/** One finding: where it is, what is wrong, the suggestion; clicking it selects its cell. */
import { mergeClasses, tokens } from '@fluentui/react-components';
import { messageOf, type Finding, type Severity } from '../../ledger/findings';
import { cellAddress } from '../../ledger/grid';
import type { GroupMode } from '../model/findingGroups';
import { useStrings } from '../i18n';
import { useFindingListStyles } from './useFindingListStyles';

const SEVERITY_COLOR: Record<Severity, string> = {
  error: tokens.colorPaletteRedBorder2,
  warning: tokens.colorPaletteDarkOrangeBorder2,
  info: tokens.colorPaletteBlueBorderActive,
};

export function FindingItem({
  finding,
  mode,
  names,
  onSelect,
}: {
  finding: Finding;
  mode: GroupMode;
  names: ReadonlyMap<number, string>;
  onSelect: (f: Finding) => void;
}) {
  const styles = useFindingListStyles();
  const t = useStrings();
  const address =
    finding.row !== null && finding.columnIndex !== undefined ? cellAddress(finding.row, finding.columnIndex) : null;
  const where =
    mode === 'code'
      ? [
          finding.row === null ? t.validate.wholeSheet : t.validate.row(finding.row),
          finding.column,
          address && `(${address})`,
          finding.row !== null ? names.get(finding.row) : null,
        ]
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
