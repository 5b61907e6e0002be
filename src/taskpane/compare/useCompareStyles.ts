/** The styles of the 对比/对账 tab's pieces (tab, pickers, result lists): the list-tab styles and its own. */
import { makeStyles, tokens } from '@fluentui/react-components';
import { LIST_TAB_STYLES } from '../components/listTabStyles';

export const useCompareStyles = makeStyles({
  ...LIST_TAB_STYLES,
  item: { ...LIST_TAB_STYLES.item, ':disabled': { cursor: 'default', color: tokens.colorNeutralForeground2 } },
  problem: { color: tokens.colorPaletteDarkOrangeForeground1, fontSize: tokens.fontSizeBase200 },
  error: { color: tokens.colorPaletteRedForeground1 },
});
