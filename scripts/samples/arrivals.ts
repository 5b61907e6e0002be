/**
 * County registers as they really arrive (docs/formats.md): each county of 东营市 sends its register
 * in another format — .xls, GB18030 CSV, a Word table, .ods, WPS .et — with a title, a 合计 row, a
 * 填表人 footer, county units (区委办公室, 县发展和改革局) and county issuers (东区委发). No county
 * department list: the built-in list knows the standard units of every level.
 *
 * The registers are written as .xlsx with ExcelJS, then converted by LibreOffice, a real office
 * suite, as a county's machine would save them. `npm run samples:arrivals` (needs `soffice`) writes
 *   samples/arrivals/                 one county per format, for `ledger consolidate`;
 *   tests/fixtures/formats/东营区.*     one register in every format, for the format tests.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { fixZipTimestamps } from '../../src/xlsx/zipTimestamps';
import { day } from './model';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

type Value = string | number | Date | null;

export interface ArrivingRegister {
  readonly county: string;
  readonly title: string;
  readonly unitLine: string;
  readonly header: readonly string[];
  readonly bodies: readonly (readonly Value[])[];
  readonly note?: string;
  readonly footer: readonly string[];
}

const HEADER = ['序号', '机构名称', '设立时间', '依据文件', '办事机构所在部门', '存续时间', '历史沿革', '上级机构设置情况', '类别', '联络人', '联系电话'];

/** 东营区: every kind of planted mistake, and everything a county writes that is right. */
export const DONGYING: ArrivingRegister = {
  county: '东营区',
  title: '东营区议事协调机构管理台账',
  unitLine: '填报单位：中共东营市东营区委机构编制委员会办公室',
  header: HEADER,
  bodies: [
    [1, '区委全面深化改革委员会', day(2019, 3, 15), '东区委发〔2019〕5号', '区委办公室', '长期', '2019年设立', '市级设有', '区委议事协调机构', '王磊', '0546-8381001'],
    // The phone typed into a number cell: Excel dropped its 0; read back as 0546-8381002.
    [2, '区委机构编制委员会', '2019年5月', '东区委发〔2019〕6号', '区委组织部', '长期', '2019年调整', '市级设有', '区委议事协调机构', '刘敏', 5468381002],
    [3, '区安全生产委员会', day(2019, 7, 1), '东区政发〔2019〕12号', '区应急管理局', '长期', '2019年调整', '市级设有', '区政府议事协调机构', '张强', '13805461234'],
    [4, '区防汛抗旱指挥部', '2018.06.01', '东区政办字[2018]21号', '区水利局', '长期', '2018年调整', '市级设有', '区政府议事协调机构', '赵敏', '0546-8381004'],
    [5, '区乡村振兴工作领导小组', '2021年3月', '东区委发〔2021〕3号', '区农业农村局', '长期', '2021年由区扶贫开发领导小组更名', '无', '区委议事协调机构', '孙丽', '0546-8381005'],
    [6, '区优化营商环境工作专班', '2023年2月', '东区办发〔2023〕4号', '区发展和改革局', '至2024年12月31日', '2023年设立', '上级未设置', '工作专班', '周涛', '0546-8381006'],
    [7, '区食品安全委员会', '2019-04-20', '东区政字〔2019〕8号', '区市场监督管理局', '长期', '2019年调整', '市级设有', '区政府议事协调机构', '吴刚', 546838],
    [8, '区重点项目建设联席会议', '2020年8月', null, '区发展和改革局', '长期', '2020年设立', '无', '部门间联席会议', '郑洁', '0546-8381008'],
    [9, '区安全生产委员会', '2019年7月', '东区政发〔2019〕12号', '区应急局', '长期', '2019年调整', '市级设有', '区政府议事协调机构', '张强', '13805461234'],
    [10, '区文明城市创建工作领导小组', '2019年13月', '东区委发〔2019〕9号', '区委宣传部', '长期', '2019年设立', '市级设有', '区委议事协调机构', '冯雪', '0546-8381010'],
  ],
  note: '注：本表由各议事协调机构办事机构填写，区委编办汇总；存续时间写“长期”或截止日期。',
  footer: ['填表人：李华', '审核人：王芳', '联系电话：0546-8381000', '填报日期：2026年11月20日'],
};

const clean = (county: string, level: '区' | '县', code: string, people: readonly [string, string]): ArrivingRegister => ({
  county,
  title: `${county}议事协调机构管理台账`,
  unitLine: `填报单位：中共东营市${county}委机构编制委员会办公室`,
  header: HEADER,
  bodies: [
    [1, `${level}委全面深化改革委员会`, '2019年4月', `${code}发〔2019〕2号`, `${county}委办公室`, '长期', '2019年设立', '市级设有', `${level}委议事协调机构`, people[0], '0546-6501001'],
    [2, `${county}安全生产委员会`, day(2019, 6, 10), `${code}政发〔2019〕7号`, `${level}应急管理局`, '长期', '2019年调整', '市级设有', `${level}政府议事协调机构`, people[1], '0546-6501002'],
    [3, `${level}乡村振兴工作领导小组`, '2021-05-08', `${code}发〔2021〕4号`, `${level}农业农村局`, '长期', '2021年更名', '无', `${level}委议事协调机构`, people[0], '0546-6501003'],
    [4, `${level}招商引资工作联席会议`, '2022年9月', `${code}政办字〔2022〕15号`, `${level}发展和改革局`, '长期', '2022年设立', '上级未设置', '部门间联席会议', people[1], '0546-6501004'],
  ],
  footer: [`填表人：${people[0]}`, `审核人：${people[1]}`, '联系电话：0546-6501000', '填报日期：2026年11月18日'],
});

export const OTHERS: readonly { readonly register: ArrivingRegister; readonly format: 'csv' | 'docx' | 'ods' | 'et' }[] = [
  { register: clean('河口区', '区', '河', ['陈晨', '高远']), format: 'csv' },
  { register: clean('垦利区', '区', '垦区', ['林海', '何静']), format: 'docx' },
  { register: clean('利津县', '县', '利', ['马骏', '罗兰']), format: 'ods' },
  { register: clean('广饶县', '县', '广', ['梁宇', '宋佳']), format: 'et' },
];

/** The register as a county types it into Excel: title merged across, 合计 row, note and footer spread over cells. */
async function toXlsx(register: ArrivingRegister): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const epoch = new Date(Date.UTC(2026, 10, 20));
  workbook.created = epoch;
  workbook.modified = epoch;
  const sheet = workbook.addWorksheet('Sheet1');
  const width = register.header.length;
  sheet.addRow([register.title]);
  sheet.mergeCells(1, 1, 1, width);
  sheet.addRow([register.unitLine]);
  sheet.addRow([...register.header]);
  for (const body of register.bodies) {
    const row = sheet.addRow([...body]);
    body.forEach((value, i) => {
      if (value instanceof Date) row.getCell(i + 1).numFmt = 'yyyy"年"m"月"d"日"';
    });
  }
  const total = sheet.addRow(['合计', `共${register.bodies.length}个`]);
  sheet.mergeCells(total.number, 2, total.number, width);
  if (register.note) {
    const note = sheet.addRow([register.note]);
    sheet.mergeCells(note.number, 1, note.number, width);
  }
  const footer: Value[] = [];
  register.footer.forEach((part, i) => { footer[i * 3] = part; });
  sheet.addRow(footer);
  return fixZipTimestamps(new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const shown = (value: Value): string => {
  if (value === null) return '';
  if (value instanceof Date) return `${value.getUTCFullYear()}年${value.getUTCMonth() + 1}月${value.getUTCDate()}日`;
  return String(value);
};

/** The register as the attachment of a 公文: title paragraphs, the table, 合计 as its last row, footer below. */
function toHtml(register: ArrivingRegister): string {
  const cells = (values: readonly Value[]) => values.map((v) => `<td>${escape(shown(v))}</td>`).join('');
  return [
    '<html><head><meta charset="utf-8"></head><body>',
    '<p>附件2</p>',
    `<p>${escape(register.title)}</p>`,
    `<p>${escape(register.unitLine)}</p>`,
    '<table border="1">',
    `<tr>${cells(register.header)}</tr>`,
    ...register.bodies.map((b) => `<tr>${cells(b)}</tr>`),
    `<tr><td>合计</td><td colspan="${register.header.length - 1}">共${register.bodies.length}个</td></tr>`,
    '</table>',
    ...(register.note ? [`<p>${escape(register.note)}</p>`] : []),
    `<p>${escape(register.footer.join('　　'))}</p>`,
    '</body></html>',
  ].join('\n');
}

function soffice(args: readonly string[], cwd: string): void {
  execFileSync('soffice', ['--headless', ...args], { cwd, stdio: 'ignore', env: { ...process.env, HOME: cwd } });
}

/** Every format of one register, by extension. */
async function convertAll(register: ArrivingRegister, work: string): Promise<Record<string, Uint8Array>> {
  const base = register.county;
  writeFileSync(join(work, `${base}.xlsx`), await toXlsx(register));
  writeFileSync(join(work, `${base}.html`), toHtml(register));
  soffice(['--convert-to', 'xls', `${base}.xlsx`], work);
  soffice(['--convert-to', 'ods', `${base}.xlsx`], work);
  // 85 is LibreOffice's number for GB18030: what Excel on a Chinese Windows writes for “CSV”.
  soffice(['--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,85', `${base}.xlsx`], work);
  soffice(['--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML', `${base}.html`], work);
  const read = (ext: string) => new Uint8Array(readFileSync(join(work, `${base}.${ext}`)));
  // WPS 表格 saves .et in the Excel 97–2003 layout.
  return { xlsx: read('xlsx'), xls: read('xls'), et: read('xls'), ods: read('ods'), csv: read('csv'), docx: read('docx') };
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'arrivals-'));
  try {
    const arrivals = join(ROOT, 'samples', 'arrivals');
    const fixtures = join(ROOT, 'tests', 'fixtures', 'formats');
    mkdirSync(arrivals, { recursive: true });
    mkdirSync(fixtures, { recursive: true });
    const dongying = await convertAll(DONGYING, work);
    for (const [ext, bytes] of Object.entries(dongying)) writeFileSync(join(fixtures, `东营区.${ext}`), bytes);
    copyFileSync(join(fixtures, '东营区.xls'), join(arrivals, '东营区.xls'));
    for (const { register, format } of OTHERS) {
      const bytes = (await convertAll(register, work))[format]!;
      writeFileSync(join(arrivals, `${register.county}.${format}`), bytes);
    }
    console.log('samples/arrivals/ and tests/fixtures/formats/ written');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
