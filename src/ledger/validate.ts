import type { Category } from './categories';
import { isoDayNumber } from './cells/date';
import { buildDepartmentIndex, type DepartmentIndex } from './cells/department';
import { compareFindings, type Finding, type Lang } from './findings';
import { flagRegister, type FlagScope } from './flags/index';
import type { Grid } from './grid';
import { findHeader, type HeaderColumn } from './header';
import { placeAtStart } from './place';
import type { LedgerRow } from './row';
import { classifyRow, fieldColumns, parseRow, rowTexts, type RowContext } from './rules';
import { mergeContacts, readContact, type SubmissionContact } from './submissionContact';
import type { Settings } from './settings';
import { workRulesFindings } from './workRules';

export type SkipReason = 'empty-sheet' | 'no-header';

/** The result of checking one sheet. */
export interface SheetReport {
  readonly sheet: string;
  readonly status: 'validated' | 'skipped';
  /** Why a sheet was skipped (see `skipMessage`). */
  readonly skipReason?: SkipReason;
  /** 1-based sheet row of the header (the lower row of a two-row header); null when skipped. */
  readonly headerRow: number | null;
  /** Non-empty texts above the header row: the title (东营市市级议事协调机构管理台账) and unit/date lines. */
  readonly title: readonly string[];
  /** Every non-empty header cell with the field it maps to (null for a column the register does not know). */
  readonly columns: readonly HeaderColumn[];
  /** The body rows, parsed. */
  readonly rows: readonly LedgerRow[];
  /** Sorted with `compareFindings`. */
  readonly findings: readonly Finding[];
  /** Who filled in the register, from its footer (or a 填表人 line above the header); null when none says. */
  readonly contact: SubmissionContact | null;
}

export interface ValidateOptions {
  /** Run the register-wide flags (duplicates, deadlines, limit); default true. */
  readonly flags?: boolean;
  /** Place names for the flags; default: the place the sheet's title starts with. */
  readonly scope?: FlagScope;
  /** A department index built once for many sheets (it depends only on settings). */
  readonly departments?: DepartmentIndex;
}

const SKIP_MESSAGES: Readonly<Record<SkipReason, { zh: string; en: string }>> = {
  'empty-sheet': { zh: '工作表为空', en: 'the sheet is empty' },
  'no-header': {
    zh: '前 20 行中未找到台账表头（至少需要 机构名称、设立时间、依据文件 等 7 项指标中的 3 项）',
    en: 'no register header in the first 20 rows (at least 3 of the 7 fields such as 机构名称, 设立时间, 依据文件 are needed)',
  },
};

export function skipMessage(reason: SkipReason, lang: Lang = 'zh'): string {
  return SKIP_MESSAGES[reason][lang];
}

/**
 * Reads a sheet as the 7-field register and checks every row: header, cell rules and, unless
 * turned off, the register-wide flags. Never throws on any grid.
 */
export function validateSheet(grid: Grid, settings: Settings, options: ValidateOptions = {}): SheetReport {
  const located = findHeader(grid);
  if (!located.found) {
    return {
      sheet: grid.sheet,
      status: 'skipped',
      skipReason: located.reason,
      headerRow: null,
      title: [],
      columns: [],
      rows: [],
      findings: [],
      contact: null,
    };
  }
  const { header } = located;
  const firstRow = grid.firstRow ?? 1;
  const ctx: RowContext = {
    sheet: grid.sheet,
    header,
    firstColumn: grid.firstColumn ?? 1,
    departments: options.departments ?? buildDepartmentIndex(settings.departments, settings.departmentAliases),
    asOfDay: isoDayNumber(settings.asOf),
    asOf: settings.asOf,
    fieldColumns: fieldColumns(header, grid.firstColumn ?? 1),
  };

  const findings: Finding[] = [...header.findings];
  const rows: LedgerRow[] = [];
  let section: Category | null = null;
  let contact = header.title.map((line) => readContact([line])).reduce(mergeContacts, null);
  for (let i = header.rowIndex + 1; i < grid.values.length; i++) {
    const values = grid.values[i] ?? [];
    const texts = rowTexts(values);
    const kind = classifyRow(texts, ctx);
    if (kind.kind === 'skip') continue;
    if (kind.kind === 'footer') {
      contact = mergeContacts(kind.contact, contact);
      continue;
    }
    if (kind.kind === 'section') {
      section = kind.category;
      continue;
    }
    rows.push(parseRow(values, texts, firstRow + i, ctx, section, findings));
  }

  if (options.flags !== false) {
    const place = header.title.map(placeAtStart).find((p) => p !== null);
    const scope: FlagScope = options.scope ?? (place ? { localNames: [place] } : {});
    for (const f of flagRegister(rows, settings, scope)) findings.push(f);
  }
  for (const f of workRulesFindings(rows, settings)) findings.push(f);
  findings.sort(compareFindings);
  return {
    sheet: grid.sheet,
    status: 'validated',
    headerRow: header.row,
    title: header.title,
    columns: header.columns,
    rows,
    findings,
    contact,
  };
}
