import { describe, expect, it } from 'vitest';
import { flagRegister } from '../../../src/ledger/flags/index';
import { messageOf } from '../../../src/ledger/findings';
import { makeSettings } from '../../../src/ledger/settings';
import { bodyRow } from './bodyRow';

const settings = makeSettings({ asOf: '2026-11-25' });

describe('shared-basis-document', () => {
  it('notes rows citing one 发文字号, comparing the standard form, as information on the 依据文件 cell', () => {
    const rows = [
      bodyRow(4, '市预制菜产业发展工作领导小组', {
        basis: '《关于成立市预制菜产业发展工作领导小组的通知》（潍政字〔2022〕5号）',
      }),
      bodyRow(5, '市蔬菜产业发展工作领导小组', { basis: '潍政字[2022]5号' }),
      bodyRow(6, '市畜牧产业发展工作领导小组', { basis: '潍政字〔2022〕6号' }),
      bodyRow(7, '市海洋经济发展工作领导小组', { basis: '潍政字〔2022〕5号' }),
    ];
    const found = flagRegister(rows, settings, { localNames: ['潍坊市'] }).filter(
      (f) => f.code === 'shared-basis-document',
    );
    expect(found.map((f) => [f.row, f.params.otherRows])).toEqual([
      [4, '5、7'],
      [5, '4、7'],
      [7, '4、5'],
    ]);
    expect(found[1]).toMatchObject({
      severity: 'info',
      column: '依据文件',
      columnIndex: 4,
      value: '潍政字[2022]5号',
      params: { docNumber: '潍政字〔2022〕5号' },
      related: [{ row: 4 }, { row: 7 }],
    });
    expect(messageOf(found[1]!)).toBe('与第 4、7 行引用同一发文字号 潍政字〔2022〕5号');
  });

  it('never raises an error for it, and leaves out abolished rows and rows without a number', () => {
    const rows = [
      bodyRow(4, '市第六次全国人口普查领导小组', { basis: '潍办发〔2019〕12号', status: 'abolished' }),
      bodyRow(5, '市第七次全国人口普查领导小组', { basis: '潍办发〔2019〕12号' }),
      bodyRow(6, '市双拥工作领导小组', { basis: '' }),
      bodyRow(7, '市征兵工作领导小组', { basis: '' }),
    ];
    expect(
      flagRegister(rows, settings, { localNames: ['潍坊市'] }).filter((f) => f.code === 'shared-basis-document'),
    ).toEqual([]);
  });

  it('keeps a finding readable when one document set up many bodies', () => {
    const rows = Array.from({ length: 30 }, (_, i) =>
      bodyRow(4 + i, `市第${i + 1}专项工作组`, { basis: '东编办发〔2020〕21号' }),
    );
    const found = flagRegister(rows, settings, { localNames: ['潍坊市'] }).filter(
      (f) => f.code === 'shared-basis-document',
    );
    expect(found).toHaveLength(30);
    expect(found.every((f) => f.severity === 'info')).toBe(true);
    expect(found[0]!.params.otherRows).toBe(`${Array.from({ length: 20 }, (_, i) => i + 5).join('、')}…`);
    expect(found[0]!.related).toHaveLength(20);
  });
});
