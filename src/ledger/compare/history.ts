/**
 * Does 历史沿革 record a change? Only what the new version added to the text counts: a history
 * that already said “2019年更名” before does not document a rename made since.
 */
import { toHalfWidth } from '../cells/value';
import { normaliseName } from '../names';

/** Whitespace-free, half-width text for containment tests. */
export function compactText(text: string): string {
  return toHalfWidth(text).replace(/[\s\u3000]+/g, '');
}

/**
 * The part of the new history that the old one did not have: the new text without the old text
 * when it still contains it (an appended line), else the whole new text (rewritten).
 */
export function addedHistory(oldHistory: string, newHistory: string): string {
  const before = compactText(oldHistory);
  const after = compactText(newHistory);
  if (before === '') return after;
  const at = after.indexOf(before);
  if (at === -1) return after;
  return after.slice(0, at) + after.slice(at + before.length);
}

const RENAME_WORDS = /更名|改名|名称调整|名称变更|变更名称|调整名称|恢复原名|恢复名称|改称|更改为|调整为|改为/u;
const MOVE_WORDS = /设在|改设|移至|移交|划转|转至|转隶|调整至|调整到|改由|调整隶属|隶属关系|所在部门|牵头部门调整/u;
const ABOLISH_WORDS = /撤销|撤消|撤并|取消|不再保留|终止|废止|到期|届满/u;
const MERGE_WORDS = /合并|并入|整合|撤并|纳入|合署|归并|并为/u;

/** True when `added` names the body by `name` (compared as normalised names, so 潍坊市… and 市… are one). */
function mentionsName(added: string, name: string, localNames?: readonly string[]): boolean {
  const key = normaliseName(name, localNames);
  if (key === '') return false;
  return normaliseName(added, localNames).includes(key) || added.includes(compactText(name));
}

export function recordsRename(added: string, newName: string, localNames?: readonly string[]): boolean {
  return RENAME_WORDS.test(added) || mentionsName(added, newName, localNames);
}

/** A move is recorded by a move word or by naming the new department (市应急局, or its short form as written). */
export function recordsMove(added: string, newDepartments: readonly string[]): boolean {
  if (MOVE_WORDS.test(added)) return true;
  return newDepartments.some((d) => {
    const c = compactText(d);
    return c.length >= 2 && (added.includes(c) || added.includes(c.replace(/^[市县区]/u, '')));
  });
}

export function recordsAbolition(added: string): boolean {
  return ABOLISH_WORDS.test(added);
}

export function recordsMerger(added: string): boolean {
  return MERGE_WORDS.test(added);
}
