/** The styles of the findings list and its groups and items, one block since the list and its groups share some. */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useFindingListStyles = makeStyles({
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
