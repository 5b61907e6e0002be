/**
 * The Excel JavaScript API requirement sets the adapter relies on. manifest.xml asks for exactly
 * REQUIRED_SETS (tests/excel/build.test.ts keeps them equal), so Office does not open the add-in on
 * a host without them (Excel 2016/2019); the check at start with
 * `Office.context.requirements.isSetSupported` is a safety net that names what is missing.
 */

export interface RequirementSet {
  readonly name: string;
  readonly version: string;
  /** What needs it, for README and the message. */
  readonly why: string;
}

/**
 * ExcelApi 1.9 includes every earlier set, and the adapter uses something from most of them:
 * RangeAreas / `getRanges` and `ConditionalFormat.getRanges` (1.9, the marks), data validation
 * (1.8, the new register's dropdowns), `getRangeByIndexes` and freeze panes (1.7, block reads and
 * frozen headers), conditional formats (1.6), workbook settings and `*OrNullObject` (1.4).
 */
export const REQUIRED_SETS: readonly RequirementSet[] = [
  { name: 'ExcelApi', version: '1.9', why: 'RangeAreas for marks, data validation, block reads by index, settings' },
];

/** Used when present, skipped without loss of function when not. */
export const OPTIONAL_SETS: readonly RequirementSet[] = [
  { name: 'ExcelApi', version: '1.13', why: 'merged header cells (getMergedAreasOrNullObject)' },
];

interface RequirementsHost {
  isSetSupported(name: string, version?: string): boolean;
}

function requirementsHost(): RequirementsHost | null {
  const office = (globalThis as { Office?: { context?: { requirements?: RequirementsHost } } }).Office;
  const requirements = office?.context?.requirements;
  return requirements && typeof requirements.isSetSupported === 'function' ? requirements : null;
}

/** True when the host reports the set as supported; false outside Office. */
export function isSetSupported(name: string, version: string): boolean {
  const host = requirementsHost();
  if (!host) return false;
  return host.isSetSupported(name, version) === true;
}

/** Which required sets this host lacks, as "ExcelApi 1.9". */
export function checkRequirements(): { ok: boolean; missing: string[] } {
  const missing = REQUIRED_SETS.filter((set) => !isSetSupported(set.name, set.version)).map(
    (set) => `${set.name} ${set.version}`,
  );
  return { ok: missing.length === 0, missing };
}

/** The message the pane shows when `checkRequirements` is not ok. */
export function requirementsMessage(missing: readonly string[]): { zh: string; en: string } {
  const list = missing.join('、');
  return {
    zh: `当前 Excel 版本过旧，缺少加载项所需的接口（${list}）。请使用 Microsoft 365 版 Excel、Excel 2021 或更新版本，或网页版 Excel。`,
    en: `This version of Excel is too old: it lacks ${missing.join(', ')}, which the add-in needs. Use Excel for Microsoft 365, Excel 2021 or later, or Excel on the web.`,
  };
}
