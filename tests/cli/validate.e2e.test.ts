/**
 * `ledger validate` end to end through the real bin: text output, languages, --sheet, bad files,
 * bad usage, exit codes, and that input files are never changed.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cfbFile, ENCRYPTED_XLSX_STREAMS, xlsxBytes } from '../fixtures/xlsx/build';
import { ledger, parseReport, planted, SAMPLES } from './run';

const manifest = planted();
const city = manifest.files.find((f) => f.file.startsWith('东营市'))!;
const CITY = `samples/${city.file}`;
const AS_OF = ['--as-of', manifest.asOf];
const HEADER = [
  '序号',
  '机构名称',
  '设立时间',
  '依据文件',
  '办事机构所在部门',
  '存续时间',
  '历史沿革',
  '上级机构设置情况',
];

let dir: string;
const files: Record<string, string> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-cli-'));
  const put = (name: string, bytes: Uint8Array | string) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    files[name] = path;
  };
  const good = await xlsxBytes([
    { name: '说明', rows: [['本工作簿为潍坊市议事协调机构台账'], ['请勿修改表头']] },
    {
      name: '台账',
      rows: [
        ['潍坊市市级议事协调机构管理台账'],
        HEADER,
        [
          1,
          '潍坊市安全生产委员会',
          new Date(Date.UTC(2019, 2, 15)),
          '潍办发〔2019〕12号',
          '市应急局',
          '长期',
          '2019年调整',
          '省级设有',
        ],
        [
          2,
          '市预制菜产业发展工作领导小组',
          '2022年5月',
          '潍政字[2022]5号',
          '市农业农村局',
          '5年',
          '2022年新设',
          '上级未设置',
        ],
      ],
      merges: ['A1:H1'],
    },
  ]);
  put('潍坊台账.xlsx', good);
  put('扫描件.xlsx', '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n');
  put('旧格式.xls', cfbFile(['Book']));
  put('截断.xlsx', good.subarray(0, Math.floor(good.length / 2)));
  put('加密.xlsx', cfbFile(ENCRYPTED_XLSX_STREAMS));
  put('空白.xlsx', await xlsxBytes([{ name: 'Sheet1', rows: [] }]));
  put('无表头.xlsx', await xlsxBytes([{ name: '名单', rows: [['市安全生产委员会'], ['市食品安全委员会']] }]));
  mkdirSync(join(dir, '空文件夹'));
  put('部门.txt', '# 潍坊市部门（节选）\n市应急局\n市农业农村局\n\n农业局=市农业农村局\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('text output', () => {
  it('groups findings by sheet and row in Chinese, names each body, and ends with the summary line', () => {
    const result = ledger(['validate', CITY, ...AS_OF]);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(CITY);
    expect(lines[1]).toMatch(/^ {2}工作表“台账” {2}表头在第 3 行，共 \d+ 条记录$/);
    // One heading per row that has findings, in sheet order.
    const rowHeadings = lines.filter((l) => /^ {4}第 \d+ 行/.test(l)).map((l) => Number(/第 (\d+) 行/.exec(l)![1]));
    expect(rowHeadings).toEqual([...new Set(city.expected.map((p) => p.row))].sort((a, b) => a - b));
    // The invalid-doc-number row: its heading names the body, the finding line the cell and column.
    const at = lines.findIndex((l) => l.startsWith('    第 16 行'));
    expect(lines[at]).toBe('    第 16 行  市委平安东营建设领导小组');
    expect(lines[at + 1]).toMatch(/^ {6}错误 {2}E16 依据文件（文号） {2}未找到可识别的发文字号/);
    expect(lines[at + 2]).toMatch(/值：市委常委会会议纪要$/);
    // A non-standard number gets the standard form as a suggestion.
    expect(result.stdout).toContain('建议：东政字〔2020〕12号');
    expect(result.stdout).toMatch(/工作表“填表说明” {2}已跳过：前 20 行中未找到台账表头/);
    const count = (s: string) => city.expected.filter((p) => p.severity === s).length;
    expect(lines.at(-2)).toBe(
      `合计：错误 ${count('error')} 个，警告 ${count('warning')} 个，提示 ${count('info')} 个（文件 1 个；已检查工作表 1 个，跳过 1 个）`,
    );
    expect(result.code).toBe(1);
  });

  it('speaks English with --lang en', () => {
    const result = ledger(['validate', CITY, ...AS_OF, '--lang', 'en']);
    expect(result.stdout).toMatch(/^ {2}Sheet “台账” {2}header on row 3, \d+ rows$/m);
    expect(result.stdout).toContain('    Row 16  市委平安东营建设领导小组');
    expect(result.stdout).toMatch(/^ {6}error {4}E16 依据文件（文号） {2}No recognisable document number/m);
    expect(result.stdout).toMatch(/Sheet “填表说明” {2}skipped: no register header in the first 20 rows/);
    expect(result.stdout).toMatch(
      /^Total: \d+ errors, \d+ warnings, \d+ info \(1 files; 1 sheets checked, 1 skipped\)$/m,
    );
    expect(result.stdout).not.toMatch(/错误|警告|合计/);
  });

  it('reports a clean register as clean, with exit 0', () => {
    const result = ledger([
      'validate',
      files['潍坊台账.xlsx']!,
      '--sheet',
      '台账',
      '--departments',
      files['部门.txt']!,
      ...AS_OF,
      '--format',
      'json',
    ]);
    const report = parseReport(result.stdout);
    // Only the planted non-standard number is found: the department list and aliases are the file's.
    expect(report.files[0]!.sheets[0]!.findings.map((f) => [f.row, f.code])).toEqual([[4, 'nonstandard-doc-number']]);
    expect(result.code).toBe(0);
    const text = ledger([
      'validate',
      files['潍坊台账.xlsx']!,
      '--sheet',
      '台账',
      '--departments',
      files['部门.txt']!,
      ...AS_OF,
    ]);
    expect(text.stdout).toContain('第 4 行  市预制菜产业发展工作领导小组');
    expect(text.code).toBe(0);
  });
});

describe('--sheet', () => {
  it('checks only the named sheet and lists no other', () => {
    const report = parseReport(ledger(['validate', CITY, '--sheet', '台账', ...AS_OF, '--format', 'json']).stdout);
    expect(report.files[0]!.sheets.map((s) => s.sheet)).toEqual(['台账']);
  });

  it('names the sheets a file has when the one asked for is not there (exit 2)', () => {
    const result = ledger(['validate', CITY, '--sheet', '汇总', ...AS_OF]);
    expect(result.stdout).toContain('没有名为“汇总”的工作表（现有：台账、填表说明）');
    expect(result.code).toBe(2);
  });

  it('a sheet without a header is skipped with its reason; a file with nothing to check is exit 2', () => {
    const report = parseReport(ledger(['validate', files['潍坊台账.xlsx']!, ...AS_OF, '--format', 'json']).stdout);
    expect(report.files[0]!.sheets.map((s) => [s.sheet, s.status, s.skipReason ?? null])).toEqual([
      ['说明', 'skipped', 'no-header'],
      ['台账', 'validated', null],
    ]);
    const none = ledger(['validate', files['无表头.xlsx']!, ...AS_OF, '--format', 'json']);
    const file = parseReport(none.stdout).files[0]!;
    expect(file.sheets).toMatchObject([
      { sheet: '名单', status: 'skipped', skipReason: 'no-header', headerRow: null, rows: 0, findings: [] },
    ]);
    expect(file.error).toMatchObject({ reason: 'no-register' });
    expect(none.stderr).toContain('无表头.xlsx');
    expect(none.code).toBe(2);
  });
});

describe('bad input files', () => {
  const cases = [
    ['扫描件.xlsx', 'unsupported', '这是 PDF 文件，不是可读取的台账文件'],
    ['旧格式.xls', 'old-format', 'Excel 5.0/95'],
    ['截断.xlsx', 'corrupt', '文件不完整'],
    ['加密.xlsx', 'encrypted', '密码'],
    ['空白.xlsx', 'empty', '没有任何数据'],
  ] as const;

  for (const [name, reason, words] of cases) {
    it(`${name}: says which file and why, checks the other files, exit 2`, () => {
      const result = ledger(['validate', files[name]!, CITY, ...AS_OF, '--format', 'json']);
      const report = parseReport(result.stdout);
      const bad = report.files.find((f) => f.file === files[name])!;
      expect(bad.error?.reason).toBe(reason);
      expect(bad.error?.message).toContain(name);
      expect(bad.error?.message).toContain(words);
      expect(bad.sheets).toEqual([]);
      // The good file after it was still checked in full.
      const good = report.files.find((f) => f.file === CITY)!;
      expect(good.sheets[0]!.findings).toHaveLength(city.expected.length);
      expect(result.stderr).toContain(name);
      expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(result.code).toBe(2);
    });
  }

  it('says so in the text report too, and in English with --lang en', () => {
    const zh = ledger(['validate', files['加密.xlsx']!, ...AS_OF]);
    expect(zh.stdout).toContain('无法检查：');
    expect(zh.stdout).toContain('设有打开密码');
    expect(zh.code).toBe(2);
    const en = ledger(['validate', files['加密.xlsx']!, ...AS_OF, '--lang', 'en']);
    expect(en.stdout).toContain('not checked:');
    expect(en.stdout).toContain('password-protected');
  });

  it('a missing file and an empty folder are reported by name', () => {
    const result = ledger(['validate', join(dir, '不存在.xlsx'), join(dir, '空文件夹'), ...AS_OF, '--format', 'json']);
    const messages = parseReport(result.stdout).files.map((f) => f.error?.message);
    expect(messages).toEqual([
      expect.stringContaining('空文件夹：文件夹中没有台账文件（.xlsx、.xls、.et、.ods、.csv、.docx 等）'),
      expect.stringContaining('不存在.xlsx：文件不存在'),
    ]);
    expect(result.code).toBe(2);
  });
});

describe('usage errors exit 2 with a message, never a stack trace', () => {
  const cases: [string, string[], RegExp][] = [
    ['no files', ['validate'], /请指定要检查的台账文件或文件夹/],
    ['unknown option', ['validate', CITY, '--colour'], /不认识的选项 --colour/],
    [
      'a date that does not exist',
      ['validate', CITY, '--as-of', '2026-02-30'],
      /--as-of 应为 YYYY-MM-DD 格式的有效日期/,
    ],
    ['an unknown format', ['validate', CITY, '--format', 'xml'], /--format 只能是 text 或 json/],
    ['an unknown language', ['validate', CITY, '--lang', 'fr'], /--lang 只能是 zh 或 en/],
    [
      'a missing departments file',
      ['validate', CITY, '--departments', 'samples/无此文件.txt'],
      /部门名单 samples\/无此文件\.txt：文件不存在/,
    ],
    ['an unknown command', ['check', CITY], /没有“check”这个命令/],
    ['no command', [], /用法：ledger <命令>/],
  ];
  for (const [label, args, message] of cases) {
    it(label, () => {
      const result = ledger(args);
      expect(result.code).toBe(2);
      expect(`${result.stderr}${result.stdout}`).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });
  }
});

describe('help', () => {
  it('ledger --help and ledger validate --help are in Chinese and English', () => {
    const main = ledger(['--help']);
    expect(main.code).toBe(0);
    expect(main.stdout).toContain('用法：ledger <命令>');
    expect(main.stdout).toContain('Usage: ledger <command>');
    expect(main.stdout).toMatch(/^ {2}validate /m);
    const validate = ledger(['validate', '--help']);
    expect(validate.code).toBe(0);
    for (const words of [
      '--sheet',
      '--as-of',
      '--departments',
      '--format',
      '--lang',
      '退出码',
      'Exit codes',
      '别名=名称',
    ])
      expect(validate.stdout).toContain(words);
  });
});

describe('inputs are never written', () => {
  it('leaves every input byte-for-byte and time-for-time as it was', () => {
    const inputs = [join(SAMPLES, city.file), files['潍坊台账.xlsx']!, files['截断.xlsx']!, files['部门.txt']!];
    const before = inputs.map((p) => [createHash('sha256').update(readFileSync(p)).digest('hex'), statSync(p).mtimeMs]);
    ledger(['validate', ...inputs.slice(0, 3), '--departments', inputs[3]!, ...AS_OF]);
    ledger(['validate', ...inputs.slice(0, 3), ...AS_OF, '--format', 'json']);
    const after = inputs.map((p) => [createHash('sha256').update(readFileSync(p)).digest('hex'), statSync(p).mtimeMs]);
    expect(after).toEqual(before);
  });
});
