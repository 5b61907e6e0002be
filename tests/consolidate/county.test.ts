import { describe, expect, it } from 'vitest';
import { baseName, countyInText, placeAtStartOf, resolveCounty } from '../../src/ledger/consolidate/county';
import { EXPECTED } from './grids';

describe('placeAtStartOf: the place a title, unit line or file name starts with', () => {
  it.each([
    ['东营区议事协调机构管理台账', '东营区'],
    ['中共东营区委机构编制委员会办公室', '东营区'],
    ['河口区委编办', '河口区'],
    ['广饶县-2026台账', '广饶县'],
    ['2026年广饶县议事协调机构台账', '广饶县'],
    ['填报单位：中共利津县委机构编制委员会办公室', '利津县'],
    ['山东省东营市垦利区议事协调机构管理台账', '垦利区'],
    ['东营市市级议事协调机构管理台账', '东营市'],
    ['寿光市议事协调机构台账（2026年5月）', '寿光市'],
    ['济南市市中区议事协调机构', '市中区'],
    ['东 营 区 议事协调机构管理台账', '东营区'],
  ])('%s → %s', (text, place) => {
    expect(placeAtStartOf(text)).toBe(place);
  });

  it.each([
    '议事协调机构管理台账',
    '全市议事协调机构管理台账',
    '本区议事协调机构一览表',
    '各县区议事协调机构汇总',
    '填报单位：（盖章）    填报日期：2026年5月20日',
    'Sheet1',
    '台账(1)',
  ])('%s names no county', (text) => {
    expect(placeAtStartOf(text)).toBeNull();
  });
});

describe('countyInText', () => {
  it('finds an expected county anywhere in the text, not only at the start', () => {
    expect(countyInText('关于报送垦利区议事协调机构台账的函', EXPECTED)).toBe('垦利区');
    expect(countyInText('关于报送垦利区议事协调机构台账的函', [])).toBeNull();
  });
  it('reads full-width and spaced text', () => {
    expect(countyInText('　利津县　', EXPECTED)).toBe('利津县');
  });
});

describe('baseName', () => {
  it('drops folders and the extension', () => {
    expect(baseName('samples/counties/广饶县-2026台账.xlsx')).toBe('广饶县-2026台账');
    expect(baseName('C:\\报送\\河口区.XLSX')).toBe('河口区');
  });
});

describe('resolveCounty: column, then title, then file name; never a guess', () => {
  const title = ['河口区议事协调机构管理台账', '填报单位：中共河口区委机构编制委员会办公室'];

  it('takes the 县区 column first, even when the title and file name say otherwise', () => {
    const r = resolveCounty({ columnValues: ['东营区', '东营区', '东营区'], title, file: '广饶县.xlsx' }, EXPECTED);
    expect(r).toEqual({ kind: 'resolved', county: '东营区', basis: 'column' });
  });

  it('reads a 填报单位 column written as the office name', () => {
    const r = resolveCounty(
      { columnValues: ['中共利津县委编办', '利津县委编办'], title: [], file: '台账.xlsx' },
      EXPECTED,
    );
    expect(r).toEqual({ kind: 'resolved', county: '利津县', basis: 'column' });
  });

  it('lets empty cells of the column pass: they do not name another county', () => {
    const r = resolveCounty({ columnValues: ['东营区', '', '东营区', '  '], title: [], file: 'x.xlsx' }, EXPECTED);
    expect(r).toEqual({ kind: 'resolved', county: '东营区', basis: 'column' });
  });

  it('reports a column that names two counties, with how many rows each, and does not fall back', () => {
    const r = resolveCounty(
      { columnValues: ['东营区', '河口区', '东营区', '东营区'], title, file: '河口区.xlsx' },
      EXPECTED,
    );
    expect(r).toEqual({
      kind: 'mixed',
      candidates: [
        { county: '东营区', rows: 3 },
        { county: '河口区', rows: 1 },
      ],
    });
  });

  it('falls back to the title when the column is empty throughout', () => {
    const r = resolveCounty({ columnValues: ['', ''], title, file: '广饶县.xlsx' }, EXPECTED);
    expect(r).toEqual({ kind: 'resolved', county: '河口区', basis: 'title' });
  });

  it('takes the county from the unit line when the title names none', () => {
    const r = resolveCounty(
      { title: ['议事协调机构管理台账', '中共东营区委机构编制委员会办公室'], file: 'x.xlsx' },
      EXPECTED,
    );
    expect(r).toEqual({ kind: 'resolved', county: '东营区', basis: 'title' });
  });

  it('falls back to the file name last', () => {
    expect(resolveCounty({ title: ['议事协调机构管理台账'], file: '广饶县-2026台账.xlsx' }, EXPECTED)).toEqual({
      kind: 'resolved',
      county: '广饶县',
      basis: 'file-name',
    });
    expect(resolveCounty({ title: [], file: '广饶县.xlsx' }, [])).toEqual({
      kind: 'resolved',
      county: '广饶县',
      basis: 'file-name',
    });
  });

  it('gives up when nothing names a county', () => {
    expect(resolveCounty({ title: ['议事协调机构管理台账'], file: '台账(最终版).xlsx' }, EXPECTED)).toEqual({
      kind: 'none',
    });
  });
});
