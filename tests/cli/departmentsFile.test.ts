import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/command';
import { decodeText, loadDepartmentsFile } from '../../src/cli/departmentsFile';
import { xlsxBytes } from '../fixtures/xlsx/build';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-departments-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--departments file', () => {
  it('decodes UTF-8 with a BOM and GB18030 files saved by Chinese Windows', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('市应急局')]))).toBe('市应急局');
    // “市应急局” in GB18030 (GBK range): 市 CAD0, 应 D3A6, 急 BCB1, 局 BED6.
    expect(decodeText(new Uint8Array([0xca, 0xd0, 0xd3, 0xa6, 0xbc, 0xb1, 0xbe, 0xd6]))).toBe('市应急局');
  });

  it('loads .txt, .csv (first column, quoted) and .xlsx (first column) files', async () => {
    writeFileSync(join(dir, 'list.txt'), '市应急局\r\n市农业农村局\r\n农业局=市农业农村局\r\n');
    writeFileSync(join(dir, 'list.csv'), '部门名称,联系人\n"市应急局",张伟\n市农业农村局,王芳\n');
    writeFileSync(
      join(dir, 'list.xlsx'),
      await xlsxBytes([
        {
          name: '名单',
          rows: [['部门名称', '备注'], ['市应急局', null], ['市农业农村局', '原市农业局'], ['农业局=市农业农村局']],
        },
      ]),
    );
    const txt = await loadDepartmentsFile(join(dir, 'list.txt'));
    expect(txt).toEqual({ departments: ['市应急局', '市农业农村局'], aliases: { 农业局: '市农业农村局' } });
    expect((await loadDepartmentsFile(join(dir, 'list.csv'))).departments).toEqual(['市应急局', '市农业农村局']);
    expect(await loadDepartmentsFile(join(dir, 'list.xlsx'))).toEqual(txt);
  });

  it('rejects a list without departments and a file that is not there, naming the file', async () => {
    writeFileSync(join(dir, 'empty.txt'), '# 只有注释\n\n');
    await expect(loadDepartmentsFile(join(dir, 'empty.txt'))).rejects.toThrow(UsageError);
    await expect(loadDepartmentsFile(join(dir, 'empty.txt'))).rejects.toMatchObject({
      zh: expect.stringContaining('empty.txt 中没有任何部门'),
    });
    await expect(loadDepartmentsFile(join(dir, 'none.txt'))).rejects.toMatchObject({
      zh: expect.stringContaining('none.txt：文件不存在'),
    });
  });
});
