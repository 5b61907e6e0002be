/**
 * A 100,000-row register, written to disk and checked through the real bin: the three planted
 * mistakes are found at their rows and nothing else. Only correctness is asserted; the time is printed.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { DEFAULT_DEPARTMENTS } from '../../src/ledger/departments';
import { ledger, parseReport } from './run';

const ROWS = 100_000;
const HEADER_ROW = 2;
// Characters for body-name stems: random stems keep 100,000 names far apart from each other,
// so the duplicate and near-duplicate flags have nothing to find unless planted.
const STEM_CHARS =
  '安保北兵财产城诚春慈丹德登鼎东方丰福富港广桂海航和河恒红虹宏华欢黄惠吉佳嘉建江金锦京景静聚凯康科宽昆兰蓝乐磊黎立利林临龙鲁路伦罗茂美民敏明宁农鹏平齐启谦琴青清庆秋泉荣瑞润森山善尚盛石舒顺松泰涛天田通同万旺威文武西希贤祥新信星兴秀旭轩雅岩阳耀怡义益银英永勇优友雨玉元园远悦越云泽展章长振正志中忠舟洲竹卓子宗';

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let dir: string | undefined;
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('validates a 100,000-row sheet end to end and finds exactly the planted mistakes', async () => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-large-'));
  const path = join(dir, '十万行台账.xlsx');
  const random = mulberry32(20261125);
  const names = new Set<string>();
  const suffixes = ['领导小组', '委员会', '指挥部'];

  const started = performance.now();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const sheet = workbook.addWorksheet('台账');
  sheet.addRow(['东营市市级议事协调机构管理台账（压力测试）']).commit();
  sheet
    .addRow([
      '序号',
      '机构名称',
      '设立时间',
      '依据文件',
      '办事机构所在部门',
      '存续时间',
      '历史沿革',
      '上级机构设置情况',
    ])
    .commit();
  for (let i = 1; i <= ROWS; i++) {
    let stem = '';
    do {
      stem = Array.from({ length: 10 }, () => STEM_CHARS[Math.floor(random() * STEM_CHARS.length)]).join('');
    } while (names.has(stem));
    names.add(stem);
    const year = 2015 + (i % 10);
    const sheetRow = HEADER_ROW + i;
    const established: string | Date =
      sheetRow === 50_002 ? '2019年13月' : new Date(Date.UTC(year, i % 12, 1 + (i % 28)));
    const basis = sheetRow === 77_777 ? `东政字[${year}]${i}号` : `东政字〔${year}〕${i}号`;
    const department =
      sheetRow === ROWS + HEADER_ROW ? '市大数据局' : DEFAULT_DEPARTMENTS[i % DEFAULT_DEPARTMENTS.length]!;
    sheet
      .addRow([i, `市${stem}${suffixes[i % 3]}`, established, basis, department, '长期', `${year}年设立`, '省级设有'])
      .commit();
  }
  await workbook.commit();
  const written = performance.now();

  const result = ledger(['validate', path, '--as-of', '2026-11-25', '--format', 'json']);
  const checked = performance.now();
  console.log(
    `100,000-row register: written in ${Math.round(written - started)} ms; \`ledger validate\` (read + validate + JSON, process start included) in ${Math.round(checked - written)} ms`,
  );

  expect(result.stderr).toBe('');
  const report = parseReport(result.stdout);
  const sheetReport = report.files[0]!.sheets[0]!;
  expect(sheetReport).toMatchObject({ sheet: '台账', status: 'validated', headerRow: HEADER_ROW, rows: ROWS });
  expect(sheetReport.findings.map((f) => [f.row, f.column, f.code])).toEqual([
    [50_002, '设立时间', 'invalid-date'],
    [77_777, '依据文件', 'nonstandard-doc-number'],
    [ROWS + HEADER_ROW, '办事机构所在部门', 'unknown-department'],
  ]);
  expect(result.code).toBe(1);
}, 600_000);
