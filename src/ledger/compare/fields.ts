/**
 * Which facts of a body changed between two versions. Values are compared as read, not as
 * typed: 2019年3月 and 2019.03 are one date, 市发改委 and 市发展改革委 one department,
 * 潍办发[2019]12号 and 潍办发〔2019〕12号 one document. A column that one version lacks is not compared.
 */
import { formatDate } from '../cells/date';
import { findDocNumbers } from '../cells/docNumber';
import { FIELDS, type FieldKey } from '../fields';
import type { LedgerRow } from '../row';
import { compactText } from './history';

/** The facts of a body that make a change 调整 (history, remarks and contact details do not). */
export const COMPARED_FIELDS = [
  'category',
  'established',
  'basis',
  'department',
  'duration',
  'parent',
  'status',
  'abolishedOn',
  'abolitionDoc',
  'duties',
] as const satisfies readonly FieldKey[];

export interface FieldChange {
  readonly field: FieldKey;
  readonly label: string;
  readonly labelEn: string;
  /** The cell text as written in each version. */
  readonly old: string;
  readonly new: string;
}

function docsOrText(text: string): string {
  const docs = findDocNumbers(text).map((d) => d.standard);
  return docs.length > 0 ? [...new Set(docs)].sort().join('|') : compactText(text);
}

/** The comparable form of one field of a row. */
function comparable(row: LedgerRow, field: FieldKey): string {
  const text = row.cells[field]?.text ?? '';
  switch (field) {
    case 'category':
      return row.category !== null ? String(row.category) : compactText(text);
    case 'status':
      return row.status;
    case 'established':
      return row.established ? formatDate(row.established) : compactText(text);
    case 'abolishedOn':
      return row.abolishedOn ? formatDate(row.abolishedOn) : compactText(text);
    case 'department':
      return row.department !== null ? compactText(row.department) : compactText(text);
    case 'duration':
      return row.duration ? JSON.stringify(row.duration) : compactText(text);
    case 'basis':
    case 'abolitionDoc':
      return docsOrText(text);
    default:
      return compactText(text);
  }
}

function shown(row: LedgerRow, field: FieldKey): string {
  // An empty 状态 means 存续.
  if (field === 'status' && (row.cells.status?.text ?? '') === '') return '存续';
  return row.cells[field]?.text ?? '';
}

/** The compared fields that differ, old → new. Status counts even without a 状态 column (empty means 存续). */
export function changedFields(oldRow: LedgerRow, newRow: LedgerRow): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of COMPARED_FIELDS) {
    const a = oldRow.cells[field];
    const b = newRow.cells[field];
    if (field !== 'status' && (a === undefined || b === undefined)) continue;
    // The same text reads the same: only differing texts are parsed and compared as values.
    if ((a?.text ?? '') === (b?.text ?? '')) continue;
    if (comparable(oldRow, field) === comparable(newRow, field)) continue;
    out.push({
      field,
      label: FIELDS[field].label,
      labelEn: FIELDS[field].labelEn,
      old: shown(oldRow, field),
      new: shown(newRow, field),
    });
  }
  return out;
}

/** The 名称 change, for renamed bodies (listed first). */
export function nameChange(oldName: string, newName: string): FieldChange {
  return { field: 'name', label: FIELDS.name.label, labelEn: FIELDS.name.labelEn, old: oldName, new: newName };
}
