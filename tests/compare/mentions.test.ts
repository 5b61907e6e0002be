import { describe, expect, it } from 'vitest';
import { findMentions, mentionedKeys } from '../../src/ledger/compare/mentions';
import {
  addedHistory,
  recordsAbolition,
  recordsMerger,
  recordsMove,
  recordsRename,
} from '../../src/ledger/compare/history';
import { normaliseName } from '../../src/ledger/names';

const known = (names: string[], locals = ['潍坊市']) => new Set(names.map((n) => normaliseName(n, locals)));

describe('bodies named in 历史沿革', () => {
  it('a rename names both the old and the new body', () => {
    const text = '2019年设立；2024年由市大数据发展工作领导小组更名为市数字潍坊建设领导小组，办公室调整设在市政府办公室';
    const keys = mentionedKeys(text, known(['市大数据发展工作领导小组', '市数字潍坊建设领导小组']), ['潍坊市']);
    expect(keys).toEqual(['大数据发展工作领导小组', '数字潍坊建设领导小组']);
  });

  it('a merger of several bodies names each of them, with or without the city prefix', () => {
    const text = '2025年由潍坊市城市管理委员会、市市容环境卫生委员会和市爱国卫生运动委员会合并组建';
    expect(
      mentionedKeys(text, known(['市城市管理委员会', '市市容环境卫生委员会', '市爱国卫生运动委员会']), ['潍坊市']),
    ).toEqual(['城市管理委员会', '市容环境卫生委员会', '爱国卫生运动委员会']);
  });

  it('takes the longest known spelling, not a shorter body hidden inside the name', () => {
    // 市安全生产委员会 is a real body too, but the text names 市食品安全生产委员会.
    const keys = mentionedKeys('2024年撤销市食品安全生产委员会', known(['市安全生产委员会', '市食品安全生产委员会']), [
      '潍坊市',
    ]);
    expect(keys).toEqual(['食品安全生产委员会']);
  });

  it('names nothing that is not a body of the register', () => {
    expect(mentionedKeys('2019年设立，2022年调整组成人员', known(['市安全生产委员会']))).toEqual([]);
    expect(findMentions('')).toEqual([]);
  });
});

describe('what the new version added to 历史沿革', () => {
  it('an appended line is what was added', () => {
    expect(addedHistory('2019年设立', '2019年设立；2024年撤销')).toBe(';2024年撤销'); // compared half-width
    expect(addedHistory('2019年 设立', '2019年设立')).toBe('');
    expect(addedHistory('2019年设立', '2019年经市委常委会研究设立')).toBe('2019年经市委常委会研究设立');
  });

  it('recognises what each kind of change is recorded by', () => {
    expect(recordsRename('；2024年更名', '市食品安全工作委员会')).toBe(true);
    expect(recordsRename('；现名潍坊市食品安全工作委员会', '市食品安全工作委员会', ['潍坊市'])).toBe(true);
    expect(recordsRename('；2024年调整组成人员', '市食品安全工作委员会')).toBe(false);
    expect(recordsMove('，办公室由市水利局调整至市应急局', ['市应急局'])).toBe(true);
    expect(recordsMove('；2024年起由应急局承担办公室工作', ['市应急局'])).toBe(true);
    expect(recordsMove('；2024年调整组成人员', ['市应急局'])).toBe(false);
    expect(recordsAbolition('；2025年6月撤销')).toBe(true);
    expect(recordsAbolition('；2025年调整')).toBe(false);
    expect(recordsMerger('；2024年并入市乡村振兴工作领导小组')).toBe(true);
    expect(recordsMerger('；2024年撤销')).toBe(false);
  });
});
