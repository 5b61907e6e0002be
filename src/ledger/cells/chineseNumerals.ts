/**
 * Chinese numerals as registers write them: in years digit by digit (二〇一九, with 〇 or the
 * circle ○), in counts, ordinals and days with 十 and 百 (三十一, 第三十三届, 一百零五).
 */

/** The value of each Chinese digit. */
export const CHINESE_DIGIT: Readonly<Record<string, number>> = {
  〇: 0,
  '○': 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 三 → 3, 十 → 10, 三十三 → 33, 四十 → 40, 一百零五 → 105; null when the text is not a Chinese numeral. */
export function chineseNumber(text: string): number | null {
  if (text === '') return null;
  let total = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch === '百' || ch === '十') {
      total += (digit ?? 1) * (ch === '百' ? 100 : 10);
      digit = null;
    } else if (ch in CHINESE_DIGIT) {
      digit = CHINESE_DIGIT[ch]!;
    } else {
      return null;
    }
  }
  return total + (digit ?? 0);
}
