/** The return's words in both languages, in one place. */
import type { Lang, Severity } from '../findings';
import type { CountyBasis, SubmissionState, UnassignedReason } from './types';

interface Words {
  readonly title: string;
  readonly asOf: string;
  readonly expected: string;
  readonly missing: string;
  readonly none: string;
  readonly total: string;
  readonly county: string;
  readonly state: string;
  readonly files: string;
  readonly rows: string;
  readonly uncategorised: string;
  readonly coordinating: string;
  readonly abolished: string;
  readonly errors: string;
  readonly warnings: string;
  readonly duplicates: string;
  readonly overdue: string;
  readonly expiring: string;
  readonly source: string;
  readonly column: string;
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  readonly value: string;
  readonly suggestion: string;
  readonly related: string;
  readonly unknownCounty: string;
  readonly unreadable: string;
  readonly duplicateNote: (county: string, files: string) => string;
  readonly states: Readonly<Record<SubmissionState, string>>;
  readonly severities: Readonly<Record<Severity, string>>;
  readonly bases: Readonly<Record<CountyBasis, string>>;
  readonly unassigned: Readonly<Record<UnassignedReason, string>>;
  readonly skipped: Readonly<Record<'empty-sheet' | 'no-header', string>>;
  readonly included: (rows: number) => string;
  readonly rowCount: (rows: number) => string;
  readonly about: {
    readonly title: string;
    readonly tool: string;
    readonly toolName: string;
    readonly settings: string;
    readonly expiringWindow: (days: number) => string;
    readonly reviewCycle: (years: number) => string;
    readonly similarity: string;
    readonly limit: string;
    readonly noLimit: string;
    readonly deadline: string;
    readonly departments: (count: number, aliases: number) => string;
    readonly departmentsLabel: string;
    readonly rules: readonly (readonly [string, string])[];
    readonly file: string;
    readonly size: string;
    readonly sha256: string;
    readonly sheets: string;
    readonly countyBasis: string;
    /** 说明's column of the footer's 填表人 / 联系电话, and 报送情况's block of them. */
    readonly contact: string;
    readonly contactsTitle: string;
    readonly noContact: string;
  };
}

const ZH: Words = {
  title: '议事协调机构管理台账汇总表',
  asOf: '核对日期',
  expected: '应报县区',
  missing: '未报送县区',
  none: '无',
  total: '合计',
  county: '县区',
  state: '报送情况',
  files: '报送文件',
  rows: '台账条数',
  uncategorised: '类别未明（存续）',
  coordinating: '议事协调机构合计（第1–2类存续）',
  abolished: '已撤销/合并',
  errors: '错误',
  warnings: '警告',
  duplicates: '疑似重复',
  overdue: '超期未撤销',
  expiring: '即将到期',
  source: '来源',
  column: '列',
  code: '代码',
  severity: '级别',
  message: '问题',
  value: '值',
  suggestion: '建议',
  related: '相关行',
  unknownCounty: '（未确定县区）',
  unreadable: '无法读取的文件',
  duplicateNote: (county, files) =>
    `${county}报送了多份台账（${files}），各份均计入该县区数字，可能重复计数，请核实后保留一份`,
  states: { submitted: '已报送', missing: '未报送', duplicate: '重复报送' },
  severities: { error: '错误', warning: '警告', info: '提示' },
  bases: { column: '县区/填报单位列', title: '标题', 'file-name': '文件名' },
  unassigned: {
    'no-county': '未能确定所属县区（县区列、标题、文件名均未写明），未计入汇总',
    'mixed-county': '县区列包含多个县区，未计入汇总',
  },
  skipped: { 'empty-sheet': '空工作表，已跳过', 'no-header': '未找到台账表头，已跳过' },
  included: (rows) => `已汇总 ${rows} 条`,
  rowCount: (rows) => `${rows} 条`,
  about: {
    title: '说明',
    tool: '生成工具',
    toolName: '议事协调机构管理台账工具',
    settings: '设置',
    expiringWindow: (days) => `存续期届满前 ${days} 天预警`,
    reviewCycle: (years) => `任务型机构 ${years} 年评估一次`,
    similarity: '名称相似度阈值',
    limit: '议事协调机构限额（第1–2类）',
    noLimit: '不设限额',
    deadline: '工作规则、联络人报送期限',
    departments: (count, aliases) => `${count} 个部门，${aliases} 个简称`,
    departmentsLabel: '部门名单',
    rules: [
      [
        '县区的确定',
        '依次取：县区/填报单位列（各行须一致）→ 表头上方的标题 → 文件名；都无法确定的台账列出问题但不计入汇总，不作猜测',
      ],
      [
        '重复报送',
        '同一县区有两个以上文件时在问题清单中报“重复报送”（错误，代码 duplicate-submission），各文件均不丢弃：行列入明细，数字计入该县区，重复的机构由疑似重复检查标出',
      ],
      ['重复检查范围', '名称重复、存续期限等检查在每个县区内部进行（同一县区的多个工作表合并检查），不跨县区比较'],
      ['明细中的日期', '精确到日的日期写为 Excel 日期；只写到月或年的日期按原精度以文本保留（如 2019-03），不虚构日期'],
      [
        '明细中的类别、状态',
        '能识别的写为规范名称（如“县委”写为“党委议事协调机构”，状态为空写为“存续”），不能识别的保留原文',
      ],
      [
        '公式安全',
        '输入中以 = + - @ 或制表符开头的文字一律按文本写入，并在问题清单中提示“文字以公式符号开头”（代码 formula-text）；本表不含任何公式，合计为工具计算的数值',
      ],
    ],
    file: '文件',
    size: '大小（字节）',
    sha256: '文件校验码（SHA-256，可核对文件是否被改动）',
    sheets: '工作表',
    countyBasis: '县区依据',
    contact: '填表人及联系电话（表尾）',
    contactsTitle: '各县区填表人（取自报表表尾“填表人：… 联系电话：…”）',
    noContact: '表尾未写填表人',
  },
};

const EN: Words = {
  title: 'Consolidated register of coordinating bodies',
  asOf: 'As of',
  expected: 'Expected counties',
  missing: 'Counties that sent nothing',
  none: 'none',
  total: 'Total',
  county: 'County',
  state: 'Submission',
  files: 'Files',
  rows: 'Register rows',
  uncategorised: 'No category (active)',
  coordinating: 'Coordinating bodies (categories 1–2, active)',
  abolished: 'Abolished/merged',
  errors: 'Errors',
  warnings: 'Warnings',
  duplicates: 'Possible duplicates',
  overdue: 'Overdue',
  expiring: 'Expiring soon',
  source: 'Source',
  column: 'Column',
  code: 'Code',
  severity: 'Severity',
  message: 'Problem',
  value: 'Value',
  suggestion: 'Suggestion',
  related: 'Related rows',
  unknownCounty: '(county unknown)',
  unreadable: 'Unreadable files',
  duplicateNote: (county, files) =>
    `${county} sent more than one register (${files}); all are counted for the county and may double-count: keep one`,
  states: { submitted: 'Submitted', missing: 'Missing', duplicate: 'Sent twice' },
  severities: { error: 'Error', warning: 'Warning', info: 'Info' },
  bases: { column: '县区/填报单位 column', title: 'title', 'file-name': 'file name' },
  unassigned: {
    'no-county': 'county unknown (no 县区 column, title or file name names one); not in the totals',
    'mixed-county': 'the 县区 column names several counties; not in the totals',
  },
  skipped: { 'empty-sheet': 'empty sheet, skipped', 'no-header': 'no register header, skipped' },
  included: (rows) => `${rows} rows consolidated`,
  rowCount: (rows) => `${rows} rows`,
  about: {
    title: 'About',
    tool: 'Tool',
    toolName: 'Coordinating-body register tool',
    settings: 'Settings',
    expiringWindow: (days) => `warn ${days} days before a term ends`,
    reviewCycle: (years) => `review task-bound bodies every ${years} years`,
    similarity: 'Name similarity threshold',
    limit: 'Limit on coordinating bodies (categories 1–2)',
    noLimit: 'no limit',
    deadline: 'Deadline for work rules and contacts',
    departments: (count, aliases) => `${count} departments, ${aliases} short names`,
    departmentsLabel: 'Department list',
    rules: [
      [
        'County',
        'taken from the 县区/填报单位 column (all rows must agree), else the title above the header, else the file name; a register none of them names is reported and left out of the totals, never guessed',
      ],
      [
        'Sent twice',
        'two or more files for one county raise duplicate-submission (error); none is dropped: their rows are in the detail and counted for the county, and repeated bodies show up as duplicates',
      ],
      [
        'Duplicate checks',
        'duplicates and deadlines are checked within each county (all of its sheets together), never across counties',
      ],
      [
        'Dates in the detail',
        'full dates are Excel dates; a date given only to the month or year stays text at that precision (e.g. 2019-03), no day is invented',
      ],
      [
        'Category and status in the detail',
        'written as the standard label when recognised (empty status → 存续), else as written',
      ],
      [
        'Formula safety',
        'text from an input starting with = + - @ or a tab is written as text (formula-text); the workbook contains no formulas; totals are values computed by the tool',
      ],
    ],
    file: 'File',
    size: 'Size (bytes)',
    sha256: 'SHA-256',
    sheets: 'Sheets',
    countyBasis: 'County from',
    contact: 'Filled in by (footer)',
    contactsTitle: 'Who filled in each county register (from its footer: 填表人：… 联系电话：…)',
    noContact: 'no 填表人 in the footer',
  },
};

export function wordsFor(lang: Lang): Words {
  return lang === 'en' ? EN : ZH;
}
