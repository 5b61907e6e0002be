/**
 * One register, as counties send it: the same 东营区 register saved by LibreOffice as .xlsx, .xls,
 * WPS .et (the .xls layout), .ods, GB18030 CSV with a title line, and a Word table (.docx) with its
 * title above and its footer below (tests/fixtures/formats, made by `npm run samples:arrivals`).
 * Every format must read into the same bodies and the same findings; rows are the file's own
 * (a CSV line, a Word table row).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageOf, type Finding } from '../../src/ledger/findings';
import { makeSettings } from '../../src/ledger/settings';
import { validateSheet, type SheetReport } from '../../src/ledger/validate';
import { readWorkbook, type WorkbookRead } from '../../src/read';
import { ROOT } from '../cli/run';

const FORMATS = ['xlsx', 'xls', 'et', 'ods', 'csv', 'docx'] as const;
const settings = makeSettings({ asOf: '2026-11-25' });

async function read(ext: string): Promise<Extract<WorkbookRead, { ok: true }>> {
  const name = `东营区.${ext}`;
  const result = await readWorkbook(
    new Uint8Array(readFileSync(join(ROOT, 'tests', 'fixtures', 'formats', name))),
    name,
  );
  if (!result.ok) throw new Error(result.message);
  return result;
}

async function check(ext: string): Promise<SheetReport> {
  const book = await read(ext);
  expect(book.sheets).toHaveLength(1);
  return validateSheet(book.sheets[0]!, settings);
}

/** A body as the core parsed it, without where it sits. */
function bodies(report: SheetReport) {
  return report.rows.map((r) => ({
    name: r.name,
    established: r.established,
    basis: r.basis?.standard ?? null,
    department: r.department,
    duration: r.duration,
    category: r.category,
    status: r.status,
  }));
}

/** A finding named by its body rather than its row, which a Word table numbers differently. */
function byBody(report: SheetReport, f: Finding): string {
  const name = report.rows.find((r) => r.row === f.row)?.name ?? '(no body)';
  return `${name} ${f.code} ${f.column} ${JSON.stringify(f.value)}`;
}

describe('one register in every format reads the same', () => {
  it('the .xlsx: every planted mistake found, nothing on the 合计, note or footer rows, no warning for county units or issuers', async () => {
    const report = await check('xlsx');
    expect(report.headerRow).toBe(3);
    expect(report.rows.map((r) => r.row)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(report.findings.map((f) => `${f.row} ${f.code} ${f.column}`)).toEqual([
      '6 duplicate-name 机构名称',
      '6 shared-basis-document 依据文件',
      '7 nonstandard-doc-number 依据文件',
      '9 overdue 存续时间',
      '10 invalid-phone 联系电话',
      '11 missing-value 依据文件',
      '12 duplicate-name 机构名称',
      '12 shared-basis-document 依据文件',
      '13 invalid-date 设立时间',
    ]);
    // The phone typed into a number cell (5468381002, row 5) is read back; 546838 (row 10) cannot be, and says why.
    expect(messageOf(report.findings.find((f) => f.code === 'invalid-phone')!)).toContain('开头的 0 已被 Excel 去掉');
    expect(report.title).toEqual(['东营区议事协调机构管理台账', '填报单位：中共东营市东营区委机构编制委员会办公室']);
  });

  for (const ext of FORMATS.filter((e) => e !== 'xlsx')) {
    it(`.${ext}: the same bodies and findings as the .xlsx`, async () => {
      const [xlsx, other] = [await check('xlsx'), await check(ext)];
      expect(bodies(other)).toEqual(bodies(xlsx));
      expect(other.findings.map((f) => byBody(other, f))).toEqual(xlsx.findings.map((f) => byBody(xlsx, f)));
      // Rows are the file's own: the sheet's rows, a CSV's lines, a Word table's rows (no title rows in the table).
      const shift = ext === 'docx' ? 2 : 0;
      expect(other.rows.map((r) => r.row)).toEqual(xlsx.rows.map((r) => r.row - shift));
      expect(other.findings.map((f) => f.row)).toEqual(
        xlsx.findings.map((f) => (f.row === null ? null : f.row - shift)),
      );
    });
  }

  it('keeps the footer as the submission contact in every format', async () => {
    for (const ext of FORMATS) {
      expect((await check(ext)).contact, ext).toEqual({
        filledBy: '李华',
        reviewedBy: '王芳',
        phone: '0546-8381000',
        date: '2026年11月20日',
      });
    }
  });

  it('knows what it read: the CSV was GB18030, the Word table has its title above it', async () => {
    expect(await read('csv')).toMatchObject({ format: 'csv', encoding: 'gb18030' });
    expect((await read('et')).format).toBe('et');
    const word = await read('docx');
    expect(word.format).toBe('docx');
    expect(word.sheets[0]).toMatchObject({
      sheet: '表1',
      caption: ['附件2', '东营区议事协调机构管理台账', '填报单位：中共东营市东营区委机构编制委员会办公室'],
    });
    expect((await check('docx')).title[1]).toBe('东营区议事协调机构管理台账');
  });
});
