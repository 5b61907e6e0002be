/**
 * Compare two versions of a register (调整清单): match every body of the old version to its row in
 * the new one, classify what happened to it, and report changes the register does not record.
 *
 * Matching, in passes (each only over what is still unmatched):
 *   1. the same normalised name (an active row pairs with an active row first);
 *   2. a new row whose 历史沿革 names an old body (“由市A更名为市B”);
 *   3. a near-identical name (the flags' measure, at settings.similarNameThreshold), with its score;
 *   4. a 发文字号 cited by exactly one old and one new row.
 * A rename kept as two rows (the old name set to 已更名 plus a row under the new name) is joined
 * through either row's 历史沿革.
 */
import { findDocNumbers } from '../cells/docNumber';
import { isBlankOrPlaceholder } from '../cells/value';
import { FIELDS, type FieldKey } from '../fields';
import { finding, type Finding, type FindingParams, type RelatedRef } from '../findings';
import { profileSimilarity } from '../names';
import type { LedgerRow } from '../row';
import type { Settings } from '../settings';
import { changedFields, nameChange, type FieldChange } from './fields';
import { addedHistory, recordsAbolition, recordsMerger, recordsMove, recordsRename } from './history';
import { Matching, NameList, type MatchHow } from './match';
import { mentionedKeys } from './mentions';
import { localNamesFrom } from './places';
import { categoryStats, type CategoryLine } from './stats';

export type ChangeKind = 'vanished' | 'new' | 'abolished' | 'merged' | 'renamed' | 'adjusted' | 'unchanged';

/** Kinds in the order the change list shows them. */
export const CHANGE_KINDS: readonly ChangeKind[] = [
  'vanished',
  'new',
  'abolished',
  'merged',
  'renamed',
  'adjusted',
  'unchanged',
];

export const CHANGE_KIND_LABELS: Readonly<Record<ChangeKind, { readonly zh: string; readonly en: string }>> = {
  vanished: { zh: '删除（无记录）', en: 'Deleted (no row)' },
  new: { zh: '新设', en: 'New' },
  abolished: { zh: '撤销', en: 'Abolished' },
  merged: { zh: '合并', en: 'Merged' },
  renamed: { zh: '更名', en: 'Renamed' },
  adjusted: { zh: '调整', en: 'Adjusted' },
  unchanged: { zh: '未变', en: 'Unchanged' },
};

/** A row of one version. */
export interface VersionRow {
  readonly file: string;
  readonly sheet: string;
  readonly row: number;
  readonly name: string;
}

/** What happened to one body between the versions. */
export interface ChangeEntry {
  readonly kind: ChangeKind;
  /** The body's row in the old version (null for a new row). */
  readonly old: VersionRow | null;
  /** Its row in the new version (null when the row was deleted). */
  readonly new: VersionRow | null;
  /**
   * The body's row under its new name when a rename is kept as two rows (the old row set to
   * 已更名), or the body it was merged into, when the registers say which.
   */
  readonly target: VersionRow | null;
  /** How the old and new rows were matched; null when one side is missing. */
  readonly how: MatchHow | null;
  /** Name similarity of the matched rows. */
  readonly score: number | null;
  /** Fields that changed, old → new (名称 first for a rename). */
  readonly fields: readonly FieldChange[];
  /** 办事机构所在部门 changed. */
  readonly moved: boolean;
  /** The findings this change raised (also in `CompareResult.findings`). */
  readonly findings: readonly Finding[];
}

export interface RegisterVersion {
  /** The file name as the user knows it (for messages and related refs). */
  readonly file: string;
  /** Parsed rows of every register sheet of the version, in order. */
  readonly rows: readonly LedgerRow[];
  /** Title lines above the header (潍坊市市级议事协调机构管理台账): the place they start with is the register's own. */
  readonly title?: readonly string[];
}

export interface CompareOptions {
  /** The register's own place names (潍坊市) for name normalisation; default: inferred from the names. */
  readonly localNames?: readonly string[];
}

export interface CompareResult {
  /** One entry per body, in CHANGE_KINDS order, then by row. */
  readonly entries: readonly ChangeEntry[];
  readonly counts: Readonly<Record<ChangeKind, number>>;
  readonly stats: readonly CategoryLine[];
  /** Findings on rows of the old file (vanished-row) and of the new file (the rest). */
  readonly findings: { readonly old: readonly Finding[]; readonly new: readonly Finding[] };
  readonly localNames: readonly string[];
}

const ref = (file: string, row: LedgerRow): VersionRow => ({ file, sheet: row.sheet, row: row.row, name: row.name });

function docsOf(row: LedgerRow): string[] {
  const text = row.cells.basis?.text ?? '';
  return text === '' ? [] : findDocNumbers(text).map((d) => d.standard);
}

/** Where a finding about a row's field goes: that cell when the column exists, else the row with the field's label. */
function at(
  row: LedgerRow,
  field: FieldKey,
  fallback?: FieldKey,
): { sheet: string; row: number; column: string; columnIndex?: number } {
  const cell = row.cells[field] ?? (fallback ? row.cells[fallback] : undefined);
  const label = cell?.header ?? FIELDS[field].label;
  return cell
    ? { sheet: row.sheet, row: row.row, column: label, columnIndex: cell.column }
    : { sheet: row.sheet, row: row.row, column: label };
}

/** The two versions being compared, with what every phase reads. */
interface Versions {
  readonly before: RegisterVersion;
  readonly after: RegisterVersion;
  readonly oldRows: readonly LedgerRow[];
  readonly newRows: readonly LedgerRow[];
  readonly oldNames: NameList;
  readonly newNames: NameList;
  readonly locals: readonly string[];
  readonly matching: Matching;
}

/** A row by index; the indexes come from the matching, so a missing row is a bug, said loudly. */
function rowAt(rows: readonly LedgerRow[], index: number): LedgerRow {
  const row = rows[index];
  if (row === undefined) throw new RangeError(`compare: no row ${index}`);
  return row;
}

/** What the history pass learnt besides the pairs it linked. */
interface HistoryLinks {
  /** Old body → the new row that names it in a merger of several (“由A、B合并组建C”). */
  readonly mergedInto: ReadonlyMap<number, number>;
  /** Old body renamed with a kept row → a new row whose history names it. */
  readonly namedBy: ReadonlyMap<number, number>;
}

/** Renames and mergers kept as rows: the body's row under its new name, or the body merged into. */
interface Successors {
  readonly targetOf: ReadonlyMap<number, number>;
  /** New rows that carry a renamed body and so are not listed as new. */
  readonly consumed: ReadonlySet<number>;
}

/** An entry and its place in the list: pairs by their new row, then vanished old rows, then new rows. */
interface Ordered {
  readonly entry: ChangeEntry;
  readonly order: number;
}

export function compareVersions(
  before: RegisterVersion,
  after: RegisterVersion,
  settings: Pick<Settings, 'similarNameThreshold'>,
  options: CompareOptions = {},
): CompareResult {
  const oldRows = before.rows;
  const newRows = after.rows;
  const locals =
    options.localNames ??
    localNamesFrom(
      [...(before.title ?? []), ...(after.title ?? [])],
      [...oldRows.map((r) => r.name), ...newRows.map((r) => r.name)],
    );
  const oldNames = new NameList(
    oldRows.map((r) => r.name),
    locals,
  );
  const newNames = new NameList(
    newRows.map((r) => r.name),
    locals,
  );
  const versions: Versions = {
    before,
    after,
    oldRows,
    newRows,
    oldNames,
    newNames,
    locals,
    matching: new Matching(oldNames, newNames),
  };

  matchBySameName(versions);
  const history = matchByHistory(versions);
  matchBySimilarNameOrDocument(versions, settings.similarNameThreshold);
  const successors = findSuccessors(versions, history.namedBy);

  const oldFindings: Finding[] = [];
  const newFindings: Finding[] = [];
  const entries = [
    ...pairedEntries(versions, successors, newFindings),
    ...vanishedEntries(versions, history.mergedInto, oldFindings),
    ...unmatchedNewEntries(versions, successors, newFindings),
  ];
  const { ordered, counts } = byKind(entries, newRows.length + oldRows.length);
  return {
    entries: ordered,
    counts,
    stats: categoryStats(oldRows, newRows),
    findings: { old: oldFindings, new: newFindings },
    localNames: locals,
  };
}

/** Pass 1: the same name; an active row with an active one, an abolished with an abolished, before mixing. */
function matchBySameName({ oldRows, newRows, matching }: Versions): void {
  matching.byName((oldIndex, newIndex) => {
    const oldRow = rowAt(oldRows, oldIndex);
    const newRow = rowAt(newRows, newIndex);
    return oldRow.status === newRow.status ? 0 : oldRow.active === newRow.active ? 1 : 2;
  });
}

/** Pass 2: new rows whose 历史沿革 names an old body (“由市A更名为市B”). */
function matchByHistory({ oldRows, newRows, oldNames, newNames, locals, matching }: Versions): HistoryLinks {
  const oldByKey = groupByKey(oldNames.keys);
  const mergedInto = new Map<number, number>();
  const namedBy = new Map<number, number>();
  for (const newIndex of matching.freeRight()) {
    const newRow = rowAt(newRows, newIndex);
    const text = newRow.cells.history?.text ?? '';
    if (text === '') continue;
    const keys = mentionedKeys(text, oldByKey, locals).filter((k) => k !== newNames.keys[newIndex]);
    const free: number[] = [];
    for (const key of keys) {
      for (const oldIndex of oldByKey.get(key) ?? []) {
        const oldRow = rowAt(oldRows, oldIndex);
        if (matching.isLeftFree(oldIndex)) {
          if (oldRow.active || !newRow.active) free.push(oldIndex);
        } else {
          const matched = rowAt(newRows, matching.rightOf[oldIndex] ?? -1);
          if (oldRow.active && (matched.status === 'renamed' || matched.status === 'merged') && !namedBy.has(oldIndex))
            namedBy.set(oldIndex, newIndex);
        }
      }
    }
    const [only] = free;
    if (free.length === 1 && only !== undefined)
      matching.link(only, newIndex, 'history', profileSimilarity(oldNames.profile(only), newNames.profile(newIndex)));
    else for (const oldIndex of free) if (!mergedInto.has(oldIndex)) mergedInto.set(oldIndex, newIndex);
  }
  return { mergedInto, namedBy };
}

/** Passes 3–4: near-identical names, then a shared document; an abolished old row never pairs with an active new one here. */
function matchBySimilarNameOrDocument({ oldRows, newRows, matching }: Versions, threshold: number): void {
  const looseTier = (oldIndex: number, newIndex: number): number => {
    const oldRow = rowAt(oldRows, oldIndex);
    const newRow = rowAt(newRows, newIndex);
    if (!oldRow.active && newRow.active) return -1;
    return oldRow.active === newRow.active ? 0 : 1;
  };
  matching.bySimilarity(threshold, looseTier);
  matching.byDocument(
    (oldIndex) => docsOf(rowAt(oldRows, oldIndex)),
    (newIndex) => docsOf(rowAt(newRows, newIndex)),
    looseTier,
  );
}

/** For each active body whose new row says 已更名 / 已合并: the row under its new name, or the body it joined. */
function findSuccessors(
  { oldRows, newRows, newNames, locals, matching }: Versions,
  namedBy: ReadonlyMap<number, number>,
): Successors {
  let newByKeyMemo: Map<string, number[]> | null = null;
  const newByKey = () => (newByKeyMemo ??= groupByKey(newNames.keys));
  const consumed = new Set<number>();
  const targetOf = new Map<number, number>();
  for (const pair of matching.pairs) {
    const oldRow = rowAt(oldRows, pair.left);
    const newRow = rowAt(newRows, pair.right);
    if (!oldRow.active || (newRow.status !== 'renamed' && newRow.status !== 'merged')) continue;
    const own = newNames.keys[pair.right];
    const named = mentionedKeys(newRow.cells.history?.text ?? '', newByKey(), locals).filter((k) => k !== own);
    const candidates = named
      .flatMap((k) => newByKey().get(k) ?? [])
      .filter((r) => r !== pair.right && rowAt(newRows, r).active);
    let target = candidates.find((r) => matching.isRightFree(r) && !consumed.has(r)) ?? candidates[0];
    if (target === undefined && newRow.status === 'renamed') {
      const by = namedBy.get(pair.left);
      if (by !== undefined && matching.isRightFree(by) && !consumed.has(by)) target = by;
    }
    if (target === undefined) continue;
    targetOf.set(pair.left, target);
    if (newRow.status === 'renamed' && matching.isRightFree(target)) consumed.add(target);
  }
  return { targetOf, consumed };
}

/** One entry per matched pair: what happened to the body, and the changes its rows do not record. */
function pairedEntries(
  { before, after, oldRows, newRows, oldNames, newNames, locals, matching }: Versions,
  { targetOf }: Successors,
  findings: Finding[],
): Ordered[] {
  const oldRef = (row: LedgerRow): RelatedRef => ({
    file: before.file,
    sheet: row.sheet,
    row: row.row,
    value: row.name,
  });
  return matching.pairs.map((pair) => {
    const oldRow = rowAt(oldRows, pair.left);
    const newRow = rowAt(newRows, pair.right);
    const targetIndex = targetOf.get(pair.left);
    const target = targetIndex === undefined ? null : rowAt(newRows, targetIndex);
    const renamedInto = target !== null && newRow.status === 'renamed' ? target : null;
    const current = renamedInto ?? newRow;
    const changes = changedFields(oldRow, current);
    const oldKey = oldNames.keys[pair.left] ?? '';
    const newKey = newNames.keys[pair.right] ?? '';
    const kind = classify(oldRow, newRow, oldKey, newKey, changes.length > 0);
    const renamed = oldKey !== (renamedInto && targetIndex !== undefined ? newNames.keys[targetIndex] : newKey);
    const fields: FieldChange[] = renamed ? [nameChange(oldRow.name, current.name), ...changes] : changes;
    const moved = oldRow.active && fields.some((f) => f.field === 'department');
    const found: Finding[] = [];
    if (oldRow.active && kind !== 'unchanged') {
      const added =
        addedHistory(oldRow.cells.history?.text ?? '', newRow.cells.history?.text ?? '') +
        (renamedInto ? (renamedInto.cells.history?.text ?? '') : '');
      found.push(
        ...changeFindings({
          kind,
          renamed,
          moved,
          o: oldRow,
          n: newRow,
          current,
          added,
          locals,
          related: [oldRef(oldRow)],
        }),
      );
    }
    for (const f of found) findings.push(f);
    const entry: ChangeEntry = {
      kind,
      old: ref(before.file, oldRow),
      new: ref(after.file, newRow),
      target: target ? ref(after.file, target) : null,
      how: pair.how,
      score: round(pair.score),
      fields,
      moved,
      findings: found,
    };
    return { entry, order: pair.right };
  });
}

/** Old rows with no new row: deleted without a record (vanished-row), or merged into a body that names them. */
function vanishedEntries(
  { before, after, oldRows, newRows, matching }: Versions,
  mergedInto: ReadonlyMap<number, number>,
  findings: Finding[],
): Ordered[] {
  return matching.freeLeft().map((oldIndex) => {
    const oldRow = rowAt(oldRows, oldIndex);
    const intoIndex = mergedInto.get(oldIndex);
    const into = intoIndex === undefined ? null : rowAt(newRows, intoIndex);
    const found: Finding[] = [];
    if (oldRow.active) {
      found.push(
        finding({
          code: 'vanished-row',
          ...at(oldRow, 'name'),
          value: oldRow.name,
          params: { name: oldRow.name, oldRow: oldRow.row },
          related: into ? [{ file: after.file, sheet: into.sheet, row: into.row, value: into.name }] : undefined,
        }),
      );
    }
    for (const f of found) findings.push(f);
    const entry: ChangeEntry = {
      kind: into ? 'merged' : 'vanished',
      old: ref(before.file, oldRow),
      new: null,
      target: into ? ref(after.file, into) : null,
      how: null,
      score: null,
      fields: [],
      moved: false,
      findings: found,
    };
    return { entry, order: newRows.length + oldIndex };
  });
}

/** New rows with no old row: new bodies, or rows that record an abolition, merger or rename on their own. */
function unmatchedNewEntries(
  { after, newRows, locals, matching }: Versions,
  { consumed }: Successors,
  findings: Finding[],
): Ordered[] {
  const out: Ordered[] = [];
  for (const newIndex of matching.freeRight()) {
    if (consumed.has(newIndex)) continue;
    const newRow = rowAt(newRows, newIndex);
    const kind: ChangeKind =
      newRow.status === 'active'
        ? 'new'
        : newRow.status === 'abolished'
          ? 'abolished'
          : newRow.status === 'merged'
            ? 'merged'
            : 'renamed';
    const found =
      kind === 'abolished' || kind === 'merged'
        ? changeFindings({
            kind,
            renamed: false,
            moved: false,
            o: null,
            n: newRow,
            current: newRow,
            added: newRow.cells.history?.text ?? '',
            locals,
            related: [],
          })
        : [];
    for (const f of found) findings.push(f);
    out.push({
      entry: {
        kind,
        old: null,
        new: ref(after.file, newRow),
        target: null,
        how: null,
        score: null,
        fields: [],
        moved: false,
        findings: found,
      },
      order: newIndex,
    });
  }
  return out;
}

/** Kind by kind, each in row order: every entry has its own order number below `slots`, so no sort is needed. */
function byKind(
  entries: readonly Ordered[],
  slots: number,
): { ordered: ChangeEntry[]; counts: Record<ChangeKind, number> } {
  const byOrder = new Array<ChangeEntry | undefined>(slots);
  for (const { entry, order } of entries) byOrder[order] = entry;
  const counts = Object.fromEntries(CHANGE_KINDS.map((k) => [k, 0])) as Record<ChangeKind, number>;
  for (const { entry } of entries) counts[entry.kind] += 1;
  const ordered: ChangeEntry[] = [];
  for (const kind of CHANGE_KINDS) {
    if (counts[kind] === 0) continue;
    for (const entry of byOrder) if (entry !== undefined && entry.kind === kind) ordered.push(entry);
  }
  return { ordered, counts };
}

function groupByKey(keys: readonly string[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  keys.forEach((key, i) => {
    if (key === '') return;
    const list = out.get(key);
    if (list) list.push(i);
    else out.set(key, [i]);
  });
  return out;
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

function classify(o: LedgerRow, n: LedgerRow, oldKey: string, newKey: string, fieldsChanged: boolean): ChangeKind {
  if (o.active) {
    if (n.status === 'abolished') return 'abolished';
    if (n.status === 'merged') return 'merged';
    if (n.status === 'renamed' || oldKey !== newKey) return 'renamed';
    return fieldsChanged ? 'adjusted' : 'unchanged';
  }
  // A row kept under a former name and now in use again: the body took its old name back.
  if (o.status === 'renamed' && n.active) return 'renamed';
  return oldKey !== newKey || fieldsChanged ? 'adjusted' : 'unchanged';
}

interface ChangeContext {
  readonly kind: ChangeKind;
  readonly renamed: boolean;
  readonly moved: boolean;
  readonly o: LedgerRow | null;
  /** The row the old body maps to in the new version. */
  readonly n: LedgerRow;
  /** The row that carries the body now (the row under the new name, for a rename kept as two rows). */
  readonly current: LedgerRow;
  /** What the new version added to 历史沿革. */
  readonly added: string;
  readonly locals: readonly string[];
  readonly related: readonly RelatedRef[];
}

/** undocumented-change and missing-abolition-document for one change. */
function changeFindings(c: ChangeContext): Finding[] {
  const out: Finding[] = [];
  const missing: { zh: string; en: string }[] = [];
  if (c.renamed && !recordsRename(c.added, c.current.name, c.locals)) {
    missing.push({ zh: `更名为“${c.current.name}”`, en: `The rename to “${c.current.name}”` });
  }
  if (c.moved && c.o) {
    const newDepartment = c.current.cells.department?.text ?? '';
    const departments = [c.current.department ?? '', newDepartment].filter((d) => d !== '');
    if (!recordsMove(c.added, departments)) {
      const from = c.o.cells.department?.text ?? '';
      missing.push({
        zh: `办事机构由“${from}”调整至“${newDepartment}”`,
        en: `The move of its office from “${from}” to “${newDepartment}”`,
      });
    }
  }
  if (c.kind === 'abolished' && !recordsAbolition(c.added)) missing.push({ zh: '撤销', en: 'The abolition' });
  if (c.kind === 'merged' && c.n.status === 'merged' && !recordsMerger(c.added))
    missing.push({ zh: '合并', en: 'The merger' });
  if (missing.length > 0) {
    const params: FindingParams = {
      change: missing.map((x) => x.zh).join('、'),
      changeEn: missing.map((x, i) => (i === 0 ? x.en : x.en.charAt(0).toLowerCase() + x.en.slice(1))).join(' and '),
    };
    const place = at(c.current, 'history', 'name');
    out.push(
      finding({
        code: 'undocumented-change',
        ...place,
        value: c.current.cells.history?.text ?? '',
        params,
        related: c.related,
      }),
    );
  }
  const retired = c.n.status === 'abolished' || c.n.status === 'merged';
  if ((c.kind === 'abolished' || c.kind === 'merged') && retired) {
    const doc = c.n.cells.abolitionDoc?.text ?? '';
    // A document number in the new history or remarks counts, unless it is the one that set the body up.
    const basis = new Set(docsOf(c.n));
    const cites = (text: string) => findDocNumbers(text).some((d) => !basis.has(d.standard));
    const documented = !isBlankOrPlaceholder(doc) || cites(c.added) || cites(c.n.cells.remarks?.text ?? '');
    if (!documented) {
      const place = at(c.n, 'abolitionDoc', 'status');
      out.push(finding({ code: 'missing-abolition-document', ...place, value: doc, related: c.related }));
    }
  }
  return out;
}
