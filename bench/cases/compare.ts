/**
 * Compare and reconcile bench: two versions of a 100,000-row register, and a register
 * against a 100,000-name reference list, timed as a ratio to validating one register of that size
 * (validate + all flags). Target ≤ 2×: no pass compares all pairs.
 *
 * The new version is the old one with, per 100 rows, one rename (工作 inserted: found by the
 * similarity measure), one abolition, one move, one row deleted and one new body. The list is the
 * register's active names with, per 100, one left out, one written with 工作 inserted, and one
 * body the register does not have.
 */
import { compareVersions } from '../../src/ledger/compare';
import type { CellValue, Grid } from '../../src/ledger/grid';
import { readReferenceList, reconcile } from '../../src/ledger/reconcile';
import { makeSettings } from '../../src/ledger/settings';
import { validateSheet } from '../../src/ledger/validate';
import { REGISTER_HEADER, syntheticRegister } from '../synthetic';
import { timed } from '../timing';

const ROWS = Number(process.env.BENCH_COMPARE_ROWS ?? 100_000);
const settings = makeSettings({ asOf: '2026-11-25' });

const col = (name: (typeof REGISTER_HEADER)[number]): number => REGISTER_HEADER.indexOf(name);
const NAME = col('机构名称');
const DEPARTMENT = col('办事机构所在部门');
const HISTORY = col('历史沿革');
const STATUS = col('状态');
const STRUCTURE = /(领导小组|委员会|指挥部|专班|联席会议)$/u;

/** 工作 inserted before the structure: another spelling the measure scores as the same body. */
function withWork(name: string): string {
  return name.includes('工作') ? name.replace('工作', '') : name.replace(STRUCTURE, '工作$1');
}

function newVersion(old: Grid): Grid {
  const [title, header, ...body] = old.values;
  const rows: CellValue[][] = [];
  body.forEach((values, i) => {
    const row = [...values];
    const name = String(row[NAME]);
    switch (i % 100) {
      case 3:
        row[NAME] = withWork(name);
        row[HISTORY] = `${String(row[HISTORY])}；2025年更名`;
        break;
      case 7:
        row[STATUS] = '已撤销';
        row[HISTORY] = `${String(row[HISTORY])}；2025年撤销`;
        break;
      case 11:
        return; // deleted outright
      case 13:
        row[DEPARTMENT] = row[DEPARTMENT] === '市应急局' ? '市水务局' : '市应急局';
        break;
      case 99:
        rows.push(row);
        rows.push([
          null,
          `${String(row[REGISTER_HEADER.indexOf('县区')])}第${i}号重点项目推进工作专班`,
          '工作专班',
          '2025年3月',
          '市政字〔2025〕3号',
          '市发展改革委',
          '任务完成后撤销',
          '2025年新设',
          '上级未设置',
          '存续',
          row[REGISTER_HEADER.indexOf('县区')],
        ]);
        return;
    }
    rows.push(row);
  });
  return { sheet: '汇总台账', values: [title!, header!, ...rows] };
}

function referenceList(old: Grid): Grid {
  const values: CellValue[][] = [['议事协调机构名单（两办）'], ['序号', '机构名称', '文号']];
  old.values.slice(2).forEach((row, i) => {
    if (row[STATUS] !== '存续') return;
    const name = String(row[NAME]);
    switch (i % 100) {
      case 5:
        return; // left out of the list
      case 9:
        values.push([values.length - 1, withWork(name), row[col('依据文件')] ?? null]);
        return;
      case 99:
        values.push([values.length - 1, `第${i}号重点项目推进工作专班`, null]);
        break;
    }
    values.push([values.length - 1, name, row[col('依据文件')] ?? null]);
  });
  return { sheet: '名单', values };
}

const ms = (t: { wallMs: number; cpuMs: number }) =>
  `${t.wallMs.toFixed(0).padStart(7)} ms ${t.cpuMs.toFixed(0).padStart(7)} ms`;
const ratio = (t: { cpuMs: number }, base: { cpuMs: number }) => (t.cpuMs / base.cpuMs).toFixed(2);

export async function compareCase(): Promise<string[]> {
  const oldGrid = syntheticRegister(ROWS);
  const newGrid = newVersion(oldGrid);
  const listGrid = referenceList(oldGrid);
  // Warm up the parsers and the index on a small register first.
  validateSheet(syntheticRegister(2_000, 7), settings);

  const validate = timed(() => validateSheet(oldGrid, settings));
  const parseOld = timed(() => validateSheet(oldGrid, settings, { flags: false }));
  const parseNew = timed(() => validateSheet(newGrid, settings, { flags: false }));
  const compare = timed(() =>
    compareVersions(
      { file: 'old', rows: parseOld.value.rows, title: parseOld.value.title },
      { file: 'new', rows: parseNew.value.rows, title: parseNew.value.title },
      settings,
    ),
  );
  const compareAll = {
    wallMs: parseOld.wallMs + parseNew.wallMs + compare.wallMs,
    cpuMs: parseOld.cpuMs + parseNew.cpuMs + compare.cpuMs,
  };
  const readList = timed(() => readReferenceList([listGrid], 'list'));
  if (!readList.value.ok) throw new Error(readList.value.message);
  const list = readList.value.list;
  const rec = timed(() =>
    reconcile({ file: 'register', rows: parseOld.value.rows, title: parseOld.value.title }, list, settings),
  );
  const reconcileAll = {
    wallMs: parseOld.wallMs + readList.wallMs + rec.wallMs,
    cpuMs: parseOld.cpuMs + readList.cpuMs + rec.cpuMs,
  };

  const c = compare.value.counts;
  const r = rec.value.counts;
  const ok = (t: { cpuMs: number }) => (t.cpuMs / validate.cpuMs <= 2 ? 'ok' : 'ABOVE TARGET');
  return [
    `compare / reconcile: ${ROWS.toLocaleString('en')} rows against ${(newGrid.values.length - 2).toLocaleString('en')} (new version) and ${list.entries.length.toLocaleString('en')} (list)`,
    `  found: renamed ${c.renamed}, abolished ${c.abolished}, adjusted ${c.adjusted}, vanished ${c.vanished}, new ${c.new}; list: similar ${r.similar}, not-in-reference ${r.notInReference}, missing-from-register ${r.missingFromRegister}`,
    `                                                  wall       CPU   CPU ratio to validate (target ≤ 2)`,
    `  validate + flags, one register (the baseline) ${ms(validate)}`,
    `  compare: matching and classifying only        ${ms(compare)}   ${ratio(compare, validate)}`,
    `  compare: reading both versions + matching     ${ms(compareAll)}   ${ratio(compareAll, validate)}  ${ok(compareAll)}`,
    `  reconcile: matching only                      ${ms(rec)}   ${ratio(rec, validate)}`,
    `  reconcile: reading register and list + match  ${ms(reconcileAll)}   ${ratio(reconcileAll, validate)}  ${ok(reconcileAll)}`,
  ];
}

// Run on its own: npx tsx bench/cases/compare.ts
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await compareCase()) console.log(line);
}
