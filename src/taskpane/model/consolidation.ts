/** Gathering the 汇总 tab's inputs (sheets of this workbook, files from disk) for the consolidation core. */
import type { Submission, UnreadableInput } from '../../ledger/consolidate';
import type { WorkbookPort, PickedFile } from '../../port/workbook';
import { WorkbookError } from '../../port/workbook';
import type { Progress } from '../hooks/useTask';

export interface ReturnInput {
  readonly file: string;
  readonly size: number;
  readonly sha256: string;
}

export interface GatheredInputs {
  readonly submissions: Submission[];
  readonly unreadable: UnreadableInput[];
  readonly inputs: ReturnInput[];
}

/** The sheets a return writes; never offered as county registers. */
export function isReturnSheet(name: string, returnNames: readonly string[]): boolean {
  return returnNames.some((r) => name === r || name.startsWith(`${r} (`));
}

/** Sheet names that are never a county's register: instructions, lists, a cover, the add-in's other outputs. */
const NOT_A_REGISTER = /说明|填表|下拉选项|目录|封面|调整清单|变动清单|统计|对账|instructions|readme/i;

/**
 * Whether a sheet's name looks like a county's register: it names an expected county, or a
 * county-level unit (…县, …区, …旗, a county-level city such as 寿光市), and is not the city's own
 * register (市级…) or a sheet of instructions. Sheets that do not look like one are still offered, under 显示全部.
 */
export function looksLikeCountySheet(name: string, expectedCounties: readonly string[]): boolean {
  if (NOT_A_REGISTER.test(name) || /市级|市直|全市/.test(name)) return false;
  if (expectedCounties.some((county) => county !== '' && name.includes(county))) return true;
  return /[\u4e00-\u9fff]{1,6}(县|区|旗)/u.test(name) || /^[\u4e00-\u9fff]{2,4}市(?!级)/u.test(name);
}

/**
 * A workbook sheet stands in for a file named `<source>/<sheet>`: the core reads the county from
 * the last part (as from a file name) and the return's 来源 says it came from this workbook.
 */
export function sheetSourceName(source: string, sheet: string): string {
  return `${source}/${sheet}`;
}

export async function sha256Hex(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  // crypto.subtle exists only in secure contexts (https, localhost); elsewhere the digest is left out.
  if (!subtle) return '';
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const digest = await subtle.digest('SHA-256', view as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Reads every chosen sheet and file. A file that cannot be read is listed (never dropped) and the
 * rest go on; any other error stops the work.
 */
export async function gatherInputs(
  port: WorkbookPort,
  sheets: readonly string[],
  files: readonly PickedFile[],
  source: string,
  signal: AbortSignal,
  progress: Progress,
): Promise<GatheredInputs> {
  const submissions: Submission[] = [];
  const unreadable: UnreadableInput[] = [];
  const inputs: ReturnInput[] = [];
  const steps = sheets.length + files.length;
  let done = 0;
  for (const sheet of sheets) {
    const grid = await port.readSheet(sheet, { signal });
    const file = sheetSourceName(source, sheet);
    submissions.push({ file, grid });
    // A sheet has no file bytes: its size and digest are those of its values as JSON.
    const json = new TextEncoder().encode(JSON.stringify(grid.values));
    inputs.push({ file, size: json.byteLength, sha256: await sha256Hex(json) });
    progress(++done / steps);
  }
  for (const picked of files) {
    try {
      const grids = await port.readWorkbookFile(picked, { signal });
      for (const grid of grids) submissions.push({ file: picked.name, grid });
    } catch (error) {
      if (!(error instanceof WorkbookError) || error.kind !== 'unreadable') throw error;
      unreadable.push({ file: picked.name, message: error.message, messageEn: error.message });
    }
    inputs.push({ file: picked.name, size: picked.bytes.byteLength, sha256: await sha256Hex(picked.bytes) });
    progress(++done / steps);
  }
  return { submissions, unreadable, inputs };
}
