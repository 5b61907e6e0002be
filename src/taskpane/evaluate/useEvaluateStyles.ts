/** The styles of the 评价 tab's pieces (tab, pickers, results): the list-tab styles and its own (the grade chart). */
import { makeStyles, tokens } from '@fluentui/react-components';
import { LIST_TAB_STYLES } from '../components/listTabStyles';

export const useEvaluateStyles = makeStyles({
  ...LIST_TAB_STYLES,
  low: { color: tokens.colorPaletteRedForeground1 },
  chart: { display: 'flex', flexDirection: 'column', gap: '4px' },
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase200 },
  barLabel: { width: '4em', flexShrink: 0 },
  barTrack: {
    flexGrow: 1,
    height: '12px',
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusSmall,
  },
  barFill: { height: '100%', borderRadius: tokens.borderRadiusSmall },
});
