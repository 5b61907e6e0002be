/**
 * Place names in titles and file names: 东营市市级议事协调机构管理台账 → 东营市,
 * 河口区议事协调机构管理台账 → 河口区, 中共广饶县委机构编制委员会办公室 → 广饶县.
 */
const PLACE = /^(?:中共)?([\u4e00-\u9fa5]{1,7}?(?:自治县|自治州|新区|市|县|区|旗))(?=[\u4e00-\u9fa5]|$)/u;

/** Generic level words that are not a place by themselves. */
const NOT_PLACES = new Set(['市', '县', '区', '本市', '全市', '全县', '全区', '市级', '县级', '区级', '市区']);

/** The place a title or file name starts with, or null. */
export function placeAtStart(text: string): string | null {
  const t = text.replace(/[\s\u3000]+/g, '');
  const m = PLACE.exec(t);
  if (!m) return null;
  const place = m[1]!;
  return NOT_PLACES.has(place) || place.length < 2 ? null : place;
}
