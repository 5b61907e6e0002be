/**
 * Findings: every problem the product reports. The code table below is the product's contract
 * (docs/domain.md): codes are stable API for tests, the CLI's JSON and the task pane. Messages are
 * rendered on demand in zh-CN or English from the finding's params, so one finding serves both.
 */

export type Severity = 'error' | 'warning' | 'info';
export type Lang = 'zh' | 'en';

/** Another row a finding refers to: the other half of a duplicate pair, a matched body, … */
export interface RelatedRef {
  readonly sheet: string;
  readonly row: number;
  readonly value?: string;
  /** Similarity in [0, 1], for fuzzy matches. */
  readonly score?: number;
  /** Where the related row comes from when it is in another file (compare, reconcile). */
  readonly file?: string;
}

export type FindingParams = Readonly<Record<string, string | number>>;

export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly sheet: string;
  /** The sheet's own 1-based row number; null for a finding about the whole sheet or return. */
  readonly row: number | null;
  /** The header text as written in the sheet (or the canonical label when the column is missing). */
  readonly column: string | null;
  /** The offending value as text; null when there is none (a missing column). */
  readonly value: string | null;
  /** Values the message is rendered from. */
  readonly params: FindingParams;
  /** A suggested fix, usually the corrected value itself. */
  readonly suggestion?: string;
  readonly related?: readonly RelatedRef[];
  /** The 1-based sheet column, when the finding points at one cell (for selecting and marking). */
  readonly columnIndex?: number;
}

interface CodeDefinition {
  readonly severity: Severity;
  readonly zh: (p: FindingParams) => string;
  readonly en: (p: FindingParams) => string;
  /** One line for README and the pane's help: when the code is raised. */
  readonly whenZh: string;
  readonly whenEn: string;
}

const s = (p: FindingParams, key: string): string => String(p[key] ?? '');

export const CODES = {
  'missing-column': {
    severity: 'error',
    zh: (p) => `缺少“${s(p, 'field')}”列`,
    en: (p) => `The column “${s(p, 'field')}” (${s(p, 'fieldEn')}) is missing`,
    whenZh: '7 项指标之一没有对应的列',
    whenEn: 'one of the 7 fields has no column',
  },
  'duplicate-column': {
    severity: 'error',
    zh: (p) => `“${s(p, 'field')}”对应了两列：${s(p, 'columns')}`,
    en: (p) => `Two columns map to “${s(p, 'field')}”: ${s(p, 'columns')}`,
    whenZh: '两列对应同一指标',
    whenEn: 'two columns map to the same field',
  },
  'missing-value': {
    severity: 'error',
    zh: (p) => `“${s(p, 'field')}”未填写${p.detail ? `（${s(p, 'detail')}）` : ''}`,
    en: (p) => `“${s(p, 'fieldEn')}” is empty${p.detailEn ? ` (${s(p, 'detailEn')})` : ''}`,
    whenZh: '必填单元格为空，或只有空格、“无”',
    whenEn: 'a required cell is empty (or only spaces / 无)',
  },
  'invalid-date': {
    severity: 'error',
    zh: (p) => `“${s(p, 'value')}”不是可识别的日期${p.reason ? `（${s(p, 'reason')}）` : ''}`,
    en: (p) => `“${s(p, 'value')}” is not a date${p.reasonEn ? ` (${s(p, 'reasonEn')})` : ''}`,
    whenZh: '设立时间或撤销时间无法识别为日期',
    whenEn: '设立时间 or 撤销时间 cannot be read as a date',
  },
  'future-date': {
    severity: 'error',
    zh: (p) => `日期 ${s(p, 'date')} 晚于核对日期 ${s(p, 'asOf')}`,
    en: (p) => `The date ${s(p, 'date')} is after the as-of date ${s(p, 'asOf')}`,
    whenZh: '日期晚于核对日期',
    whenEn: 'a date after the as-of date',
  },
  'invalid-doc-number': {
    severity: 'error',
    zh: () => '未找到可识别的发文字号（如 东编办发〔2020〕21号）',
    en: () => 'No recognisable document number (such as 东编办发〔2020〕21号)',
    whenZh: '依据文件中没有可识别的发文字号',
    whenEn: '依据文件 holds no recognisable 发文字号',
  },
  'nonstandard-doc-number': {
    severity: 'warning',
    zh: (p) => `发文字号“${s(p, 'found')}”不符合 GB/T 9704 格式${p.issues ? `（${s(p, 'issues')}）` : ''}`,
    en: (p) =>
      `The document number “${s(p, 'found')}” is not in GB/T 9704 form${p.issuesEn ? ` (${s(p, 'issuesEn')})` : ''}`,
    whenZh: '发文字号可识别但不符合 GB/T 9704，建议值为规范写法',
    whenEn: 'recognisable but not GB/T 9704 form; suggestion = the standard form',
  },
  'doc-year-mismatch': {
    severity: 'warning',
    zh: (p) => `依据文件年份 ${s(p, 'docYear')} 晚于设立年份 ${s(p, 'year')}`,
    en: (p) => `The document's year ${s(p, 'docYear')} is after the year established, ${s(p, 'year')}`,
    whenZh: '依据文件年份晚于设立年份',
    whenEn: "the document's year is after the year the body was established",
  },
  'unknown-department': {
    severity: 'warning',
    zh: (p) => `${p.application ? `申请“${s(p, 'application')}”：` : ''}“${s(p, 'value')}”不在部门名单中`,
    en: (p) =>
      `${p.application ? `The application “${s(p, 'application')}”: ` : ''}“${s(p, 'value')}” is not in the department list`,
    whenZh: '办事机构所在部门不在部门名单中（已考虑简称）',
    whenEn: '办事机构所在部门 is not in the department list (after aliases)',
  },
  'invalid-duration': {
    severity: 'error',
    zh: (p) => `存续时间“${s(p, 'value')}”无法识别（可写 长期、至2025年12月31日、3年、任务完成后撤销）`,
    en: (p) => `The duration “${s(p, 'value')}” cannot be read (write 长期, 至2025年12月31日, 3年 or 任务完成后撤销)`,
    whenZh: '存续时间无法识别',
    whenEn: '存续时间 cannot be read',
  },
  'duration-before-start': {
    severity: 'error',
    zh: (p) => `存续截止 ${s(p, 'end')} 早于设立时间 ${s(p, 'start')}`,
    en: (p) => `The duration ends on ${s(p, 'end')}, before the body was established on ${s(p, 'start')}`,
    whenZh: '存续时间的截止早于设立时间',
    whenEn: 'the end of 存续时间 is before 设立时间',
  },
  'invalid-category': {
    severity: 'error',
    zh: (p) => `类别“${s(p, 'value')}”不是五类之一`,
    en: (p) => `The category “${s(p, 'value')}” is not one of the five`,
    whenZh: '类别不是五类之一',
    whenEn: '类别 is not one of the five',
  },
  'invalid-status': {
    severity: 'error',
    zh: (p) => `状态“${s(p, 'value')}”应为 存续、已撤销、已合并 或 已更名`,
    en: (p) => `The status “${s(p, 'value')}” must be 存续, 已撤销, 已合并 or 已更名`,
    whenZh: '状态不是四种之一',
    whenEn: '状态 is not one of the four',
  },
  'missing-abolition-date': {
    severity: 'warning',
    zh: (p) => `状态为“${s(p, 'status')}”，但未填写撤销时间`,
    en: (p) => `The status is “${s(p, 'status')}” but 撤销时间 is empty`,
    whenZh: '状态为撤销或合并，但撤销时间为空',
    whenEn: '状态 says abolished/merged but 撤销时间 is empty',
  },
  'invalid-phone': {
    severity: 'warning',
    zh: (p) =>
      `联系电话“${s(p, 'value')}”既不是固定电话也不是 11 位手机号${p.numberCell ? '（该单元格是数字格式，开头的 0 已被 Excel 去掉，无法确定区号；请把单元格设为文本后按 0546-8382366 的样式重填）' : ''}`,
    en: (p) =>
      `The phone number “${s(p, 'value')}” is neither a landline nor an 11-digit mobile number${p.numberCell ? ' (the cell is a number, so Excel dropped its leading 0 and the area code cannot be told; format the cell as text and type it like 0546-8382366)' : ''}`,
    whenZh: '联系电话既不是固定电话（区号-7/8 位或 7/8 位）也不是 11 位手机号',
    whenEn: '联系电话 is neither a landline (区号-7/8 digits, or 7/8 digits) nor an 11-digit mobile',
  },
  'category-name-mismatch': {
    severity: 'warning',
    zh: (p) =>
      `${p.application ? `申请“${s(p, 'application')}”` : ''}类别为“${s(p, 'category')}”，但名称${s(p, 'expectZh')}`,
    en: (p) =>
      `${p.application ? `The application “${s(p, 'application')}”: ` : ''}${p.application ? 'the' : 'The'} category is “${s(p, 'category')}” but the name ${s(p, 'expectEn')}`,
    whenZh: '类别与名称不符，如部门间联席会议的名称不以“联席会议”结尾',
    whenEn: 'e.g. category 部门间联席会议 but the name does not end in 联席会议',
  },
  'duplicate-name': {
    severity: 'error',
    zh: (p) => `与第 ${s(p, 'otherRows')} 行是同一机构（规范化后名称相同）`,
    en: (p) => `Same body as row ${s(p, 'otherRows')} (identical after normalisation)`,
    whenZh: '两条存续记录规范化后名称相同',
    whenEn: 'two active rows name the same body after normalisation',
  },
  'similar-name': {
    severity: 'warning',
    zh: (p) =>
      `与第 ${s(p, 'otherRow')} 行“${s(p, 'otherName')}”名称相近（相似度 ${s(p, 'score')}），可能重复设置${p.candidateCap ? `；与此名称相近的候选超过 ${s(p, 'candidateCap')} 个，只比较了前 ${s(p, 'candidateCap')} 个，可能还有未列出的相近名称` : ''}`,
    en: (p) =>
      `Name close to row ${s(p, 'otherRow')} “${s(p, 'otherName')}” (similarity ${s(p, 'score')}); possibly the same body${p.candidateCap ? `; this name has more than ${s(p, 'candidateCap')} candidates and only ${s(p, 'candidateCap')} were compared, so close names may be missing` : ''}`,
    whenZh: '两条存续记录名称相近（附相似度与另一行）',
    whenEn: 'two active rows have near-identical names (related = the other row, with a score)',
  },
  'shared-basis-document': {
    severity: 'info',
    zh: (p) => `与第 ${s(p, 'otherRows')} 行引用同一发文字号 ${s(p, 'docNumber')}`,
    en: (p) => `Cites the same document ${s(p, 'docNumber')} as row ${s(p, 'otherRows')}`,
    whenZh: '多行引用同一发文字号',
    whenEn: 'several rows cite the same 发文字号',
  },
  overdue: {
    severity: 'error',
    zh: (p) => `存续期已于 ${s(p, 'end')} 届满，仍为存续状态，应提出撤销建议`,
    en: (p) => `Its term ended on ${s(p, 'end')} but it is still active; propose abolition`,
    whenZh: '临时机构存续期已届满仍为存续',
    whenEn: 'a temporary body whose 存续时间 ended before the as-of date is still active',
  },
  'expiring-soon': {
    severity: 'warning',
    zh: (p) => `存续期将于 ${s(p, 'end')} 届满（还有 ${s(p, 'days')} 天）`,
    en: (p) => `Its term ends on ${s(p, 'end')} (in ${s(p, 'days')} days)`,
    whenZh: '临时机构存续期在预警期内届满（默认 90 天）',
    whenEn: "a temporary body's 存续时间 ends within the warning window (default 90 days)",
  },
  'review-due': {
    severity: 'warning',
    zh: (p) => `任务型机构已设立 ${s(p, 'years')} 年，超过 ${s(p, 'cycle')} 年评估周期，应评估是否撤销`,
    en: (p) => `Task-bound body established ${s(p, 'years')} years ago, past the ${s(p, 'cycle')}-year review cycle`,
    whenZh: '任务完成后撤销的机构设立超过评估周期（默认 3 年）',
    whenEn: 'a task-bound body (任务完成后撤销) older than the review cycle (default 3 years)',
  },
  'over-limit': {
    severity: 'warning',
    zh: (p) => `存续议事协调机构 ${s(p, 'count')} 个，超过限额 ${s(p, 'limit')} 个（${s(p, 'breakdown')}）`,
    en: (p) =>
      `${s(p, 'count')} active coordinating bodies, above the limit of ${s(p, 'limit')} (${s(p, 'breakdownEn')})`,
    whenZh: '存续的第 1–2 类机构数超过限额',
    whenEn: 'more active 议事协调机构 (categories 1–2) than the configured limit',
  },
  'missing-submission': {
    severity: 'error',
    zh: (p) => `${s(p, 'county')}未报送台账`,
    en: (p) => `${s(p, 'county')} sent no register`,
    whenZh: '汇总：应报县区未报送',
    whenEn: 'consolidation: an expected county sent nothing',
  },
  'duplicate-submission': {
    severity: 'error',
    zh: (p) => `${s(p, 'county')}报送了多份台账：${s(p, 'sources')}`,
    en: (p) => `${s(p, 'county')} sent more than one register: ${s(p, 'sources')}`,
    whenZh: '汇总：两份台账属于同一县区',
    whenEn: 'consolidation: two inputs claim the same county',
  },
  'formula-text': {
    severity: 'warning',
    zh: () => '单元格文字以 = + - @ 开头，已按文本保留，不作为公式',
    en: () => 'The text starts with = + - @ and is kept as text, never as a formula',
    whenZh: '单元格文字以 = + - @ 开头，按文本保留',
    whenEn: "a cell's text starts with = + - @ and is kept as text, never as a formula",
  },
  'vanished-row': {
    severity: 'error',
    zh: (p) => `旧版第 ${s(p, 'oldRow')} 行的存续机构“${s(p, 'name')}”在新版中没有任何记录（撤销的机构也应保留行）`,
    en: (p) =>
      `The active body “${s(p, 'name')}” (old row ${s(p, 'oldRow')}) has no row in the new version (abolished bodies keep their rows)`,
    whenZh: '对比：旧版的存续机构在新版中没有记录',
    whenEn: 'compare: an active body of the old version has no row in the new one',
  },
  'undocumented-change': {
    severity: 'warning',
    zh: (p) => `${s(p, 'change')}未在历史沿革中记载`,
    en: (p) => `${s(p, 'changeEn')} is not recorded in 历史沿革`,
    whenZh: '对比：更名、合并、撤销或调整部门，但历史沿革未记载',
    whenEn: 'compare: renamed, merged, abolished or moved, and 历史沿革 does not say so',
  },
  'missing-abolition-document': {
    severity: 'warning',
    zh: () => '已撤销或合并，但未填写撤销文件或发文字号',
    en: () => 'Abolished or merged with no abolition document or number',
    whenZh: '撤销或合并但无撤销文件/发文字号',
    whenEn: 'abolished or merged with no 撤销文件 / document number',
  },
  'not-in-reference': {
    severity: 'warning',
    zh: () => '台账中为存续，但对账名单中没有',
    en: () => 'Active in the register but absent from the reference list',
    whenZh: '对账：台账中存续，但对账名单中没有',
    whenEn: 'reconcile (对账): active in the register, absent from the reference list',
  },
  'missing-from-register': {
    severity: 'error',
    zh: (p) => `对账名单中的“${s(p, 'name')}”在台账中没有存续记录`,
    en: (p) => `“${s(p, 'name')}” is on the reference list but not active in the register`,
    whenZh: '对账：对账名单中有，台账中没有',
    whenEn: 'reconcile (对账): on the reference list, absent from the register',
  },
  'missing-work-rules': {
    severity: 'warning',
    zh: (p) => `存续机构未制定工作规则${p.deadline ? `（报送期限 ${s(p, 'deadline')}）` : ''}`,
    en: (p) => `Active body without work rules${p.deadline ? ` (deadline ${s(p, 'deadline')})` : ''}`,
    whenZh: '存续机构无工作规则（超过设置的期限后为错误）',
    whenEn: 'an active body has no work rules (error once the deadline in settings has passed)',
  },
  'missing-contact': {
    severity: 'warning',
    zh: (p) => `存续机构未明确联络人${p.deadline ? `（报送期限 ${s(p, 'deadline')}）` : ''}`,
    en: (p) => `Active body names no contact person${p.deadline ? ` (deadline ${s(p, 'deadline')})` : ''}`,
    whenZh: '存续机构无联络人（超过设置的期限后为错误）',
    whenEn: 'an active body names no contact person (error once the deadline has passed)',
  },
  'duplicate-of-existing': {
    severity: 'error',
    zh: (p) =>
      `申请“${s(p, 'application')}”与台账第 ${s(p, 'otherRow')} 行存续机构“${s(p, 'otherName')}”是同一机构（规范化后名称相同）`,
    en: (p) =>
      `The application “${s(p, 'application')}” names the active body “${s(p, 'otherName')}” of register row ${s(p, 'otherRow')} (identical after normalisation)`,
    whenZh: '联合审批：台账中已有规范化后同名的存续机构',
    whenEn: 'an active body of the register has the same name after normalisation',
  },
  'similar-to-existing': {
    severity: 'warning',
    zh: (p) =>
      `申请“${s(p, 'application')}”与台账第 ${s(p, 'otherRow')} 行“${s(p, 'otherName')}”${s(p, 'basis')}相近（相似度 ${s(p, 'score')}），职责可能交叉`,
    en: (p) =>
      `The application “${s(p, 'application')}” is close to “${s(p, 'otherName')}” (register row ${s(p, 'otherRow')}) by ${s(p, 'basisEn')} (similarity ${s(p, 'score')}); duties may overlap`,
    whenZh: '联合审批：存续机构名称相近或主要职责重叠（附该机构与相似度）',
    whenEn: 'an active body has a similar name or overlapping 主要职责 (related = that body, with a score)',
  },
  'missing-term': {
    severity: 'error',
    zh: (p) =>
      `申请“${s(p, 'application')}”${s(p, 'why')}，但存续时间${p.duration ? `为“${s(p, 'duration')}”` : '未填写'}，应明确存续期限`,
    en: (p) =>
      `The application “${s(p, 'application')}” ${s(p, 'whyEn')} but its duration is ${p.duration ? `“${s(p, 'duration')}”` : 'empty'}; it needs an end date`,
    whenZh: '联合审批：工作专班或任务型机构未明确存续期限（空或长期）',
    whenEn: 'a 工作专班 or a task-bound body without an end (存续时间 empty or 长期)',
  },
  'no-upper-counterpart': {
    severity: 'info',
    zh: (p) =>
      `申请“${s(p, 'application')}”上级${p.parent ? `未设置对应机构（“${s(p, 'parent')}”）` : '机构设置情况未填写'}，需依据其他设立条件${p.reason ? '' : '，且未说明设立理由'}`,
    en: (p) =>
      `The application “${s(p, 'application')}”: ${p.parent ? `the level above has no such body (“${s(p, 'parent')}”)` : 'the counterpart above is not stated'}; it must rest on the other conditions${p.reason ? '' : ', and no reason is given'}`,
    whenZh: '联合审批：上级未设置对应机构，需依据其他设立条件',
    whenEn: 'the level above has no such body: the application must rest on the other conditions',
  },
  'too-many-members': {
    severity: 'warning',
    zh: (p) => `申请“${s(p, 'application')}”成员单位 ${s(p, 'count')} 个，${s(p, 'why')}，不宜“成员单位越多越好”`,
    en: (p) => `The application “${s(p, 'application')}” lists ${s(p, 'count')} member units, ${s(p, 'whyEn')}`,
    whenZh: '联合审批：成员单位超过设置的上限（默认 30 个），或几乎覆盖全部部门（默认 80%）',
    whenEn: 'more member units than the configured maximum, or nearly every department of the list',
  },
  'over-limit-after': {
    severity: 'warning',
    zh: (p) =>
      `同意设立“${s(p, 'application')}”后，存续议事协调机构将达 ${s(p, 'after')} 个，超过限额 ${s(p, 'limit')} 个`,
    en: (p) =>
      `Approving “${s(p, 'application')}” would make ${s(p, 'after')} active coordinating bodies, above the limit of ${s(p, 'limit')}`,
    whenZh: '联合审批：同意设立后存续议事协调机构（第 1–2 类）超过限额',
    whenEn: 'approving it would take the active 议事协调机构 past the configured limit',
  },
  'review-overdue': {
    severity: 'warning',
    zh: (p) =>
      `申请“${s(p, 'application')}”自 ${s(p, 'since')} 起在“${s(p, 'stage')}”环节已等待 ${s(p, 'days')} 个工作日，超过 ${s(p, 'limit')} 个工作日`,
    en: (p) =>
      `The application “${s(p, 'application')}” has waited ${s(p, 'days')} working days at the stage ${s(p, 'stageEn')} since ${s(p, 'since')}, more than ${s(p, 'limit')}`,
    whenZh: '联合审批：某一环节等待超过设置的工作日数（默认 5 个，周末不计）',
    whenEn: 'a stage has waited longer than the configured number of working days',
  },
  'missing-self-evaluation': {
    severity: 'error',
    zh: (p) =>
      `存续机构“${s(p, 'name')}”没有自评表记录${p.department ? `（办事机构所在部门：${s(p, 'department')}）` : ''}`,
    en: (p) =>
      `The active body “${s(p, 'name')}” has no self-evaluation row${p.department ? ` (host department: ${s(p, 'department')})` : ''}`,
    whenZh: '多方评价：台账中的存续机构没有自评表记录',
    whenEn: 'evaluation: an active body of the register has no 自评表 row',
  },
  'unknown-evaluated-body': {
    severity: 'warning',
    zh: (p) =>
      `“${s(p, 'name')}”不是台账中的存续机构${p.retiredRow ? `（台账第 ${s(p, 'retiredRow')} 行状态为${s(p, 'status')}）` : ''}${p.nearest ? `，最接近的是“${s(p, 'nearest')}”（相似度 ${s(p, 'score')}）` : ''}${p.rows ? `（共 ${s(p, 'rows')} 行）` : ''}`,
    en: (p) =>
      `“${s(p, 'name')}” is not an active body of the register${p.retiredRow ? ` (register row ${s(p, 'retiredRow')} is ${s(p, 'status')})` : ''}${p.nearest ? `; the nearest is “${s(p, 'nearest')}” (similarity ${s(p, 'score')})` : ''}${p.rows ? ` (${s(p, 'rows')} rows)` : ''}`,
    whenZh: '多方评价：自评表或成员单位评价表中的机构不在台账中（建议最接近的名称）',
    whenEn: 'evaluation: a 自评表 or 成员单位评价表 row names no body of the register (suggest the nearest)',
  },
  'idle-body': {
    severity: 'warning',
    zh: (p) => `${s(p, 'year')}年度未召开会议、未印发文件，可考虑撤销或合并`,
    en: (p) => `No meeting and no document in ${s(p, 'year')}: a candidate for abolition or merger`,
    whenZh: '多方评价：年度内没有召开会议也没有印发文件，为撤销或合并候选',
    whenEn: 'evaluation: no meeting and no document in the year: a 撤销 or 合并 candidate',
  },
  'low-evaluation': {
    severity: 'warning',
    zh: (p) => `评价总分 ${s(p, 'total')}（${s(p, 'grade')}），低于合格线 ${s(p, 'pass')} 分`,
    en: (p) => `Total score ${s(p, 'total')} (${s(p, 'gradeEn')}), below the passing score of ${s(p, 'pass')}`,
    whenZh: '多方评价：总分低于最低合格等次',
    whenEn: 'evaluation: total score below the lowest passing grade',
  },
  'low-member-score': {
    severity: 'warning',
    zh: (p) =>
      `成员单位“${s(p, 'unit')}”在 ${s(p, 'bodies')} 个机构中的平均得分 ${s(p, 'mean')}，低于合格线 ${s(p, 'pass')} 分`,
    en: (p) =>
      `The member unit “${s(p, 'unit')}” averages ${s(p, 'mean')} across ${s(p, 'bodies')} bodies, below the passing score of ${s(p, 'pass')}`,
    whenZh: '多方评价：成员单位在各机构的平均得分低于合格等次',
    whenEn: "evaluation: a member unit's mean score across its bodies is below the passing grade",
  },
  'invalid-score': {
    severity: 'error',
    zh: (p) => `“${s(p, 'field')}”填写的“${s(p, 'value')}”无效：${s(p, 'reason')}`,
    en: (p) => `“${s(p, 'fieldEn')}” holds “${s(p, 'value')}”, which is invalid: ${s(p, 'reasonEn')}`,
    whenZh: '多方评价：分数不在 0–100 之间或不是数字，次数为负数或不是整数',
    whenEn: 'evaluation: a score outside 0–100 or not a number; a count that is negative or not a whole number',
  },
} as const satisfies Record<string, CodeDefinition>;

export type FindingCode = keyof typeof CODES;
export const FINDING_CODES = Object.keys(CODES) as FindingCode[];

/** Renders a finding's message in the requested language. */
export function messageOf(finding: Pick<Finding, 'code' | 'params'>, lang: Lang = 'zh'): string {
  const def: CodeDefinition = CODES[finding.code];
  return lang === 'en' ? def.en(finding.params) : def.zh(finding.params);
}

/** One-line description of a code, for README and help screens. */
export function describeCode(code: FindingCode, lang: Lang = 'zh'): string {
  const def: CodeDefinition = CODES[code];
  return lang === 'en' ? def.whenEn : def.whenZh;
}

export interface NewFinding {
  readonly code: FindingCode;
  readonly sheet: string;
  readonly row: number | null;
  readonly column: string | null;
  readonly value?: string | null;
  readonly params?: FindingParams;
  readonly suggestion?: string | undefined;
  readonly related?: readonly RelatedRef[] | undefined;
  readonly columnIndex?: number | undefined;
  /** Overrides the code's default severity (e.g. work rules past their deadline). */
  readonly severity?: Severity;
}

/** Builds a finding, filling the severity from the code table. */
export function finding(input: NewFinding): Finding {
  const out: { -readonly [K in keyof Finding]: Finding[K] } = {
    code: input.code,
    severity: input.severity ?? CODES[input.code].severity,
    sheet: input.sheet,
    row: input.row,
    column: input.column,
    value: input.value ?? null,
    params: input.params ?? {},
  };
  if (input.suggestion !== undefined && input.suggestion !== '') out.suggestion = input.suggestion;
  if (input.related && input.related.length > 0) out.related = input.related;
  if (input.columnIndex !== undefined) out.columnIndex = input.columnIndex;
  return out;
}

/** Severities from the worst: error 0, warning 1, info 2. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** The worst severity among findings; null for none. */
export function worstSeverity(findings: readonly Finding[]): Severity | null {
  let worst: Severity | null = null;
  for (const f of findings) if (worst === null || SEVERITY_RANK[f.severity] < SEVERITY_RANK[worst]) worst = f.severity;
  return worst;
}

/** Stable order for reports: sheet, row (sheet-level first), column, then severity and code. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.sheet !== b.sheet) return a.sheet < b.sheet ? -1 : 1;
  const ra = a.row ?? 0;
  const rb = b.row ?? 0;
  if (ra !== rb) return ra - rb;
  const ca = a.columnIndex ?? 0;
  const cb = b.columnIndex ?? 0;
  if (ca !== cb) return ca - cb;
  if (a.severity !== b.severity) return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

/** The JSON shape of one finding in reports (CLI `--format json`, the return's 问题清单). */
export interface ReportedFinding {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly sheet: string;
  readonly row: number | null;
  readonly column: string | null;
  readonly value: string | null;
  readonly message: string;
  readonly suggestion: string | null;
  readonly related?: readonly RelatedRef[];
}

export function toReported(f: Finding, lang: Lang = 'zh'): ReportedFinding {
  const out: ReportedFinding = {
    code: f.code,
    severity: f.severity,
    sheet: f.sheet,
    row: f.row,
    column: f.column,
    value: f.value,
    message: messageOf(f, lang),
    suggestion: f.suggestion ?? null,
  };
  return f.related ? { ...out, related: f.related } : out;
}
