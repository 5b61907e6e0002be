import { finding, type Finding } from '../findings';
import type { LedgerRow } from '../row';
import { cellOf, groupBy, othersIn, relatedRows, rowList } from './cells';

/**
 * shared-basis-document (info): active rows citing one 发文字号, compared in its standard form so
 * 潍办发[2019]12号 and 潍办发〔2019〕12号 are one document. One document often sets up several
 * bodies, so this is only ever information.
 */
export function flagSharedBasis(rows: readonly LedgerRow[]): Finding[] {
  const out: Finding[] = [];
  for (const [docNumber, group] of groupBy(rows, (r) => r.basis?.standard ?? '')) {
    if (group.length < 2) continue;
    for (const row of group) {
      const others = othersIn(group, row);
      out.push(
        finding({
          code: 'shared-basis-document',
          ...cellOf(row, 'basis'),
          value: row.cells.basis?.text ?? docNumber,
          params: { docNumber, otherRows: rowList(others) },
          related: relatedRows(others),
        }),
      );
    }
  }
  return out;
}
