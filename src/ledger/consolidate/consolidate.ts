/**
 * The consolidated return: every county's registers checked, flagged within the county, tallied.
 *
 * Each sheet is validated on its own (row rules); the register-wide flags (duplicates, deadlines,
 * limit) then run once per county over all of that county's rows, so two sheets of one county are
 * compared with each other, and two counties never are.
 */
import { buildDepartmentIndex } from '../cells/department';
import { compareFindings, countBySeverity, finding, type Finding, type RelatedRef } from '../findings';
import { flagRegister } from '../flags/index';
import type { LedgerRow } from '../row';
import type { Settings } from '../settings';
import { validateSheet } from '../validate';
import { resolveCounty } from './county';
import { formulaTextFindings } from './formulaText';
import { addTallies, tallyCounty, ZERO_TALLY } from './tally';
import type {
  ConsolidateOptions,
  ConsolidatedReturn,
  CountyTally,
  RegisterEntry,
  ReturnFinding,
  ReturnRow,
  Submission,
} from './types';

/** A register (sheet) that belongs to a county, with what validation found. */
interface IncludedRegister {
  readonly index: number;
  readonly file: string;
  readonly sheet: string;
  readonly county: string;
  readonly headerRow: number;
  readonly rows: readonly LedgerRow[];
  readonly findings: readonly Finding[];
}

/** Sorting key of a return finding: county order, then register order, then the sheet's own order. */
interface Keyed {
  readonly countyOrder: number;
  readonly registerOrder: number;
  readonly item: ReturnFinding;
}

const sourceOf = (file: string, sheet: string): string => `${file} › ${sheet}`;

export function consolidate(
  submissions: readonly Submission[],
  settings: Settings,
  options: ConsolidateOptions = {},
): ConsolidatedReturn {
  const expected = dedupe(settings.expectedCounties.map((c) => c.trim()).filter((c) => c !== ''));
  const departments = buildDepartmentIndex(settings.departments, settings.departmentAliases);

  const registers: RegisterEntry[] = [];
  const included: IncludedRegister[] = [];
  const keyed: Keyed[] = [];
  const UNKNOWN = Number.MAX_SAFE_INTEGER;

  submissions.forEach((submission, index) => {
    const report = validateSheet(submission.grid, settings, { flags: false, departments });
    const { file } = submission;
    const sheet = report.sheet;
    if (report.status === 'skipped' || report.headerRow === null) {
      registers.push({ file, sheet, status: 'skipped', reason: report.skipReason ?? 'no-header' });
      return;
    }
    const findings = [...report.findings, ...formulaTextFindings(submission.grid, report.headerRow, report.columns)];
    const countyColumn = report.columns.some((c) => c.field === 'county');
    const resolution = resolveCounty(
      {
        ...(countyColumn ? { columnValues: report.rows.map((r) => r.cells.county?.text ?? '') } : {}),
        title: report.title,
        file,
      },
      expected,
    );
    if (resolution.kind === 'resolved') {
      registers.push({
        file,
        sheet,
        status: 'included',
        county: resolution.county,
        countyBasis: resolution.basis,
        headerRow: report.headerRow,
        rowCount: report.rows.length,
        contact: report.contact,
      });
      included.push({
        index,
        file,
        sheet,
        county: resolution.county,
        headerRow: report.headerRow,
        rows: report.rows,
        findings,
      });
      return;
    }
    registers.push({
      file,
      sheet,
      status: 'unassigned',
      reason: resolution.kind === 'mixed' ? 'mixed-county' : 'no-county',
      candidates: resolution.kind === 'mixed' ? resolution.candidates : [],
      headerRow: report.headerRow,
      rowCount: report.rows.length,
    });
    // Not in the totals, but the county still needs to hear what is wrong with its rows.
    for (const f of findings)
      keyed.push({ countyOrder: UNKNOWN, registerOrder: index, item: { county: null, file, finding: f } });
  });

  // Counties: expected ones in the order given, then the others as the inputs bring them.
  const countyNames = dedupe([...expected, ...included.map((r) => r.county)]);
  const countyOrder = new Map(countyNames.map((c, i) => [c, i]));
  const rows: ReturnRow[] = [];
  const counties: CountyTally[] = [];
  const missing: string[] = [];

  for (const county of countyNames) {
    const own = included.filter((r) => r.county === county);
    const order = countyOrder.get(county)!;
    const countyFindings: ReturnFinding[] = [];
    const push = (item: ReturnFinding, registerOrder: number): void => {
      countyFindings.push(item);
      keyed.push({ countyOrder: order, registerOrder, item });
    };
    if (own.length === 0) {
      missing.push(county);
      push(
        {
          county,
          file: null,
          finding: finding({ code: 'missing-submission', sheet: '', row: null, column: null, params: { county } }),
        },
        -1,
      );
      counties.push({ county, expected: true, state: 'missing', files: [], ...tallyCounty([], countyFindings) });
      continue;
    }
    const files = dedupe(own.map((r) => r.file));
    if (files.length > 1) {
      const related: RelatedRef[] = own.map((r) => ({ sheet: r.sheet, row: r.headerRow, file: r.file }));
      push(
        {
          county,
          file: null,
          finding: finding({
            code: 'duplicate-submission',
            sheet: '',
            row: null,
            column: null,
            params: { county, sources: files.join('、') },
            related,
          }),
        },
        -1,
      );
    }
    for (const r of own) {
      for (const f of r.findings) push({ county, file: r.file, finding: f }, r.index);
      for (const row of r.rows) rows.push({ county, file: r.file, row });
    }
    for (const item of flagsOfCounty(county, own, settings)) push(item.item, item.registerOrder);
    counties.push({
      county,
      expected: expected.includes(county),
      state: files.length > 1 ? 'duplicate' : 'submitted',
      files,
      ...tallyCounty(
        own.flatMap((r) => r.rows),
        countyFindings,
      ),
    });
  }

  keyed.sort(
    (a, b) =>
      a.countyOrder - b.countyOrder ||
      a.registerOrder - b.registerOrder ||
      compareFindings(a.item.finding, b.item.finding),
  );
  const findings = keyed.map((k) => k.item);
  return {
    asOf: settings.asOf,
    settings,
    counties,
    total: counties.reduce((sum, c) => addTallies(sum, c), ZERO_TALLY),
    missing,
    registers,
    unreadable: options.unreadable ?? [],
    rows,
    findings,
    summary: countBySeverity(findings.map((f) => f.finding)),
  };
}

/**
 * Runs the register-wide flags once over all of a county's rows. Rows of different sheets may share
 * a sheet name (two files' Sheet1), so each register's rows are renamed to a unique “file › sheet”
 * label for the flags, and every finding and related row is mapped back afterwards.
 */
function flagsOfCounty(
  county: string,
  own: readonly IncludedRegister[],
  settings: Settings,
): { item: ReturnFinding; registerOrder: number }[] {
  const byLabel = new Map<string, IncludedRegister>();
  const rows: LedgerRow[] = [];
  for (const r of own) {
    let label = sourceOf(r.file, r.sheet);
    for (let n = 2; byLabel.has(label); n++) label = `${sourceOf(r.file, r.sheet)} #${n}`;
    byLabel.set(label, r);
    for (const row of r.rows) rows.push({ ...row, sheet: label });
  }
  return flagRegister(rows, settings, { localNames: [county] }).map((f) => {
    const register = byLabel.get(f.sheet);
    const related = f.related?.map((ref) => {
      const other = byLabel.get(ref.sheet);
      return other ? { ...ref, sheet: other.sheet, file: other.file } : ref;
    });
    const mapped: Finding = { ...f, sheet: register?.sheet ?? f.sheet, ...(related ? { related } : {}) };
    return { item: { county, file: register?.file ?? null, finding: mapped }, registerOrder: register?.index ?? -1 };
  });
}

function dedupe(values: readonly string[]): string[] {
  return [...new Set(values)];
}
