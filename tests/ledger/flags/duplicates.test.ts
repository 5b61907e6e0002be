import { describe, expect, it } from 'vitest';
import { flagRegister } from '../../../src/ledger/flags/index';
import { messageOf, type Finding } from '../../../src/ledger/findings';
import { makeSettings } from '../../../src/ledger/settings';
import { bodyRow } from './bodyRow';

const settings = makeSettings({ asOf: '2026-11-25' });
const only = (code: Finding['code'], findings: Finding[]) => findings.filter((f) => f.code === code);

describe('duplicate-name', () => {
  it('finds 潍坊市安全生产委员会 and 市安全生产委员会 to be one body and names the other row on each', () => {
    const rows = [bodyRow(4, '潍坊市安全生产委员会'), bodyRow(5, '市食品安全委员会'), bodyRow(9, '市安全生产委员会')];
    const found = only('duplicate-name', flagRegister(rows, settings, { localNames: ['潍坊市'] }));
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({
      severity: 'error',
      sheet: '市级台账',
      row: 4,
      column: '机构名称',
      columnIndex: 2,
      value: '潍坊市安全生产委员会',
      params: { otherRows: '9' },
      related: [{ sheet: '市级台账', row: 9, value: '市安全生产委员会' }],
    });
    expect(found[1]).toMatchObject({
      row: 9,
      params: { otherRows: '4' },
      related: [{ row: 4, value: '潍坊市安全生产委员会' }],
    });
    expect(messageOf(found[0]!)).toBe('与第 9 行是同一机构（规范化后名称相同）');
  });

  it('reads the register’s own place from the names when the scope gives none', () => {
    const rows = [
      bodyRow(4, '潍坊市安全生产委员会'),
      bodyRow(5, '潍坊市食品安全委员会'),
      bodyRow(6, '中共潍坊市委全面深化改革委员会'),
      bodyRow(7, '市委全面深化改革委员会'),
    ];
    expect(only('duplicate-name', flagRegister(rows, settings)).map((f) => [f.row, f.params.otherRows])).toEqual([
      [6, '7'],
      [7, '6'],
    ]);
  });

  it('lists every other row of a group that names one body three times', () => {
    const rows = [
      bodyRow(3, '市 防汛抗旱 指挥部'),
      bodyRow(8, '潍坊市人民政府防汛抗旱指挥部'),
      bodyRow(12, '市防汛抗旱指挥部（市防指）'),
    ];
    const found = only('duplicate-name', flagRegister(rows, settings, { localNames: ['潍坊市'] }));
    expect(found.map((f) => [f.row, f.params.otherRows])).toEqual([
      [3, '8、12'],
      [8, '3、12'],
      [12, '3、8'],
    ]);
    expect(found[0]!.related!.map((r) => r.row)).toEqual([8, 12]);
  });

  it('ignores abolished, merged and renamed rows: the register keeps them on purpose', () => {
    const rows = [
      bodyRow(4, '市扶贫开发领导小组', { status: 'abolished' }),
      bodyRow(5, '市扶贫开发领导小组'),
      bodyRow(6, '市食品药品安全委员会', { status: 'renamed' }),
      bodyRow(7, '市食品药品安全委员会'),
      bodyRow(8, '市森林防火指挥部', { status: 'merged' }),
      bodyRow(9, '市森林防火指挥部', { status: 'abolished' }),
    ];
    const found = flagRegister(rows, settings, { localNames: ['潍坊市'] });
    expect(only('duplicate-name', found)).toEqual([]);
    expect(only('similar-name', found)).toEqual([]);
  });

  it('does not take a county-level city’s body for the city’s own', () => {
    const rows = [bodyRow(4, '寿光市安全生产委员会'), bodyRow(5, '市安全生产委员会')];
    expect(
      flagRegister(rows, settings, { localNames: ['潍坊市'] }).filter(
        (f) => f.code === 'duplicate-name' || f.code === 'similar-name',
      ),
    ).toEqual([]);
  });
});

describe('similar-name', () => {
  it('flags 市食品安全委员会 / 市食品安全工作委员会 on both rows with the score and the other row', () => {
    const rows = [bodyRow(4, '市食品安全委员会'), bodyRow(11, '市食品安全工作委员会')];
    const found = only('similar-name', flagRegister(rows, settings, { localNames: ['潍坊市'] }));
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({
      severity: 'warning',
      row: 4,
      column: '机构名称',
      columnIndex: 2,
      value: '市食品安全委员会',
      params: { otherRow: 11, otherName: '市食品安全工作委员会', score: 1 },
      related: [{ sheet: '市级台账', row: 11, value: '市食品安全工作委员会', score: 1 }],
    });
    expect(found[1]).toMatchObject({ row: 11, params: { otherRow: 4, otherName: '市食品安全委员会' } });
    expect(messageOf(found[0]!)).toBe('与第 11 行“市食品安全工作委员会”名称相近（相似度 1），可能重复设置');
  });

  it('flags 市河长制工作领导小组 / 市河长制领导小组 but not 市河长制 / 市湖长制', () => {
    const rows = [
      bodyRow(4, '市河长制工作领导小组'),
      bodyRow(5, '市河长制领导小组'),
      bodyRow(6, '市湖长制工作领导小组'),
    ];
    const found = only('similar-name', flagRegister(rows, settings, { localNames: ['潍坊市'] }));
    expect(found.map((f) => [f.row, f.params.otherRow])).toEqual([
      [4, 5],
      [5, 4],
    ]);
  });

  it('flags the same job under another structure with a slightly lower score', () => {
    const rows = [bodyRow(4, '市扫黑除恶专项斗争领导小组'), bodyRow(5, '市扫黑除恶专项斗争指挥部')];
    const found = only('similar-name', flagRegister(rows, settings, { localNames: ['潍坊市'] }));
    expect(found.map((f) => f.params.score)).toEqual([0.9, 0.9]);
  });

  it('does not let a shared structure create a match: 市人才工作领导小组 / 市老龄工作领导小组', () => {
    const rows = [
      bodyRow(4, '市人才工作领导小组'),
      bodyRow(5, '市老龄工作领导小组'),
      bodyRow(6, '市安全生产委员会'),
      bodyRow(7, '市食品安全委员会'),
    ];
    expect(only('similar-name', flagRegister(rows, settings, { localNames: ['潍坊市'] }))).toEqual([]);
  });

  it('tells rounds of one recurring task apart: 第六次 / 第七次全国人口普查', () => {
    const rows = [bodyRow(4, '市第六次全国人口普查领导小组'), bodyRow(5, '市第七次全国人口普查领导小组')];
    expect(only('similar-name', flagRegister(rows, settings, { localNames: ['潍坊市'] }))).toEqual([]);
  });

  it('reports an exact duplicate only as duplicate-name, and a third similar row against each of the two', () => {
    const rows = [bodyRow(4, '市老龄工作委员会'), bodyRow(5, '潍坊市老龄工作委员会'), bodyRow(6, '市老龄委员会')];
    const found = flagRegister(rows, settings, { localNames: ['潍坊市'] });
    expect(only('duplicate-name', found).map((f) => f.row)).toEqual([4, 5]);
    expect(only('similar-name', found).map((f) => [f.row, f.params.otherRow])).toEqual([
      [4, 6],
      [5, 6],
      [6, 4],
      [6, 5],
    ]);
  });

  it('follows the threshold in settings', () => {
    const rows = [bodyRow(4, '市推进新型城镇化工作领导小组'), bodyRow(5, '市城镇化工作领导小组')];
    const at = (similarNameThreshold: number) =>
      only(
        'similar-name',
        flagRegister(rows, makeSettings({ asOf: '2026-11-25', similarNameThreshold }), { localNames: ['潍坊市'] }),
      );
    const score = Number(at(0.01)[0]!.params.score);
    expect(score).toBeGreaterThan(0.5);
    expect(score).toBeLessThan(1);
    expect(at(score - 0.01)).toHaveLength(2);
    expect(at(Math.min(1, score + 0.02))).toEqual([]);
  });
});
