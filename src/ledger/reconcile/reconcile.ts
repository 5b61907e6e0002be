/**
 * 对账 (the 潍坊 practice: “与市委办公室、市政府办公室定期对账”): the register's active bodies against the list a
 * general office keeps. Three groups: matched (by name, near-identical name with its score so a
 * person can confirm, or a shared 发文字号), active in the register but not on the list
 * (not-in-reference), on the list but not active in the register (missing-from-register).
 * Abolished, merged and renamed rows never count as matched.
 */
import { findDocNumbers } from '../cells/docNumber';
import type { RegisterVersion, VersionRow } from '../compare/compare';
import { Matching, NameList, type MatchHow } from '../compare/match';
import { finding, type Finding, type RelatedRef } from '../findings';
import { normaliseName } from '../names';
import { localNamesFrom } from '../compare/places';
import type { LedgerRow } from '../row';
import type { Settings } from '../settings';
import type { ReferenceEntry, ReferenceList } from './referenceList';

export interface ReconcileMatch {
  readonly register: VersionRow;
  readonly reference: VersionRow;
  readonly how: Exclude<MatchHow, 'history'>;
  /** Name similarity in [0, 1]: 1 for the same name. */
  readonly score: number;
}

export interface MissingEntry {
  readonly reference: VersionRow;
  /** 发文字号 on the list, as written. */
  readonly docText: string;
  /** Register rows of that name that are not active (已撤销 …): why it did not match. */
  readonly retired: readonly VersionRow[];
}

export interface ReconcileResult {
  readonly matched: readonly ReconcileMatch[];
  /** Active register rows the list does not have. */
  readonly notInReference: readonly VersionRow[];
  readonly missingFromRegister: readonly MissingEntry[];
  readonly findings: { readonly register: readonly Finding[]; readonly reference: readonly Finding[] };
  readonly counts: {
    readonly registerActive: number;
    readonly reference: number;
    readonly matched: number;
    readonly byName: number;
    readonly similar: number;
    readonly document: number;
    readonly notInReference: number;
    readonly missingFromRegister: number;
  };
}

export interface ReconcileOptions {
  readonly localNames?: readonly string[];
}

const rowRef = (file: string, row: LedgerRow): VersionRow => ({ file, sheet: row.sheet, row: row.row, name: row.name });
const entryRef = (file: string, e: ReferenceEntry): VersionRow => ({ file, sheet: e.sheet, row: e.row, name: e.name });

export function reconcile(
  register: RegisterVersion,
  list: ReferenceList,
  settings: Pick<Settings, 'similarNameThreshold'>,
  options: ReconcileOptions = {},
): ReconcileResult {
  const active = register.rows.filter((r) => r.active && r.name !== '');
  const entries = list.entries;
  const locals =
    options.localNames ??
    localNamesFrom(
      [...(register.title ?? []), ...list.title],
      [...register.rows.map((r) => r.name), ...entries.map((e) => e.name)],
    );
  const left = new NameList(
    active.map((r) => r.name),
    locals,
  );
  const right = new NameList(
    entries.map((e) => e.name),
    locals,
  );
  const m = new Matching(left, right);
  m.byName();
  m.bySimilarity(settings.similarNameThreshold);
  m.byDocument(
    (l) => findDocNumbers(active[l]!.cells.basis?.text ?? '').map((d) => d.standard),
    (r) => entries[r]!.docs,
  );

  const matched: ReconcileMatch[] = m.pairs
    .map((p) => ({
      register: rowRef(register.file, active[p.left]!),
      reference: entryRef(list.file, entries[p.right]!),
      how: p.how as ReconcileMatch['how'],
      score: Math.round(p.score * 1000) / 1000,
    }))
    .sort((a, b) =>
      a.register.sheet < b.register.sheet
        ? -1
        : a.register.sheet > b.register.sheet
          ? 1
          : a.register.row - b.register.row,
    );

  const registerFindings: Finding[] = [];
  const notInReference: VersionRow[] = [];
  for (const l of m.freeLeft()) {
    const row = active[l]!;
    notInReference.push(rowRef(register.file, row));
    const cell = row.cells.name;
    registerFindings.push(
      finding({
        code: 'not-in-reference',
        sheet: row.sheet,
        row: row.row,
        column: cell?.header ?? '机构名称',
        columnIndex: cell?.column,
        value: row.name,
        params: { name: row.name, list: list.file },
      }),
    );
  }

  // Retired register rows by name, to say why a listed body did not match.
  const retiredByKey = new Map<string, LedgerRow[]>();
  const retiredRows = register.rows.filter((r) => !r.active && r.name !== '');
  for (const row of retiredRows) {
    const key = normaliseName(row.name, locals);
    const list = retiredByKey.get(key);
    if (list) list.push(row);
    else retiredByKey.set(key, [row]);
  }

  const referenceFindings: Finding[] = [];
  const missingFromRegister: MissingEntry[] = [];
  for (const r of m.freeRight()) {
    const entry = entries[r]!;
    const retired = (retiredByKey.get(right.keys[r]!) ?? []).map((row) => rowRef(register.file, row));
    missingFromRegister.push({ reference: entryRef(list.file, entry), docText: entry.docText, retired });
    const related: RelatedRef[] = retired.map((x) => ({ file: x.file, sheet: x.sheet, row: x.row, value: x.name }));
    referenceFindings.push(
      finding({
        code: 'missing-from-register',
        sheet: entry.sheet,
        row: entry.row,
        column: entry.header,
        columnIndex: entry.column,
        value: entry.name,
        params: { name: entry.name },
        related,
      }),
    );
  }

  const by = (how: MatchHow) => matched.filter((x) => x.how === how).length;
  return {
    matched,
    notInReference,
    missingFromRegister,
    findings: { register: registerFindings, reference: referenceFindings },
    counts: {
      registerActive: active.length,
      reference: entries.length,
      matched: matched.length,
      byName: by('name'),
      similar: by('similar'),
      document: by('document'),
      notInReference: notInReference.length,
      missingFromRegister: missingFromRegister.length,
    },
  };
}
