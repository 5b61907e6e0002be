/**
 * Consolidation bench (issue 4): 100 county files × 300 rows, written with writeWorkbook into a
 * temp folder. Prints the time of `ledger consolidate` end to end (read, hash, check, flag, write
 * the return) against the time ExcelJS alone takes to read the same files, as a ratio (target ≤ 1.5).
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { run } from '../../src/cli/consolidate';
import type { CellValue } from '../../src/ledger/grid';
import { writeWorkbook } from '../../src/xlsx/write';

const COUNTIES = Number(process.env.BENCH_COUNTIES ?? 100);
const ROWS = 300;
const HEADER = ['序号', '机构名称', '类别', '设立时间', '依据文件', '办事机构所在部门', '存续时间', '历史沿革', '上级机构设置情况', '状态', '联络人', '联系电话', '县区'];

/** 25 × 25 distinct two-character place names: 东营区, 河口县 … */
const FIRST = '东河垦利广奎潍坊寒青诸寿安昌高临沂兰罗郯费平莒蒙滨';
const SECOND = '营口丰津饶文城子亭州原光丘乐密朐山庄泽宁阴南川水阳';
/**
 * 15 fields × 20 jobs = 300 different bodies per county (县港口安全生产委员会 …). The flags take
 * 安全生产委员会 and 安全生产领导小组 for one job, so every name needs its own stem.
 */
const FIELDS = ['城市', '农村', '校园', '企业', '道路', '水上', '海洋', '森林', '城乡', '园区', '社区', '景区', '港口', '油田', '黄河'];
const JOBS = ['安全生产', '环境整治', '消防工作', '治安综合治理', '防汛', '爱国卫生', '国土绿化', '重点项目建设', '综合执法', '污染防治',
  '应急救援', '基础设施建设', '交通管理', '供水保障', '燃气安全', '信息化建设', '文化建设', '旅游发展', '招商引资', '营商环境'];
const KINDS: readonly [string, string][] = [
  ['委员会', '党委议事协调机构'], ['领导小组', '政府议事协调机构'], ['工作联席会议', '部门间联席会议'], ['工作专班', '工作专班'], ['协调机制', '协调机制'],
];
const DEPARTMENTS = ['县应急局', '县发展改革委', '县农业农村局', '县水务局', '县市场监管局', '县委宣传部', '县委办公室', '县政府办公室', '县卫生健康委', '县公安局'];

function countyName(i: number): string {
  return `${FIRST[i % FIRST.length]}${SECOND[Math.floor(i / FIRST.length) % SECOND.length]}${i % 3 === 0 ? '区' : '县'}`;
}

function countyRows(county: string, c: number): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let r = 0; r < ROWS; r++) {
    const [suffix, category] = KINDS[r % KINDS.length]!;
    const stem = `${FIELDS[r % FIELDS.length]}${JOBS[Math.floor(r / FIELDS.length) % JOBS.length]}`;
    const year = 2015 + (r % 11);
    // Every 50th row repeats the body ten rows up under a slightly different name: a planted near-duplicate.
    const name = r % 50 === 49 ? `县${FIELDS[(r - FIELDS.length) % FIELDS.length]}${JOBS[Math.floor((r - FIELDS.length) / FIELDS.length) % JOBS.length]}工作${KINDS[(r - FIELDS.length) % KINDS.length]![0]}` : `县${stem}${suffix}`;
    rows.push([
      r + 1, name, category, new Date(Date.UTC(year, r % 12, 1 + (r % 28))), `${county.slice(0, 1)}政发〔${year}〕${(r % 40) + 1}号`,
      DEPARTMENTS[r % DEPARTMENTS.length], r % 7 === 0 ? `至${year + 3}年12月31日` : '长期', `${year}年设立`, r % 4 === 0 ? '上级未设置' : '市级设有对应机构',
      r % 23 === 0 ? '已撤销' : '', `联络人${(r % 9) + 1}`, `0546-${String(8_200_000 + c * 300 + r)}`, county,
    ]);
  }
  return rows;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

export async function consolidateCase(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-consolidate-'));
  try {
    const folder = join(dir, 'counties');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(folder);
    for (let c = 0; c < COUNTIES; c++) {
      const county = countyName(c);
      const bytes = await writeWorkbook([{ name: '台账', columns: HEADER.map((header) => ({ header })), rows: countyRows(county, c), table: false, freezeHeader: false }]);
      writeFileSync(join(folder, `${String(c + 1).padStart(3, '0')}-${county}.xlsx`), bytes);
    }
    const files = readdirSync(folder).map((f) => join(folder, f));
    const inputBytes = files.reduce((n, f) => n + statSync(f).size, 0);

    // ExcelJS only: load every file, nothing else.
    const readStart = performance.now();
    for (const f of files) {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(readFileSync(f) as unknown as ArrayBuffer);
    }
    const readMs = performance.now() - readStart;

    // A correctly set-up run: the counties' own department list, as an office would load it.
    const departments = join(dir, 'departments.txt');
    writeFileSync(departments, DEPARTMENTS.join('\n'));
    const output = join(dir, 'return.xlsx');
    const silent = { out: () => undefined, err: () => undefined, isTTY: false };
    const runStart = performance.now();
    const code = await run([folder, '-o', output, '--as-of', '2026-05-31', '--departments', departments, '--format', 'json'], silent, { stderrIsTTY: false });
    const runMs = performance.now() - runStart;

    const ratio = runMs / readMs;
    return [
      `consolidate: ${COUNTIES} county files × ${ROWS} rows (${(inputBytes / 1024 / 1024).toFixed(1)} MiB), exit ${code}, return ${(statSync(output).size / 1024 / 1024).toFixed(1)} MiB`,
      `  ledger consolidate end to end   ${seconds(runMs)}`,
      `  ExcelJS read of the same files  ${seconds(readMs)}`,
      `  ratio                           ${ratio.toFixed(2)} (target ≤ 1.5) ${ratio <= 1.5 ? 'ok' : 'ABOVE TARGET'}`,
    ];
  } finally {
    if (!process.env.KEEP_BENCH) rmSync(dir, { recursive: true, force: true }); else console.log(dir);
  }
}

// Run on its own: npx tsx bench/cases/consolidate.ts
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await consolidateCase()) console.log(line);
}
