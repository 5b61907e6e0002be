/**
 * Consolidation bench: 100 county files × 300 rows, written with writeWorkbook into a
 * temp folder. Prints the time of `ledger consolidate` end to end (read, hash, check, flag, write
 * the return) against the time ExcelJS alone takes to read the same files, as a ratio (target ≤ 1.5).
 */
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { run } from '../../src/cli/consolidate';
import { consolidate, returnSheets, type Submission } from '../../src/ledger/consolidate';
import { makeSettings } from '../../src/ledger/settings';
import { readWorkbook } from '../../src/read';
import type { CellValue } from '../../src/ledger/grid';
import { writeWorkbook } from '../../src/xlsx/write';

const COUNTIES = Number(process.env.BENCH_COUNTIES ?? 100);
const ROWS = 300;
export const COUNTY_HEADER = [
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
  '联络人',
  '联系电话',
  '县区',
];

/** 25 × 25 distinct two-character place names: 东营区, 河口县 … */
const FIRST = '东河垦利广奎潍坊寒青诸寿安昌高临沂兰罗郯费平莒蒙滨';
const SECOND = '营口丰津饶文城子亭州原光丘乐密朐山庄泽宁阴南川水阳';
/**
 * 20 subjects × 15 actions = 300 different bodies per county (县安全生产专项整治委员会 …): every pair
 * of names differs in a whole word, so only the planted near-duplicates look alike.
 */
const SUBJECTS = [
  '安全生产',
  '乡村振兴',
  '城市管理',
  '生态环境',
  '食品药品',
  '交通运输',
  '防汛抗旱',
  '森林防火',
  '招商引资',
  '营商环境',
  '文明创建',
  '教育督导',
  '医疗保障',
  '住房保障',
  '黄河保护',
  '海洋渔业',
  '数字政府',
  '信用体系',
  '国防动员',
  '民族宗教',
];
const ACTIONS = [
  '专项整治',
  '攻坚行动',
  '示范创建',
  '改革试点',
  '综合治理',
  '督导检查',
  '考核评价',
  '规划编制',
  '标准建设',
  '宣传教育',
  '应急处置',
  '监测预警',
  '评估验收',
  '项目推进',
  '人才培养',
];
const KINDS: readonly [string, string][] = [
  ['委员会', '党委议事协调机构'],
  ['领导小组', '政府议事协调机构'],
  ['工作联席会议', '部门间联席会议'],
  ['工作专班', '工作专班'],
  ['协调机制', '协调机制'],
];
const DEPARTMENTS = [
  '县应急局',
  '县发展改革委',
  '县农业农村局',
  '县水务局',
  '县市场监管局',
  '县委宣传部',
  '县委办公室',
  '县政府办公室',
  '县卫生健康委',
  '县公安局',
];

export function countyName(i: number): string {
  return `${FIRST[i % FIRST.length]}${SECOND[Math.floor(i / FIRST.length) % SECOND.length]}${i % 3 === 0 ? '区' : '县'}`;
}

export function countyRows(county: string, c: number): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let r = 0; r < ROWS; r++) {
    const [suffix, category] = KINDS[r % KINDS.length]!;
    const stemOf = (i: number): string =>
      `${SUBJECTS[i % SUBJECTS.length]}${ACTIONS[Math.floor(i / SUBJECTS.length) % ACTIONS.length]}`;
    const year = 2015 + (r % 11);
    // Every 50th row repeats the body ten rows up with 工作 added: a planted near-duplicate.
    const name =
      r % 50 === 49 ? `县${stemOf(r - 10)}工作${KINDS[(r - 10) % KINDS.length]![0]}` : `县${stemOf(r)}${suffix}`;
    rows.push([
      r + 1,
      name,
      category,
      new Date(Date.UTC(year, r % 12, 1 + (r % 28))),
      `${county.slice(0, 1)}政发〔${year}〕${(r % 40) + 1}号`,
      DEPARTMENTS[r % DEPARTMENTS.length],
      r % 7 === 0 ? `至${year + 3}年12月31日` : '长期',
      `${year}年设立`,
      r % 4 === 0 ? '上级未设置' : '市级设有对应机构',
      r % 23 === 0 ? '已撤销' : '',
      `联络人${(r % 9) + 1}`,
      `0546-${String(8_200_000 + c * 300 + r)}`,
      county,
    ]);
  }
  return rows;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const cpuMs = (usage: NodeJS.CpuUsage): number => (usage.user + usage.system) / 1000;

/** Wall and CPU time of one step; CPU time is the process's own, so it stays meaningful on a busy machine. */
interface Timing {
  readonly wall: number;
  readonly cpu: number;
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; time: Timing }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await work();
  return { result, time: { wall: performance.now() - start, cpu: cpuMs(process.cpuUsage(cpu)) } };
}

const line = (label: string, t: Timing): string =>
  `  ${label.padEnd(34)}${seconds(t.wall).padStart(9)}${seconds(t.cpu).padStart(9)}`;
const ratioLine = (label: string, a: Timing, b: Timing): string =>
  `  ${label.padEnd(34)}${(a.wall / b.wall).toFixed(2).padStart(9)}${(a.cpu / b.cpu).toFixed(2).padStart(9)}`;

export async function consolidateCase(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-consolidate-'));
  try {
    const folder = join(dir, 'counties');
    mkdirSync(folder);
    for (let c = 0; c < COUNTIES; c++) {
      const county = countyName(c);
      const bytes = await writeWorkbook([
        {
          name: '台账',
          columns: COUNTY_HEADER.map((header) => ({ header })),
          rows: countyRows(county, c),
          table: false,
          freezeHeader: false,
        },
      ]);
      writeFileSync(join(folder, `${String(c + 1).padStart(3, '0')}-${county}.xlsx`), bytes);
    }
    const files = readdirSync(folder).map((f) => join(folder, f));
    const inputBytes = files.reduce((n, f) => n + statSync(f).size, 0);
    // A correctly set-up run: the counties' own department list, as an office would load it.
    const departmentsFile = join(dir, 'departments.txt');
    writeFileSync(departmentsFile, DEPARTMENTS.join('\n'));

    // ExcelJS only: load every file, nothing else.
    const { time: excelRead } = await timed(async () => {
      for (const f of files) await new ExcelJS.Workbook().xlsx.load(readFileSync(f) as unknown as ArrayBuffer);
    });

    // The command itself, as a user runs it.
    const output = join(dir, 'return.xlsx');
    const silent = { out: () => undefined, err: () => undefined, isTTY: false };
    const { result: code, time: endToEnd } = await timed(() =>
      run(
        [folder, '-o', output, '--as-of', '2026-05-31', '--departments', departmentsFile, '--format', 'json'],
        silent,
        { stderrIsTTY: false },
      ),
    );

    // The same work again step by step, to show where the time goes.
    const settings = makeSettings({ asOf: '2026-05-31', departments: DEPARTMENTS });
    const { result: submissions, time: reading } = await timed(async () => {
      const out: Submission[] = [];
      for (const f of files) {
        const bytes = readFileSync(f);
        createHash('sha256').update(bytes).digest('hex');
        const book = await readWorkbook(bytes, f);
        if (book.ok) for (const grid of book.sheets) out.push({ file: f, grid });
      }
      return out;
    });
    const { result: ret, time: checking } = await timed(async () => consolidate(submissions, settings));
    const specs = returnSheets(ret, { toolVersion: 'bench', inputs: [], lang: 'zh' });
    const { time: writing } = await timed(() => writeWorkbook(specs));
    const withoutWriting = { wall: reading.wall + checking.wall, cpu: reading.cpu + checking.cpu };

    return [
      `consolidate: ${COUNTIES} county files × ${ROWS} rows (${(inputBytes / 1024 / 1024).toFixed(1)} MiB in); return: 明细 ${ret.rows.length} rows, 问题清单 ${ret.findings.length} rows (${(statSync(output).size / 1024 / 1024).toFixed(1)} MiB), exit ${code}`,
      `  ${''.padEnd(34)}${'wall'.padStart(9)}${'CPU'.padStart(9)}`,
      line('ledger consolidate, end to end', endToEnd),
      line('  reading (readWorkbook + SHA-256)', reading),
      line('  checking, flagging, tallying', checking),
      line('  writing the return (5 sheets)', writing),
      line('ExcelJS read of the same files', excelRead),
      ratioLine('ratio end to end / ExcelJS read', endToEnd, excelRead),
      ratioLine('ratio without writing the return', withoutWriting, excelRead),
      `  target ≤ 1.5 end to end: ${endToEnd.wall / excelRead.wall <= 1.5 ? 'met' : 'NOT met'} (CPU time stays meaningful when other work shares the machine)`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run on its own: npx tsx bench/cases/consolidate.ts
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await consolidateCase()) console.log(line);
}
