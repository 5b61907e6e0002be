import { describe, expect, it } from 'vitest';
import { compareVersions, formatChange, type ChangeEntry, type CompareResult } from '../../src/ledger/compare';
import { body, COLUMNS, settings, version } from './fixtures';
import { NEW, OLD } from './versions';

function entryOf(result: CompareResult, oldName: string | null, newName?: string): ChangeEntry {
  const found = result.entries.find(
    (e) =>
      (oldName === null ? e.old === null : e.old?.name === oldName) &&
      (newName === undefined || e.new?.name === newName),
  );
  if (!found) throw new Error(`no entry for ${oldName} → ${newName}`);
  return found;
}

const codesOf = (e: ChangeEntry) => e.findings.map((f) => f.code).sort();

describe('compare: every kind of change on a review campaign', () => {
  const result = compareVersions(version('2023.xlsx', OLD), version('2026.xlsx', NEW), settings);

  it('finds each body once and counts the kinds', () => {
    expect(result.counts).toEqual({
      vanished: 1,
      new: 1,
      abolished: 3,
      merged: 1,
      renamed: 6,
      adjusted: 2,
      unchanged: 3,
    });
    expect(result.entries).toHaveLength(17);
    // Every old row and every new row is accounted for exactly once.
    const oldRows = result.entries.flatMap((e) => (e.old ? [e.old.row] : [])).sort((a, b) => a - b);
    expect(oldRows).toEqual(OLD.map((_, i) => i + 3));
    const newRows = result.entries
      .flatMap((e) => [e.new?.row, e.kind === 'renamed' && e.target ? e.target.row : undefined])
      .filter((r) => r !== undefined)
      .sort((a, b) => a! - b!);
    expect(newRows).toEqual(NEW.map((_, i) => i + 3));
  });

  it('an unchanged body written with its city prefix is matched by name', () => {
    expect(entryOf(result, '市安全生产委员会')).toMatchObject({
      kind: 'unchanged',
      how: 'name',
      fields: [],
      findings: [],
    });
    expect(entryOf(result, '市乡村振兴工作领导小组')).toMatchObject({ kind: 'unchanged', findings: [] });
    expect(entryOf(result, '市第四次全国经济普查领导小组')).toMatchObject({ kind: 'unchanged', findings: [] });
  });

  it('a recorded rename found by the similarity measure, with its score', () => {
    const e = entryOf(result, '市食品安全委员会');
    expect(e).toMatchObject({
      kind: 'renamed',
      how: 'similar',
      new: { name: '市食品安全工作委员会', row: 4 },
      findings: [],
    });
    expect(e.score).toBeGreaterThanOrEqual(settings.similarNameThreshold);
    expect(e.fields[0]).toMatchObject({ field: 'name', old: '市食品安全委员会', new: '市食品安全工作委员会' });
  });

  it('a rename not recorded in 历史沿革 is undocumented-change', () => {
    const e = entryOf(result, '市创建全国文明城市工作指挥部');
    expect(e).toMatchObject({ kind: 'renamed', how: 'similar' });
    expect(e.findings).toHaveLength(1);
    expect(e.findings[0]).toMatchObject({
      code: 'undocumented-change',
      severity: 'warning',
      sheet: '市级',
      row: 5,
      column: '历史沿革',
      params: { change: '更名为“市文明城市创建工作指挥部”' },
    });
    expect(e.findings[0]!.related).toEqual([
      { file: '2023.xlsx', sheet: '市级', row: 5, value: '市创建全国文明城市工作指挥部' },
    ]);
  });

  it('abolished with a document and a history line: no finding', () => {
    const e = entryOf(result, '市扫黑除恶专项斗争领导小组');
    expect(e.kind).toBe('abolished');
    expect(e.findings).toEqual([]);
    expect(e.fields.map((f) => f.field)).toEqual(['status', 'abolishedOn', 'abolitionDoc']);
    expect(e.fields[0]).toMatchObject({ old: '存续', new: '已撤销' });
  });

  it('abolished with no document and nothing in 历史沿革: both findings', () => {
    const e = entryOf(result, '市第七次全国人口普查领导小组');
    expect(e.kind).toBe('abolished');
    expect(codesOf(e)).toEqual(['missing-abolition-document', 'undocumented-change']);
    const doc = e.findings.find((f) => f.code === 'missing-abolition-document')!;
    expect(doc).toMatchObject({ row: 7, column: '撤销文件', columnIndex: COLUMNS.indexOf('撤销文件') + 1 });
    expect(e.findings.find((f) => f.code === 'undocumented-change')!.params.change).toBe('撤销');
  });

  it('a department move recorded in history is adjusted, one not recorded is undocumented', () => {
    const recorded = entryOf(result, '市防汛抗旱指挥部');
    expect(recorded).toMatchObject({ kind: 'adjusted', moved: true, findings: [] });
    expect(recorded.fields).toEqual([
      { field: 'department', label: '办事机构所在部门', labelEn: 'Host department', old: '市水务局', new: '市应急局' },
    ]);
    const silent = entryOf(result, '市森林防灭火指挥部');
    expect(silent).toMatchObject({ kind: 'adjusted', moved: true });
    expect(silent.findings.map((f) => f.params.change)).toEqual(['办事机构由“市自然资源局”调整至“市应急局”']);
  });

  it('a merger names the body it went into', () => {
    const e = entryOf(result, '市农村人居环境整治工作领导小组');
    expect(e).toMatchObject({ kind: 'merged', findings: [], target: { name: '市乡村振兴工作领导小组', row: 11 } });
  });

  it('a row deleted outright is vanished-row on the old version', () => {
    const e = entryOf(result, '市推进“一带一路”建设工作领导小组');
    expect(e).toMatchObject({ kind: 'vanished', new: null });
    expect(e.findings).toHaveLength(1);
    expect(e.findings[0]).toMatchObject({
      code: 'vanished-row',
      severity: 'error',
      sheet: '市级',
      row: 12,
      column: '机构名称',
      params: { name: '市推进“一带一路”建设工作领导小组', oldRow: 12 },
    });
    expect(result.findings.old).toEqual(e.findings);
  });

  it('a rename that is also a department move: the rename is recorded, the move is not', () => {
    const e = entryOf(result, '市大数据发展工作领导小组');
    expect(e).toMatchObject({ kind: 'renamed', how: 'history', moved: true, new: { name: '市数字潍坊建设领导小组' } });
    expect(e.fields.map((f) => f.field)).toEqual(['name', 'basis', 'department']);
    expect(e.findings.map((f) => f.params.change)).toEqual(['办事机构由“市政府办公室”调整至“市发展改革委”']);
  });

  it('a body renamed back to its former name', () => {
    const e = entryOf(result, '市老龄事业发展委员会');
    expect(e).toMatchObject({ kind: 'renamed', how: 'history', new: { name: '市老龄工作委员会' }, findings: [] });
  });

  it('a rename kept as two rows (old row 已更名 + a row under the new name) is one body', () => {
    const e = entryOf(result, '市质量强市工作领导小组');
    expect(e).toMatchObject({
      kind: 'renamed',
      how: 'name',
      new: { row: 14 },
      target: { name: '市质量强市和知识产权工作领导小组', row: 15 },
      findings: [],
    });
    expect(result.entries.filter((x) => x.new?.name === '市质量强市和知识产权工作领导小组')).toEqual([]);
  });

  it('a rename the measure cannot see is found through the shared 依据文件, and is undocumented', () => {
    const e = entryOf(result, '市河长制领导小组');
    expect(e).toMatchObject({ kind: 'renamed', how: 'document', new: { name: '市河湖长制工作领导小组' } });
    expect(e.score).toBeLessThan(settings.similarNameThreshold);
    expect(codesOf(e)).toEqual(['undocumented-change']);
  });

  it('new bodies and abolished rows added to the register', () => {
    expect(entryOf(result, null, '市预制菜产业发展工作领导小组')).toMatchObject({ kind: 'new', findings: [] });
    const added = entryOf(result, null, '市第五次全国经济普查领导小组');
    expect(added.kind).toBe('abolished');
    expect(codesOf(added)).toEqual(['missing-abolition-document']);
  });

  it('statistics: active bodies per category before and after', () => {
    const byKey = Object.fromEntries(result.stats.map((l) => [String(l.key), [l.before, l.after, l.change]]));
    // Party: 5 active before; after, 扫黑除恶 abolished and 农村人居环境 merged leave 3.
    // Government: 9 active before (经济普查 was already abolished); after, 人口普查 abolished, 质量强市
    // renamed into its new row, 预制菜 new: 8.
    expect(byKey['1']).toEqual([5, 3, -2]);
    expect(byKey['2']).toEqual([9, 8, -1]);
    expect(byKey['3']).toEqual([0, 0, 0]);
    expect(byKey.total).toEqual([14, 11, -3]);
    expect(byKey.coordinating).toEqual([14, 11, -3]);
    const total = result.stats.find((l) => l.key === 'total')!;
    expect(formatChange(total)).toBe('14 → 11（−21.4%）');
    expect(formatChange({ before: 292, after: 133, ratio: (133 - 292) / 292 })).toBe('292 → 133（−54.5%）');
  });
});

describe('compare: inputs that look different but are not', () => {
  it('a version with a different column order gives the same result', () => {
    const shuffled = [
      '机构名称',
      '历史沿革',
      '状态',
      '办事机构所在部门',
      '序号',
      '上级机构设置情况',
      '存续时间',
      '撤销文件',
      '依据文件',
      '设立时间',
      '类别',
      '撤销时间',
      '备注',
    ];
    const a = compareVersions(version('2023.xlsx', OLD), version('2026.xlsx', NEW), settings);
    const b = compareVersions(version('2023.xlsx', OLD), version('2026.xlsx', NEW, shuffled), settings);
    const strip = (r: CompareResult) =>
      r.entries.map((e) => [
        e.kind,
        e.old?.name,
        e.new?.name,
        e.fields.map((f) => [f.field, f.old, f.new]),
        e.findings.map((f) => [f.code, f.row, f.column]),
      ]);
    expect(strip(b)).toEqual(strip(a));
  });

  it('the same body written in other forms (dates, document brackets, department short names) is unchanged', () => {
    const before = [
      body('市安全生产委员会', {
        设立时间: '2019年3月',
        依据文件: '潍政字〔2019〕12号',
        办事机构所在部门: '市发展改革委',
      }),
    ];
    const after = [
      body('市安全生产委员会', {
        设立时间: '2019.03',
        依据文件: '《关于成立市安全生产委员会的通知》（潍政字[2019]12号）',
        办事机构所在部门: '市发改委',
      }),
    ];
    const result = compareVersions(version('a.xlsx', before), version('b.xlsx', after), settings);
    expect(result.entries.map((e) => e.kind)).toEqual(['unchanged']);
  });

  it('a column only one version has is not compared (a 备注 or 撤销文件 column added later)', () => {
    const narrow = COLUMNS.filter((c) => c !== '撤销文件' && c !== '备注');
    const result = compareVersions(
      version('a.xlsx', [body('市安全生产委员会')], narrow),
      version('b.xlsx', [body('市安全生产委员会', { 撤销文件: '', 备注: '保留' })]),
      settings,
    );
    expect(result.entries.map((e) => e.kind)).toEqual(['unchanged']);
  });
});

describe('compare: renames back and forth kept as rows', () => {
  it('old row kept under the former name comes back into use: both rows are renames, nothing vanishes', () => {
    const before = [
      body('市老龄工作委员会', {
        状态: '已更名',
        撤销时间: '2020年5月',
        历史沿革: '1999年设立；2020年更名为市老龄事业发展委员会',
      }),
      body('市老龄事业发展委员会', { 历史沿革: '2020年由市老龄工作委员会更名' }),
    ];
    const after = [
      body('市老龄工作委员会', { 历史沿革: '1999年设立；2020年更名为市老龄事业发展委员会；2025年恢复原名' }),
      body('市老龄事业发展委员会', {
        状态: '已更名',
        撤销时间: '2025年3月',
        历史沿革: '2020年由市老龄工作委员会更名；2025年恢复原名市老龄工作委员会',
      }),
    ];
    const result = compareVersions(version('a.xlsx', before), version('b.xlsx', after), settings);
    expect(result.entries.map((e) => [e.kind, e.old?.name, e.new?.name, e.target?.name ?? null])).toEqual([
      ['renamed', '市老龄工作委员会', '市老龄工作委员会', null],
      ['renamed', '市老龄事业发展委员会', '市老龄事业发展委员会', '市老龄工作委员会'],
    ]);
    expect(result.findings.old).toEqual([]);
    expect(result.findings.new).toEqual([]);
    expect(result.stats.find((l) => l.key === 'total')).toMatchObject({ before: 1, after: 1 });
  });

  it('an abolished old row never absorbs a new body of a similar name', () => {
    const before = [
      body('市第七次全国人口普查领导小组', { 状态: '已撤销', 撤销时间: '2022年1月', 撤销文件: '潍政字〔2022〕2号' }),
    ];
    const after = [
      body('市第七次全国人口普查领导小组', { 状态: '已撤销', 撤销时间: '2022年1月', 撤销文件: '潍政字〔2022〕2号' }),
      body('市第七次全国人口普查工作领导小组', { 依据文件: '潍政字〔2026〕1号' }),
    ];
    const result = compareVersions(version('a.xlsx', before), version('b.xlsx', after), settings);
    expect(result.entries.map((e) => e.kind)).toEqual(['new', 'unchanged']);
  });

  it('bodies deleted after a merger named in the new body’s history: merged, and still vanished-row', () => {
    const before = [body('市城市管理委员会'), body('市市容环境卫生委员会', { 依据文件: '潍政字〔2019〕40号' })];
    const after = [
      body('市城乡环境综合治理委员会', {
        依据文件: '潍政字〔2025〕3号',
        历史沿革: '2025年由市城市管理委员会、市市容环境卫生委员会合并组建',
      }),
    ];
    const result = compareVersions(version('a.xlsx', before), version('b.xlsx', after), settings);
    expect(
      result.entries.map((e) => [e.kind, e.old?.name ?? null, e.new?.name ?? null, e.target?.name ?? null]),
    ).toEqual([
      ['new', null, '市城乡环境综合治理委员会', null],
      ['merged', '市城市管理委员会', null, '市城乡环境综合治理委员会'],
      ['merged', '市市容环境卫生委员会', null, '市城乡环境综合治理委员会'],
    ]);
    expect(result.findings.old.map((f) => [f.code, f.row])).toEqual([
      ['vanished-row', 3],
      ['vanished-row', 4],
    ]);
    expect(result.findings.old[0]!.related).toEqual([
      { file: 'b.xlsx', sheet: '市级', row: 3, value: '市城乡环境综合治理委员会' },
    ]);
  });
});
