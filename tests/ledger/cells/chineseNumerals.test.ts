import { describe, expect, it } from 'vitest';
import { chineseNumber } from '../../../src/ledger/cells/chineseNumerals';

describe('chineseNumber', () => {
  it('reads counts, ordinals and days', () => {
    expect(['三', '十', '十五', '二十', '三十一', '三十三', '四十', '两', '一百零五'].map(chineseNumber)).toEqual([
      3, 10, 15, 20, 31, 33, 40, 2, 105,
    ]);
  });

  it('is null for anything that is not a Chinese numeral', () => {
    expect(['', '三次', 'III', '第三'].map(chineseNumber)).toEqual([null, null, null, null]);
  });
});
