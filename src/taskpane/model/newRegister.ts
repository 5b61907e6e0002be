/** The 新建台账 sheet: the register's header as a table, with dropdowns where the values are fixed. */
import { CATEGORIES, STATUSES } from '../../ledger/categories';
import { FIELDS, OPTIONAL_FIELDS, REQUIRED_FIELDS, type FieldKey, type OptionalField } from '../../ledger/fields';
import type { Settings } from '../../ledger/settings';
import type { ColumnFormat, ColumnSpec, SheetSpec } from '../../ledger/sheetSpec';

/** Management columns offered in the form, in the order they are written. 序号 is always first. */
export const OFFERED_OPTIONAL_FIELDS: readonly OptionalField[] = OPTIONAL_FIELDS.filter((f) => f !== 'seq');

/** Checked by default: the columns the 东营 notice asks every body to report. */
export const DEFAULT_OPTIONAL_FIELDS: readonly OptionalField[] = [
  'category',
  'status',
  'abolishedOn',
  'abolitionDoc',
  'workRules',
  'contact',
  'phone',
  'remarks',
];

// Dates are kept as text: registers state 2019年3月 as often as a full date, and a date format
// would make Excel turn 2019年3月 into 2019-03-01 and 2019.03 into a number.
const LAYOUT: Readonly<Partial<Record<FieldKey, { width: number; format?: ColumnFormat }>>> = {
  seq: { width: 6, format: 'integer' },
  name: { width: 36, format: 'text' },
  established: { width: 14, format: 'text' },
  basis: { width: 34, format: 'text' },
  department: { width: 22, format: 'text' },
  duration: { width: 20, format: 'text' },
  history: { width: 32, format: 'text' },
  parent: { width: 26, format: 'text' },
  category: { width: 26, format: 'text' },
  status: { width: 10, format: 'text' },
  abolishedOn: { width: 14, format: 'text' },
  abolitionDoc: { width: 28, format: 'text' },
  workRules: { width: 16, format: 'text' },
  contact: { width: 10, format: 'text' },
  phone: { width: 16, format: 'text' },
  county: { width: 12, format: 'text' },
  duties: { width: 32, format: 'text' },
  remarks: { width: 20, format: 'text' },
};

export interface NewRegisterOptions {
  readonly sheetName: string;
  /** Written above the header; the place it starts with tells the flags the register's locality. */
  readonly title: string;
  readonly optional: readonly OptionalField[];
  readonly blankRows: number;
}

function listFor(field: FieldKey, settings: Settings): readonly string[] | undefined {
  if (field === 'category') return CATEGORIES.map((c) => c.label);
  if (field === 'status') return STATUSES.map((s) => s.label);
  if (field === 'department') return settings.departments.length > 0 ? settings.departments : undefined;
  return undefined;
}

export function newRegisterSpec(options: NewRegisterOptions, settings: Settings): SheetSpec {
  const chosen = new Set(options.optional);
  const fields: FieldKey[] = ['seq', ...REQUIRED_FIELDS, ...OFFERED_OPTIONAL_FIELDS.filter((f) => chosen.has(f))];
  const columns: ColumnSpec[] = fields.map((field) => {
    const layout = LAYOUT[field] ?? { width: 16 };
    const list = listFor(field, settings);
    return {
      header: FIELDS[field].label,
      width: layout.width,
      ...(layout.format ? { format: layout.format } : {}),
      ...(list ? { list } : {}),
    };
  });
  const title = options.title.trim();
  return {
    name: options.sheetName.trim() || FIELDS.name.label,
    ...(title ? { preamble: [[title]] } : {}),
    columns,
    rows: [],
    table: true,
    freezeHeader: true,
    blankRows: Math.max(1, Math.min(5000, Math.floor(options.blankRows))),
  };
}
