/**
 * The city register: 东营市市级议事协调机构管理台账, 48 bodies across the five categories, with a
 * title row, a unit/date line and a messy header (a short form, a line break, full-width
 * characters). The planted mistakes are listed on their rows; everything else must be clean when
 * checked with the default department list and the as-of date 2026-11-25.
 */
import { day, type NoteSheet, type Plant, type SampleFile, type SampleRow, type SampleSheet, type SampleValue } from './model';

const H = {
  seq: '序　号',
  name: '机构名称',
  category: '类别',
  established: '成立时间',
  basis: '依据文件（文号）',
  department: '办事机构\n所在部门',
  duration: '存续时间',
  history: '历史沿革',
  parent: '上级设置情况',
  status: '状态',
  abolished: '撤销时间',
  rules: '工作规则',
  contact: '联络人',
  phone: '联系电话',
  remarks: '备注',
} as const;

/** Column labels as findings report them (line breaks folded). */
const C = {
  name: '机构名称', category: '类别', established: '成立时间', basis: '依据文件（文号）', department: '办事机构 所在部门',
  duration: '存续时间', history: '历史沿革', parent: '上级设置情况', status: '状态', abolished: '撤销时间', phone: '联系电话',
} as const;

const PARTY = '党委议事协调机构';
const GOV = '政府议事协调机构';
const JOINT = '部门间联席会议';
const TASK = '工作专班';
const MECH = '协调机制（不纳入议事协调机构管理）';

interface Body {
  name: string;
  category: string;
  established: SampleValue;
  basis: string;
  department: string;
  duration: string;
  history: string;
  parent: string;
  status?: string;
  abolished?: SampleValue;
  rules?: string;
  remarks?: string;
}

const CONTACTS = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨帆', '赵磊', '黄敏', '周涛', '吴霞', '徐峰', '孙丽', '马超', '朱琳', '胡军', '郭晓'];

/** A plausible office landline of 东营 (area code 0546), different per row. */
function phoneFor(i: number): string {
  if (i % 7 === 3) return `1390546${String(1000 + i * 37).padStart(4, '0')}`;
  if (i % 5 === 1) return `8${String(321000 + i * 131).padStart(6, '0')}`;
  return `0546-8${String(381000 + i * 97).padStart(6, '0')}`;
}

const plant = (column: string, code: Plant['code'], note: string): Plant => ({ column, code, note });

/** Bodies in register order, each with the mistakes planted on it (if any). */
const BODIES: readonly (readonly [Body, (readonly Plant[])?])[] = [
  // 1. 党委议事协调机构
  [{ name: '市委全面深化改革委员会', category: PARTY, established: day(2019, 3, 15), basis: '东办发〔2019〕12号', department: '市委政研室', duration: '长期', history: '2019年由市委全面深化改革领导小组更名设立', parent: '省级设有省委全面深化改革委员会' }],
  [{ name: '市委全面依法治市委员会', category: PARTY, established: '2019年3月', basis: '东办发〔2019〕13号', department: '市司法局', duration: '长期', history: '2019年设立', parent: '省级设有' }],
  [{ name: '市委财经委员会', category: '市委议事协调机构', established: '2019.03.15', basis: '东办发〔2019〕14号', department: '市发改委', duration: '常设', history: '2019年由市委财经领导小组更名', parent: '省级设有' }],
  [{ name: '市委网络安全和信息化委员会', category: PARTY, established: day(2019, 3, 20), basis: '东办发〔2019〕15号', department: '市委网信办', duration: '长期', history: '2019年由市委网络安全和信息化领导小组更名', parent: '省级设有' }],
  [{ name: '市委外事工作委员会', category: PARTY, established: '2019-03-20', basis: '东办发〔2019〕16号', department: '市外事办', duration: '长期', history: '2019年由市委外事工作领导小组更名', parent: '省级设有' }],
  [{ name: '市委审计委员会', category: PARTY, established: '2019/3/20', basis: '东办发〔2019〕17号', department: '市审计局', duration: '长期', history: '2019年新设', parent: '省级设有' }],
  [{ name: '市委教育工作领导小组', category: PARTY, established: '2019年4月8日', basis: '东办发〔2019〕21号', department: '市教育局', duration: '长期', history: '2019年新设', parent: '省级设有' },
    [plant(C.basis, 'shared-basis-document', '与“市委老干部工作领导小组”同引 东办发〔2019〕21号（提示）')]],
  [{ name: '市委老干部工作领导小组', category: PARTY, established: '2019年4月8日', basis: '《关于调整市委部分领导小组的通知》（东办发〔2019〕21号）', department: '市委老干部局', duration: '长期', history: '2019年调整', parent: '省级设有' },
    [plant(C.basis, 'shared-basis-document', '与“市委教育工作领导小组”同引 东办发〔2019〕21号（提示）')]],
  [{ name: '市委农村工作领导小组', category: PARTY, established: day(2018, 6, 1), basis: '东办发〔2018〕9号', department: '市农业农村局', duration: '长期', history: '2018年设立，2019年调整组成人员', parent: '省级设有' }],
  [{ name: '市委人才工作领导小组', category: PARTY, established: '2019年3月', basis: '东办发〔2019〕18号', department: '市委组织部', duration: '长期', history: '2019年调整', parent: '省级设有' }],
  [{ name: '市委宣传思想文化工作领导小组', category: PARTY, established: '2019年3月', basis: '东办发〔2019〕19号', department: '市委宣传部', duration: '长期', history: '2019年设立', parent: '省级设有' }],
  [{ name: '市委统一战线工作领导小组', category: PARTY, established: '2019年3月', basis: '东办发（2019）20号', department: '市委统战部', duration: '长期', history: '2019年设立', parent: '省级设有' },
    [plant(C.basis, 'nonstandard-doc-number', '年份用全角圆括号（2019），应为六角括号〔2019〕')]],
  [{ name: '市委平安东营建设领导小组', category: PARTY, established: '2020年2月', basis: '市委常委会会议纪要', department: '市委政法委', duration: '长期', history: '2020年设立', parent: '省级设有平安山东建设领导小组' },
    [plant(C.basis, 'invalid-doc-number', '只写了“市委常委会会议纪要”，没有发文字号')]],
  [{ name: '市委机构编制委员会', category: PARTY, established: '2019年13月', basis: '东发〔2019〕3号', department: '市委组织部', duration: '长期', history: '2019年调整组成人员', parent: '省级设有' },
    [plant(C.established, 'invalid-date', '“2019年13月”不是有效日期')]],

  // 2. 政府议事协调机构
  [{ name: '市安全生产委员会', category: GOV, established: day(2019, 5, 6), basis: '东政字〔2019〕21号', department: '市应急局', duration: '长期', history: '2019年调整', parent: '省级设有' },
    [plant(C.name, 'duplicate-name', '与“东营市安全生产委员会”是同一机构（地名前缀不同）')]],
  [{ name: '市食品安全委员会', category: GOV, established: day(2019, 5, 6), basis: '东政字〔2019〕22号', department: '市市场监督管理局', duration: '长期', history: '2019年由市食品药品安全委员会更名', parent: '省级设有' },
    [plant(C.name, 'similar-name', '与“市食品安全工作委员会”名称相近')]],
  [{ name: '市防汛抗旱指挥部', category: GOV, established: '2019年6月', basis: '东政字〔2019〕30号', department: '市应急管理局', duration: '长期', history: '2019年调整，办公室由市水利局调整至市应急局', parent: '省级设有' }],
  [{ name: '市森林防灭火指挥部', category: GOV, established: '2019年6月', basis: '东政字〔2019〕31号', department: '市应急局', duration: '长期', history: '2019年设立', parent: '省级设有' }],
  [{ name: '市抗震救灾指挥部', category: GOV, established: '2019年6月', basis: '东政字〔2019〕32号', department: '市应急局', duration: '长期', history: '2019年调整', parent: '省级设有' }],
  [{ name: '市政府教育督导委员会', category: GOV, established: day(2020, 9, 10), basis: '东政办字〔2020〕31号', department: '市教育局', duration: '长期', history: '2020年调整', parent: '省级设有' }],
  [{ name: '市河长制工作领导小组', category: GOV, established: '2017年6月', basis: '东政办字【2017】20号', department: '市水务局', duration: '长期', history: '2017年设立，2019年调整', parent: '省级设有' },
    [plant(C.basis, 'nonstandard-doc-number', '年份用方头括号【2017】，应为六角括号〔2017〕')]],
  [{ name: '市预制菜产业发展工作领导小组', category: GOV, established: day(2022, 5, 6), basis: '《关于成立东营市预制菜产业发展工作领导小组的通知》（东政字〔2022〕5号）', department: '市农业农村局', duration: '5年', history: '2022年新设', parent: '上级未设置' }],
  [{ name: '市国土空间规划委员会', category: GOV, established: '2020年3月', basis: '东政字[2020]12号', department: '市自然资源局', duration: '长期', history: '2020年新设', parent: '省级设有' },
    [plant(C.basis, 'nonstandard-doc-number', '年份用方括号[2020]，应为六角括号〔2020〕')]],
  [{ name: '市城市管理委员会', category: GOV, established: '2019年8月', basis: '东政字〔2019〕40号', department: '市住建局', duration: '长期', history: '2019年调整', parent: '上级未设置' }],
  [{ name: '市道路交通安全委员会', category: GOV, established: '2019年8月', basis: '东政字〔2019〕41号', department: '市公安局', duration: '长期', history: '2019年调整', parent: '省级设有' }],
  [{ name: '市爱国卫生运动委员会', category: GOV, established: '2019年8月', basis: '东政字〔2019〕42号', department: '市卫健委', duration: '长期', history: '2019年调整；2021年市创建国家卫生城市工作领导小组并入', parent: '省级设有' }],
  [{ name: '市残疾人工作委员会', category: GOV, established: '2019年8月', basis: '东政字〔2019〕43号', department: '市残联', duration: '长期', history: '2019年调整', parent: '省级设有' }],
  [{ name: '市妇女儿童工作委员会', category: GOV, established: '2019年8月', basis: '东政字〔2019〕44号', department: '市妇联机关', duration: '长期', history: '2019年调整', parent: '省级设有' }],
  [{ name: '市老龄工作委员会', category: GOV, established: '2019年8月', basis: '东政字〔2019〕45号', department: '市卫生健康委', duration: '长期', history: '2019年调整', parent: '省级设有' }],
  [{ name: '市全民健身工作领导小组', category: GOV, established: '2021年3月', basis: '东政办字〔2021〕8号', department: '市体育局', duration: '长期', history: '', parent: '省级设有' },
    [plant(C.history, 'missing-value', '历史沿革未填写')]],
  [{ name: '市第五次全国经济普查领导小组', category: GOV, established: '2023年3月', basis: '东政办字〔2023〕6号', department: '市统计局', duration: '至2024年12月31日', history: '2023年新设', parent: '省级设有' },
    [plant(C.duration, 'overdue', '存续期至2024年12月31日已届满，仍为存续')]],
  [{ name: '市第七次全国人口普查领导小组', category: GOV, established: '2019年10月', basis: '东政办字〔2019〕50号', department: '市统计局', duration: '任务完成后撤销', history: '2019年新设，2022年6月撤销', parent: '省级设有', status: '已撤销', abolished: '2022年6月' }],
  [{ name: '市医疗保障制度改革领导小组', category: GOV, established: '2021年5月', basis: '东政办字〔2021〕12号', department: '市医保局', duration: '长期', history: '2021年新设', parent: '省级设有' }],
  [{ name: '市优化营商环境工作领导小组', category: GOV, established: '2021年1月', basis: '东政办字〔2021〕3号', department: '市审批局', duration: '长期', history: '2021年调整', parent: '省级设有' }],
  [{ name: '市创建全国文明城市工作指挥部', category: GOV, established: '2024年2月', basis: '东政办字〔2024〕4号', department: '市委宣传部', duration: '至2027年1月31日', history: '2024年新设', parent: '上级未设置' },
    [plant(C.duration, 'expiring-soon', '存续期至2027年1月31日，核对日期后 67 天内届满')]],
  [{ name: '市食品安全工作委员会', category: GOV, established: '2021年7月', basis: '东政字〔2021〕9号', department: '市市场监管局', duration: '长期', history: '2021年新设', parent: '上级未设置' },
    [plant(C.name, 'similar-name', '与“市食品安全委员会”名称相近')]],
  [{ name: '东营市安全生产委员会', category: GOV, established: '2020年3月', basis: '东政字〔2020〕6号', department: '市应急局', duration: '长期', history: '2020年调整组成人员', parent: '省级设有' },
    [plant(C.name, 'duplicate-name', '与“市安全生产委员会”是同一机构（地名前缀不同）')]],
  [{ name: '市城乡环境综合整治工作领导小组', category: TASK, established: '2021年4月', basis: '东政办字〔2021〕10号', department: '市住房城乡建管局', duration: '长期', history: '2021年新设', parent: '上级未设置' },
    [plant(C.name, 'category-name-mismatch', '类别填“工作专班”，名称却是“领导小组”')]],
  [{ name: '市大数据发展工作领导小组', category: GOV, established: '2021年6月', basis: '东政字〔2021〕11号', department: '市大数据局', duration: '长期', history: '2021年新设', parent: '省级设有' },
    [plant(C.department, 'unknown-department', '“市大数据局”不在部门名单中')]],
  [{ name: '市重大项目建设指挥部', category: GOV, established: '2027.03.01', basis: '东政字〔2026〕15号', department: '市发展改革委', duration: '长期', history: '拟设立', parent: '上级未设置' },
    [plant(C.established, 'future-date', '成立时间2027年3月1日晚于核对日期2026-11-25')]],

  // 3. 部门间联席会议
  [{ name: '市社会信用体系建设联席会议', category: JOINT, established: '2019年3月', basis: '东政办字〔2021〕7号', department: '市发展改革委', duration: '长期', history: '2019年设立', parent: '省级设有' },
    [plant(C.basis, 'doc-year-mismatch', '依据文件是2021年的，机构却是2019年成立')]],
  [{ name: '市就业工作联席会议', category: JOINT, established: '2020年5月', basis: '东政办字〔2020〕15号', department: '市人社局', duration: '长期', history: '2020年调整', parent: '省级设有' }],
  [{ name: '市打击治理电信网络新型违法犯罪联席会议', category: JOINT, established: '2021年3月', basis: '东政办字〔2021〕5号', department: '市公安局', duration: '长期', history: '2021年新设', parent: '省级设有' }],
  [{ name: '市保障农民工工资支付工作联席会议', category: JOINT, established: '2020年5月', basis: '东政办字〔2020〕16号', department: '市人力资源社会保障局', duration: '长期', history: '2020年新设', parent: '省级设有' }],
  [{ name: '市金融风险防范处置联席会议', category: JOINT, established: '2020年8月', basis: '东政办字〔2020〕22号', department: '市金融监管局', duration: '长期', history: '2020年新设', parent: '省级设有' }],
  [{ name: '市海洋经济发展联席会议', category: JOINT, established: '2022年4月', basis: '东政办字〔2022〕9号', department: '市海洋发展和渔业局', duration: '视情况而定', history: '2022年新设', parent: '省级设有' },
    [plant(C.duration, 'invalid-duration', '“视情况而定”不是可识别的存续时间')]],
  [{ name: '市文化和旅游产业发展联席会议', category: JOINT, established: '2022年4月', basis: '东政办字〔2022〕10号', department: '市文旅局', duration: '长期', history: '2022年新设', parent: '上级未设置', status: '暂停' },
    [plant(C.status, 'invalid-status', '状态“暂停”不是四种状态之一')]],

  // 4. 工作专班
  [{ name: '市黄河流域生态保护和高质量发展工作专班', category: TASK, established: '2021年2月', basis: '东办字〔2021〕4号', department: '市发展改革委', duration: '长期', history: '2021年新设', parent: '省级设有' }],
  [{ name: '市新旧动能转换重大工程推进工作专班', category: TASK, established: '2019年4月', basis: '东办字〔2019〕6号', department: '市发展改革委', duration: '任务完成后撤销', history: '2019年新设', parent: '省级设有' },
    [plant(C.duration, 'review-due', '“任务完成后撤销”的机构设立已超过 3 年，应评估')]],
  [{ name: '市化工园区认定工作专班', category: TASK, established: '2023年3月', basis: '东办字〔2023〕2号', department: '市工业和信息化局', duration: '至2025年6月30日', history: '2023年新设', parent: '省级设有' },
    [plant(C.duration, 'overdue', '存续期至2025年6月30日已届满，仍为存续')]],
  [{ name: '市油地融合发展工作专班', category: TASK, established: '2024年5月', basis: '东办字〔2024〕3号', department: '市油地校融合办', duration: '任务完成后撤销', history: '2024年新设', parent: '上级未设置' }],
  [{ name: '市重点项目推进工作专班', category: TASK, established: '2023年2月', basis: '东办字〔2023〕1号', department: '市发展改革委', duration: '2023年—2025年', history: '2023年新设', parent: '上级未设置', status: '已撤销', abolished: day(2025, 12, 30) }],
  [{ name: '市“十四五”规划编制工作专班', category: TASK, established: '2020年4月', basis: '东办字〔2020〕5号', department: '市发展改革委', duration: '任务完成后撤销', history: '2020年新设，规划印发后撤销', parent: '上级未设置', status: '已撤销' },
    [plant(C.abolished, 'missing-abolition-date', '状态为已撤销，但撤销时间未填写')]],
  [{ name: '市防范化解重大风险工作专班', category: '议事机构', established: '2020年7月', basis: '东办字〔2020〕9号', department: '市委政法委', duration: '长期', history: '2020年新设', parent: '上级未设置' },
    [plant(C.category, 'invalid-category', '类别“议事机构”不是五类之一')]],

  // 5. 协调机制（不纳入议事协调机构管理）
  [{ name: '市根治欠薪工作协调机制', category: MECH, established: '2021年1月', basis: '东人社字〔2021〕2号', department: '市人社局', duration: '长期', history: '2021年建立', parent: '上级未设置' }],
  [{ name: '市粮食安全责任制考核工作协调机制', category: '协调机制', established: '2021年6月', basis: '东发改字〔2021〕7号', department: '市发展改革委', duration: '长期', history: '2021年建立', parent: '省级设有' }],
  [{ name: '市反走私综合治理工作协调机制', category: MECH, established: '2022年3月', basis: '东商字〔2022〕3号', department: '市商务局', duration: '长期', history: '2022年建立', parent: '省级设有' }],
  // Rows added later, at the end of the register, as registers grow.
  [{ name: '市创建国家卫生城市工作领导小组', category: GOV, established: '2016年3月', basis: '东政办字〔2016〕11号', department: '市卫生健康委', duration: '长期', history: '2016年设立，2021年4月并入市爱国卫生运动委员会', parent: '上级未设置', status: '已合并', abolished: '2021.04' }],
  [{ name: '市食品药品安全委员会', category: GOV, established: '2014年5月', basis: '东政字〔2014〕18号', department: '市市场监管局', duration: '长期', history: '2014年设立，2019年5月更名为市食品安全委员会', parent: '省级设有', status: '已更名', abolished: '2019年5月' }],
  [{ name: '市政务公开工作领导小组', category: GOV, established: '2020年11月', basis: '东政办字〔2020〕40号', department: '市政府办公室', duration: '长期', history: '2020年调整', parent: '省级设有' }],
  [{ name: '市双拥工作领导小组', category: PARTY, established: '2020年10月', basis: '东办字〔2020〕12号', department: '市退役军人局', duration: '长期', history: '2020年调整', parent: '省级设有' }],
  [{ name: '市节约用水工作领导小组', category: GOV, established: '2022年6月', basis: '东政办字〔2022〕18号', department: '市水务局', duration: '无', history: '2022年新设', parent: '省级设有' },
    [plant(C.duration, 'missing-value', '存续时间只写了“无”')]],
  [{ name: '市地下管线安全管理工作领导小组', category: GOV, established: '2021年8月', basis: '东政办字〔2021〕20号', department: '市住房城乡建管局', duration: '至2020年12月31日', history: '2021年新设，2024年3月撤销', parent: '上级未设置', status: '已撤销', abolished: '2024年3月' },
    [plant(C.duration, 'duration-before-start', '存续截止2020年12月31日早于成立时间2021年8月（已撤销，仍应更正）')]],
  [{ name: '市营商环境投诉处理联席会议', category: JOINT, established: '2022年9月', basis: '东政办字〔2022〕25号', department: '市行政审批服务局', duration: '长期', history: '2022年新设', parent: '上级未设置' }],
  [{ name: '市海上搜救中心', category: GOV, established: '2020年6月', basis: '东政字〔2020〕018号', department: '市海洋发展和渔业局', duration: '长期', history: '2020年调整', parent: '省级设有' },
    [plant(C.basis, 'nonstandard-doc-number', '序号有前导零“018号”，应为“18号”')]],
];

/** Rows whose phone number is planted wrong (by body name). */
const BAD_PHONES: Readonly<Record<string, readonly [string, string]>> = {
  市政务公开工作领导小组: ['0546-832145', '区号后只有 6 位'],
};

function rowOf(body: Body, plants: readonly Plant[], index: number): SampleRow {
  const active = body.status === undefined || body.status === '存续' || body.status === '暂停';
  const badPhone = BAD_PHONES[body.name];
  const phone = badPhone ? badPhone[0] : active ? phoneFor(index) : null;
  const allPlants = badPhone ? [...plants, plant(C.phone, 'invalid-phone', `联系电话“${badPhone[0]}”${badPhone[1]}`)] : plants;
  return {
    cells: {
      [H.seq]: index + 1,
      [H.name]: body.name,
      [H.category]: body.category,
      [H.established]: body.established,
      [H.basis]: body.basis,
      [H.department]: body.department,
      [H.duration]: body.duration,
      [H.history]: body.history,
      [H.parent]: body.parent,
      // Half of the active rows leave 状态 empty: empty means 存续.
      [H.status]: body.status ?? (index % 2 === 0 ? '存续' : null),
      [H.abolished]: body.abolished ?? null,
      [H.rules]: body.rules ?? (active ? `已制定（${2019 + (index % 5)}年）` : null),
      [H.contact]: active ? CONTACTS[index % CONTACTS.length]! : null,
      [H.phone]: phone,
      [H.remarks]: body.remarks ?? null,
    },
    plants: allPlants,
  };
}

const REGISTER: SampleSheet = {
  name: '台账',
  title: '东营市市级议事协调机构管理台账',
  unitLine: ['填报单位：中共东营市委机构编制委员会办公室', '截至日期：2026年11月20日'],
  header: Object.values(H),
  rows: BODIES.map(([body, plants], i) => rowOf(body, plants ?? [], i)),
  widths: { [H.seq]: 6, [H.name]: 36, [H.category]: 18, [H.basis]: 30, [H.department]: 16, [H.history]: 30, [H.parent]: 18, [H.rules]: 14, [H.phone]: 14 },
};

const INSTRUCTIONS: NoteSheet = {
  name: '填表说明',
  lines: [
    '填表说明',
    '一、本表填报市级党委和政府设立的议事协调机构、部门间联席会议、工作专班及协调机制。',
    '二、成立时间填写依据文件印发日期，依据文件应写明发文字号。',
    '三、已撤销、合并或更名的机构保留原行，并填写撤销时间。',
    '四、每个机构明确一名联络人，于5月20日前报市委编办。',
  ],
};

export const CITY: SampleFile = {
  path: '东营市市级议事协调机构管理台账.xlsx',
  description: '市级台账：标题行和填报单位行在表头之上，表头不规范（简称“成立时间”、单元格内换行、全角字符），五类机构共 ' + BODIES.length + ' 个，含已撤销、合并、更名的机构；另有一张“填表说明”工作表（没有表头，应被跳过）。',
  sheets: [REGISTER, INSTRUCTIONS],
};
