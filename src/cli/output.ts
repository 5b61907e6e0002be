/**
 * Writing a command's output file (-o): checked before any input is read, written next to the
 * target under a temporary name and renamed, so the target is either the old file or the whole
 * new one, never half of one; an existing file is replaced only with --force.
 */
import { randomBytes } from 'node:crypto';
import { rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Lang } from '../ledger/findings';
import type { SheetSpec } from '../ledger/sheetSpec';
import { writeWorkbook } from '../xlsx/write';
import { UsageError, type CliIo } from './command';
import { cutReporter } from './outputCuts';

/** Checks -o before any input is read: .xlsx (or another of `extensions`), an existing folder, not a folder itself, not over a file without --force. */
export async function checkOutput(
  output: string,
  force: boolean,
  extensions: readonly string[] = ['.xlsx'],
): Promise<void> {
  if (!extensions.some((e) => output.toLowerCase().endsWith(e))) {
    const list = extensions.join(extensions.length > 1 ? ' 或 ' : '');
    throw new UsageError(
      `输出文件应以 ${list} 结尾（收到“${output}”）`,
      `the output file must end in ${extensions.join(' or ')} (got “${output}”)`,
    );
  }
  const folder = await stat(dirname(resolve(output))).catch(() => null);
  if (!folder?.isDirectory())
    throw new UsageError(`输出文件夹 ${dirname(output)} 不存在`, `the output folder ${dirname(output)} does not exist`);
  const info = await stat(output).catch(() => null);
  if (info?.isDirectory())
    throw new UsageError(`${output} 是文件夹，不能作为输出文件`, `${output} is a folder, not an output file`);
  if (info && !force)
    throw new UsageError(
      `${output} 已存在，未覆盖；如需覆盖请加 --force，或换一个文件名`,
      `${output} already exists and was not replaced; add --force to replace it, or choose another name`,
    );
}

/** Writes the output unless someone created it meanwhile; false (with a message) when it could not be written. */
export async function writeOutput(
  output: string,
  bytes: Uint8Array,
  force: boolean,
  io: CliIo,
  lang: Lang,
): Promise<boolean> {
  if (!force && (await stat(output).catch(() => null))) {
    throw new UsageError(
      `${output} 已存在，未覆盖；如需覆盖请加 --force`,
      `${output} already exists and was not replaced; add --force to replace it`,
    );
  }
  try {
    await writeAtomically(output, bytes);
    return true;
  } catch (error) {
    const code = (error as { code?: string }).code ?? String(error);
    io.err(
      lang === 'en'
        ? `ledger: could not write ${output} (${code}); nothing was written\n`
        : `ledger：无法写入 ${output}（${code}），未写出任何文件\n`,
    );
    return false;
  }
}

/**
 * Writes the bytes next to the target under a temporary name, then renames: the target is either
 * the old file or the whole new one, never half of one.
 */
export async function writeAtomically(target: string, bytes: Uint8Array): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/**
 * Writes sheets as an .xlsx to `output` (checked and atomic, see `writeOutput`), then says on
 * stderr which cells were cut to Excel's limit. False when the output was refused.
 */
export async function writeSheetsOutput(
  output: string,
  sheets: readonly SheetSpec[],
  force: boolean,
  io: CliIo,
  lang: Lang,
): Promise<boolean> {
  const cuts = cutReporter(io, output, lang);
  const bytes = await writeWorkbook(sheets, { onCut: cuts.onCut });
  if (!(await writeOutput(output, bytes, force, io, lang))) return false;
  cuts.report();
  return true;
}
