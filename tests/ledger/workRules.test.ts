import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/ledger/grid';
import { makeSettings } from '../../src/ledger/settings';
import { validateSheet } from '../../src/ledger/validate';
import {
  hasWorkRules,
  namesContact,
  submissionLines,
  submissionSheet,
  submissionSummary,
  workRulesFindings,
} from '../../src/ledger/workRules';

const HEADER = [
  '序号',
  '机构名称',
  '类别',
  '设立时间',
  '依据文件',
  '办事机构所在部门',
  '存续时间',
  '历史沿革',
  '上级机构设置情况',
  '状态',
  '工作规则',
  '联络人',
  '联系电话',
];

type Body = [name: string, department: string, rules: CellValue, contact: CellValue, status?: string];

/** Bodies of a city register with the management columns of the 东营 notice filled in unevenly. */
const BODIES: Body[] = [
  ['市安全生产委员会', '市应急局', '已制定（2023年5月）', '王建国', '存续'],
  ['市防汛抗旱指挥部', '市应急局', '未制定', '李敏'],
  ['市减灾委员会', '市应急局', '《市减灾委员会工作规则》', ''],
  ['市预制菜产业发展工作领导小组', '市发改委', 45066, '待定'], // 45066 = 2023-05-20, the rules' date
  ['市新型城镇化工作领导小组', '市发展改革委', '正在制定', '0546-8382378'],
  ['市农村改革试验区工作领导小组', '市农业农村局', '', '赵丽'],
  ['市第三次全国土壤普查领导小组', '市自然资源局', '未制定', '', '已撤销'],
];

function register(bodies: readonly Body[] = BODIES, header: readonly string[] = HEADER) {
  const rows = bodies.map(([name, department, rules, contact, status], i) => {
    const cells: Record<string, CellValue> = {
      序号: i + 1,
      机构名称: name,
      类别: '政府议事协调机构',
      设立时间: '2019年3月',
      依据文件: `潍政字〔2019〕${i + 11}号`,
      办事机构所在部门: department,
      存续时间: '长期',
      历史沿革: '2019年设立',
      上级机构设置情况: '省级设有',
      状态: status ?? '存续',
      工作规则: rules,
      联络人: contact,
      联系电话: '0536-8787001',
    };
    return header.map((h) => cells[h] ?? null);
  });
  return validateSheet(
    { sheet: '市级', values: [['潍坊市市级议事协调机构管理台账'], [...header], ...rows] },
    makeSettings({ asOf: '2026-11-25' }),
    { flags: false },
  );
}

describe('reading the 工作规则 and 联络人 cells', () => {
  it.each([
    '已制定',
    '已制定（2023年5月）',
    '是',
    '有',
    '已备案',
    '√',
    '《潍坊市安全生产委员会工作规则》',
    '2023年5月20日',
    '45066',
  ])('%s counts as having rules', (text) => {
    expect(hasWorkRules(text)).toBe(true);
  });
  it.each(['', '  ', '无', '未制定', '否', '暂未制定', '尚未制定', '正在制定', '拟制定', '待备案', '×', '/'])(
    '%j counts as no rules',
    (text) => {
      expect(hasWorkRules(text)).toBe(false);
    },
  );
  it.each(['王建国', '李敏 0536-8787001', '办公室 张伟'])('%s names a contact', (text) => {
    expect(namesContact(text)).toBe(true);
  });
  it.each(['', '无', '待定', '未明确', '0546-8382378', '13905461234'])('%j names no contact', (text) => {
    expect(namesContact(text)).toBe(false);
  });
});

describe('missing-work-rules and missing-contact', () => {
  it('flag active bodies only, at the cell, as warnings without a deadline', () => {
    const report = register();
    const found = workRulesFindings(report.rows, makeSettings({ asOf: '2026-11-25' }));
    const rules = found.filter((f) => f.code === 'missing-work-rules').map((f) => [f.row, f.value]);
    const contact = found.filter((f) => f.code === 'missing-contact').map((f) => [f.row, f.value]);
    // Sheet rows: title 1, header 2, bodies from 3; the abolished 土壤普查 body (row 9) is never flagged.
    expect(rules).toEqual([
      [4, '未制定'],
      [7, '正在制定'],
      [8, ''],
    ]);
    expect(contact).toEqual([
      [5, ''],
      [6, '待定'],
      [7, '0546-8382378'],
    ]);
    expect(found.every((f) => f.severity === 'warning')).toBe(true);
    const first = found.find((f) => f.code === 'missing-work-rules')!;
    expect(first).toMatchObject({
      sheet: '市级',
      column: '工作规则',
      columnIndex: HEADER.indexOf('工作规则') + 1,
      params: {},
    });
  });

  it('become errors once the deadline has passed, and say the deadline', () => {
    const report = register();
    const passed = workRulesFindings(
      report.rows,
      makeSettings({ asOf: '2026-11-25', submissionDeadline: '2026-05-20' }),
    );
    expect(passed).toHaveLength(6);
    expect(passed.every((f) => f.severity === 'error' && f.params.deadline === '2026-05-20')).toBe(true);
    const inTime = workRulesFindings(
      report.rows,
      makeSettings({ asOf: '2026-05-20', submissionDeadline: '2026-05-20' }),
    );
    expect(inTime.every((f) => f.severity === 'warning')).toBe(true);
    const ahead = workRulesFindings(
      report.rows,
      makeSettings({ asOf: '2026-04-01', submissionDeadline: '2026-05-20' }),
    );
    expect(ahead.map((f) => f.severity)).toEqual(Array(6).fill('warning'));
  });

  it('are not raised when the register has no such columns', () => {
    const header = HEADER.filter((h) => h !== '工作规则' && h !== '联络人');
    const report = register(BODIES, header);
    expect(report.rows).toHaveLength(7);
    expect(
      workRulesFindings(report.rows, makeSettings({ asOf: '2026-11-25', submissionDeadline: '2026-05-20' })),
    ).toEqual([]);
  });

  it('only the rules are checked when only 工作规则 is there (header written 工作规则制定情况)', () => {
    const header = HEADER.filter((h) => h !== '联络人').map((h) => (h === '工作规则' ? '工作规则制定情况' : h));
    const report = register(
      BODIES.map(([n, d, r, c, s]) => [n, d, r, c, s] as Body),
      header,
    );
    const found = workRulesFindings(report.rows, makeSettings({ asOf: '2026-11-25' }));
    expect(new Set(found.map((f) => f.code))).toEqual(new Set(['missing-work-rules']));
    expect(found[0]!.column).toBe('工作规则制定情况');
  });
});

describe('报送情况 summary', () => {
  it('counts active bodies, rules and contacts per department, with short department names resolved', () => {
    const summary = submissionSummary(
      register().rows,
      makeSettings({ asOf: '2026-11-25', submissionDeadline: '2026-05-20' }),
    );
    expect(summary).toMatchObject({
      hasRulesColumn: true,
      hasContactColumn: true,
      deadline: '2026-05-20',
      deadlinePassed: true,
    });
    expect(summary.departments.map((d) => [d.department, d.active, d.withRules, d.withContact])).toEqual([
      ['市应急局', 3, 2, 2],
      ['市发展改革委', 2, 1, 0],
      ['市农业农村局', 1, 0, 1],
    ]);
    expect(summary.departments[1]).toMatchObject({
      missingRules: ['市新型城镇化工作领导小组'],
      missingContact: ['市预制菜产业发展工作领导小组', '市新型城镇化工作领导小组'],
    });
    // 市自然资源局 hosts only an abolished body: no line.
    expect(summary.total).toMatchObject({ active: 6, withRules: 3, withContact: 3 });
  });

  it('leaves the counts empty (null) for a column the register lacks', () => {
    const header = HEADER.filter((h) => h !== '联络人');
    const summary = submissionSummary(register(BODIES, header).rows, makeSettings({ asOf: '2026-11-25' }));
    expect(summary.hasContactColumn).toBe(false);
    expect(summary.total).toMatchObject({ active: 6, withRules: 3, withContact: null, missingContact: [] });
  });

  it('groups a consolidated return by county and department', () => {
    const rows = register().rows;
    const summary = submissionSummary(
      [
        { county: '寿光市', row: rows[0]! },
        { county: '寿光市', row: rows[1]! },
        { county: '青州市', row: rows[2]! },
      ],
      makeSettings({ asOf: '2026-11-25' }),
    );
    expect(summary.departments.map((d) => [d.county, d.department, d.active])).toEqual([
      ['寿光市', '市应急局', 2],
      ['青州市', '市应急局', 1],
    ]);
    const sheet = submissionSheet(summary);
    expect(sheet.columns.map((c) => c.header)).toEqual([
      '县区',
      '办事机构所在部门',
      '存续机构数',
      '已制定工作规则',
      '已明确联络人',
      '未制定工作规则的机构',
      '未明确联络人的机构',
    ]);
    expect(sheet.rows[0]).toEqual(['寿光市', '市应急局', 2, 1, 2, '市防汛抗旱指挥部', '']);
  });

  it('writes the 报送情况 sheet and text lines in Chinese and English', () => {
    const summary = submissionSummary(
      register().rows,
      makeSettings({ asOf: '2026-11-25', submissionDeadline: '2026-05-20' }),
    );
    const sheet = submissionSheet(summary, { asOf: '2026-11-25' });
    expect(sheet.name).toBe('报送情况');
    expect(sheet.preamble?.[1]).toEqual(['报送期限：2026-05-20（已过期）', '核对日期：2026-11-25']);
    expect(sheet.rows[0]).toEqual(['市应急局', 3, 2, 2, '市防汛抗旱指挥部', '市减灾委员会']);
    expect(sheet.footer?.[0]).toEqual([
      '合计',
      6,
      3,
      3,
      expect.stringContaining('市防汛抗旱指挥部'),
      expect.stringContaining('市减灾委员会'),
    ]);
    const zh = submissionLines(summary).join('\n');
    expect(zh).toContain('市发展改革委：存续机构数 2，已制定工作规则 1，已明确联络人 0');
    expect(zh).toContain('未明确联络人的机构：市预制菜产业发展工作领导小组、市新型城镇化工作领导小组');
    const en = submissionLines(summary, 'en').join('\n');
    expect(en).toContain('Deadline: 2026-05-20 (passed)');
    expect(en).toContain('市应急局: Active bodies 3, With work rules 2, With a contact 2');
  });
});

describe('ledger validate --deadline and the 报送情况 block', () => {
  async function runValidate(args: string[]): Promise<{ code: number; out: string }> {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { writeWorkbook } = await import('../../src/xlsx/write');
    const { run } = await import('../../src/cli/validate');
    const file = join(mkdtempSync(join(tmpdir(), 'ledger-rules-')), '潍坊台账.xlsx');
    writeFileSync(
      file,
      await writeWorkbook([
        {
          name: '市级',
          preamble: [['潍坊市市级议事协调机构管理台账']],
          table: false,
          columns: HEADER.map((header) => ({ header })),
          rows: BODIES.map(([name, department, rules, contact, status], i) => [
            i + 1,
            name,
            '政府议事协调机构',
            '2019年3月',
            `潍政字〔2019〕${i + 11}号`,
            department,
            '长期',
            '2019年设立',
            '省级设有',
            status ?? '存续',
            rules,
            contact,
            '0536-8787001',
          ]),
        },
      ]),
    );
    let out = '';
    const code = await run([file, ...args], {
      out: (t) => {
        out += t;
      },
      err: () => undefined,
      isTTY: false,
    });
    return { code, out };
  }

  it('past the deadline the missing rules and contacts are errors, and JSON carries the summary', async () => {
    const { code, out } = await runValidate(['--as-of', '2026-11-25', '--deadline', '2026-05-20', '--format', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(out) as {
      files: { sheets: { findings: { code: string; severity: string }[] }[] }[];
      submission: { deadlinePassed: boolean; total: { active: number; withRules: number } }[];
    };
    const findings = report.files[0]!.sheets[0]!.findings.filter(
      (f) => f.code === 'missing-work-rules' || f.code === 'missing-contact',
    );
    expect(findings.map((f) => f.severity)).toEqual(Array(6).fill('error'));
    expect(report.submission[0]).toMatchObject({ deadlinePassed: true, total: { active: 6, withRules: 3 } });
  });

  it('the text report shows 报送情况 above the closing summary line', async () => {
    const { out } = await runValidate(['--as-of', '2026-11-25']);
    const lines = out.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^合计：错误 \d+ 个/);
    const at = lines.findIndex((l) => l.startsWith('报送情况'));
    expect(at).toBeGreaterThan(0);
    expect(lines[at]).toBe('报送情况 · 工作规则及联络人报送情况（报送期限：未设置）');
    expect(lines).toContain('  全部部门：存续机构数 6，已制定工作规则 3，已明确联络人 3');
  });

  it('a --deadline that is not a date is a usage error', async () => {
    await expect(runValidate(['--deadline', '5月20日'])).rejects.toThrow(
      '--deadline must be a real date written YYYY-MM-DD',
    );
  });
});

describe('报送情况 of a consolidated return', () => {
  it('takes the return’s rows as they are (county + row) and writes one line per county and department', async () => {
    const { consolidate } = await import('../../src/ledger/consolidate');
    const county = (name: string, bodies: Body[]) => ({
      file: `${name}.xlsx`,
      grid: {
        sheet: name,
        values: [
          [`${name}议事协调机构管理台账`],
          [...HEADER],
          ...bodies.map(([n, d, r, c], i) => [
            i + 1,
            n.replace(/^市/, '区'),
            '政府议事协调机构',
            '2019年3月',
            `东区政字〔2019〕${i + 1}号`,
            d,
            '长期',
            '2019年设立',
            '市级设有',
            '存续',
            r,
            c,
            '0546-8387012',
          ]),
        ],
      },
    });
    const settings = makeSettings({
      asOf: '2026-11-25',
      submissionDeadline: '2026-05-20',
      expectedCounties: ['东营区', '河口区'],
    });
    const ret = consolidate([county('东营区', BODIES.slice(0, 2)), county('河口区', BODIES.slice(2, 3))], settings);
    const sheet = submissionSheet(submissionSummary(ret.rows, settings), { asOf: settings.asOf });
    expect(sheet.columns[0]!.header).toBe('县区');
    expect(sheet.rows.map((r) => r.slice(0, 5))).toEqual([
      ['东营区', '市应急局', 2, 1, 2],
      ['河口区', '市应急局', 1, 1, 0],
    ]);
    expect(sheet.footer?.[0]?.slice(0, 5)).toEqual(['', '合计', 3, 2, 2]);
  });
});
