/**
 * Cells of a written workbook whose text passed Excel's limit of 32,767 characters: the writer
 * cuts them with a visible marker (see src/xlsx/worksheet.ts `cutCellText`), and the command says
 * which ones, so nothing is lost without a word.
 */
import type { Lang } from '../ledger/findings';
import { cellAddress } from '../ledger/grid';
import type { CellCut } from '../xlsx/write';
import type { CliIo } from './command';

const SHOWN = 5;

export function cutReporter(
  io: CliIo,
  output: string,
  lang: Lang,
): { onCut: (cut: CellCut) => void; report: () => void } {
  const cuts: CellCut[] = [];
  return {
    onCut: (cut) => {
      cuts.push(cut);
    },
    report: () => {
      for (const c of cuts.slice(0, SHOWN)) {
        const where = `${c.sheet}!${cellAddress(c.row, c.column)}`;
        io.err(
          lang === 'en'
            ? `ledger: warning: ${output} ${where}: the text (${c.length} characters) was cut to Excel's cell limit of 32,767, marked “已截断 / cut” at its end\n`
            : `ledger：提示：${output} ${where}：文字共 ${c.length} 字，超出 Excel 单元格上限 32767 字，已截断，末尾标有“已截断”\n`,
        );
      }
      if (cuts.length > SHOWN) {
        io.err(
          lang === 'en'
            ? `ledger: warning: ${cuts.length - SHOWN} more cells of ${output} were cut the same way\n`
            : `ledger：提示：${output} 另有 ${cuts.length - SHOWN} 个单元格同样被截断\n`,
        );
      }
    },
  };
}
