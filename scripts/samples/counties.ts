/**
 * Three county registers as counties send them to the city: each names its county in a
 * different way, and one county's file name is the only clue. 垦利区 and 利津县 send nothing.
 * County departments are not on the default (city) list, so the three files are checked with
 * samples/counties/departments-counties.txt.
 */
import { day, type Plant, type SampleFile, type SampleRow, type SampleSheet, type SampleValue } from './model';

type Field = 'seq' | 'county' | 'name' | 'established' | 'basis' | 'department' | 'duration' | 'history' | 'parent' | 'category' | 'status' | 'abolished' | 'contact' | 'phone' | 'remarks';

interface CountyBody {
  name: string;
  established: SampleValue;
  basis: string;
  department: string;
  duration: string;
  history: string;
  parent: string;
  category: string;
  status?: string;
  abolished?: SampleValue;
  contact?: string;
  phone?: string;
}

const plant = (column: string, code: Plant['code'], note: string): Plant => ({ column, code, note });

/** Lays out bodies under a header given as field → header text (in column order). */
function countySheet(
  name: string,
  header: readonly (readonly [Field, string])[],
  bodies: readonly (readonly [CountyBody, (readonly Plant[])?])[],
  fixed: Partial<Record<Field, string>>,
  extra: Pick<SampleSheet, 'title' | 'unitLine'> = {},
): SampleSheet {
  const rows: SampleRow[] = bodies.map(([body, plants], i) => {
    const values: Record<Field, SampleValue> = {
      seq: i + 1, county: fixed.county ?? null, name: body.name, established: body.established, basis: body.basis,
      department: body.department, duration: body.duration, history: body.history, parent: body.parent,
      category: body.category, status: body.status ?? '存续', abolished: body.abolished ?? null,
      contact: body.contact ?? null, phone: body.phone ?? null, remarks: null,
    };
    const cells: Record<string, SampleValue> = {};
    for (const [field, text] of header) cells[text] = values[field];
    return { cells, plants: plants ?? [] };
  });
  return { name, header: header.map(([, text]) => text), rows, ...extra };
}

const PARTY = '县委议事协调机构';
const DISTRICT_PARTY = '区委议事协调机构';
const DISTRICT_GOV = '区政府议事协调机构';
const GOV = '县政府议事协调机构';
const JOINT = '部门间联席会议';
const TASK = '工作专班';
const MECH = '协调机制';

// 东营区: a 县区 column on every row, header in row 1, short headers (设立依据, 牵头部门, 存续期限).
const DONGYING_HEADER = [
  ['seq', '序号'], ['county', '县区'], ['name', '机构名称'], ['established', '设立时间'], ['basis', '设立依据'], ['department', '牵头部门'],
  ['duration', '存续期限'], ['history', '历史沿革'], ['parent', '上级机构设置情况'], ['category', '类别'], ['status', '状态'], ['abolished', '撤销时间'],
] as const;

const DONGYING: SampleFile = {
  path: 'counties/东营区.xlsx',
  description: '东营区：表头在第 1 行，有“县区”列；表头用简称（设立依据、牵头部门、存续期限）。',
  departments: 'counties/departments-counties.txt',
  sheets: [countySheet('东营区台账', DONGYING_HEADER, [
    [{ name: '区委全面深化改革委员会', established: '2019年4月', basis: '东区办发〔2019〕10号', department: '东营区委办公室', duration: '长期', history: '2019年由区委全面深化改革领导小组更名', parent: '市级设有', category: DISTRICT_PARTY }],
    [{ name: '区委全面依法治区委员会', established: '2019年4月', basis: '东区办发〔2019〕11号', department: '区司法局', duration: '长期', history: '2019年设立', parent: '市级设有', category: DISTRICT_PARTY }],
    [{ name: '区委农村工作领导小组', established: day(2019, 4, 18), basis: '东区办发〔2019〕12号', department: '东营区农业农村局', duration: '长期', history: '2019年调整', parent: '市级设有', category: DISTRICT_PARTY }],
    [{ name: '区委人才工作领导小组', established: '2019.04.18', basis: '东区办发〔2019〕13号', department: '东营区委组织部', duration: '长期', history: '2019年调整', parent: '市级设有', category: DISTRICT_PARTY }],
    [{ name: '区安全生产委员会', established: day(2019, 6, 3), basis: '东区政字〔2019〕20号', department: '区应急局', duration: '长期', history: '2019年调整', parent: '市级设有', category: DISTRICT_GOV }],
    [{ name: '区食品安全委员会', established: '2019年6月', basis: '东区政字〔2019〕21号', department: '东营区市场监督管理局', duration: '长期', history: '2019年更名', parent: '市级设有', category: DISTRICT_GOV }],
    [{ name: '区防汛抗旱指挥部', established: '2019年6月', basis: '东区政字〔2019〕22号', department: '东营区应急管理局', duration: '长期', history: '2019年调整', parent: '市级设有', category: DISTRICT_GOV }],
    [{ name: '区政府教育督导委员会', established: '2020年2月30日', basis: '东区政字〔2020〕4号', department: '东营区教育和体育局', duration: '长期', history: '2020年调整', parent: '市级设有', category: DISTRICT_GOV },
      [plant('设立时间', 'invalid-date', '“2020年2月30日”不存在')]],
    [{ name: '区河长制工作领导小组', established: '2017年7月', basis: '东区办发[2021]3号', department: '东营区水利局', duration: '长期', history: '2017年设立，2021年调整', parent: '市级设有', category: DISTRICT_GOV },
      [plant('设立依据', 'nonstandard-doc-number', '年份用方括号[2021]，应为〔2021〕'), plant('设立依据', 'doc-year-mismatch', '依据文件2021年，设立时间2017年')]],
    [{ name: '区数字政府建设工作领导小组', established: '2022年3月', basis: '东区政办字〔2022〕6号', department: '区大数据中心', duration: '长期', history: '2022年新设', parent: '市级设有', category: DISTRICT_GOV },
      [plant('牵头部门', 'unknown-department', '“区大数据中心”不在东营区部门名单中')]],
    [{ name: '区就业工作联席会议', established: '2020年5月', basis: '东区政办字〔2020〕9号', department: '区人社局', duration: '长期', history: '2020年调整', parent: '市级设有', category: JOINT }],
    [{ name: '区社会信用体系建设联席会议', established: '2020年5月', basis: '东区政办字〔2020〕10号', department: '区发改局', duration: '长期', history: '2020年设立', parent: '市级设有', category: JOINT }],
    [{ name: '区老旧小区改造工作专班', established: '2023年4月', basis: '东区政办字〔2023〕5号', department: '东营区住房和城乡建设局', duration: '至2025年12月31日', history: '2023年新设', parent: '上级未设置', category: TASK },
      [plant('存续期限', 'overdue', '存续期至2025年12月31日已届满，仍为存续')]],
    [{ name: '区第五次全国经济普查领导小组', established: '2023年3月', basis: '东区政办字〔2023〕3号', department: '东营区统计局', duration: '任务完成后撤销', history: '2023年新设，2025年2月撤销', parent: '市级设有', category: DISTRICT_GOV, status: '已撤销', abolished: '2025年2月' }],
    [{ name: '区根治欠薪工作协调机制', established: '2021年2月', basis: '东区人社字〔2021〕1号', department: '东营区人力资源和社会保障局', duration: '长期', history: '2021年建立', parent: '', category: MECH },
      [plant('上级机构设置情况', 'missing-value', '上级机构设置情况未填写')]],
    [{ name: '区胜利街道城市更新工作专班', established: '2024年9月', basis: '东区办字〔2024〕7号', department: '东营区住房和城乡建设局', duration: '任务完成后撤销', history: '2024年新设', parent: '上级未设置', category: TASK }],
  ], { county: '东营区' })],
};

// 河口区: the title row names the county; no county column; a unit line; contact columns.
const HEKOU_HEADER = [
  ['seq', '序号'], ['name', '机构名称'], ['established', '设立时间'], ['basis', '依据文件'], ['department', '办事机构所在部门'],
  ['duration', '存续时间'], ['history', '历史沿革'], ['parent', '上级机构设置情况'], ['category', '类别'], ['status', '状态'],
  ['abolished', '撤销时间'], ['contact', '联络人'], ['phone', '联系电话'],
] as const;

const HEKOU: SampleFile = {
  path: 'counties/河口区.xlsx',
  description: '河口区：标题行“河口区议事协调机构管理台账”说明县区，没有县区列；有撤销时间、联络人、联系电话列。',
  departments: 'counties/departments-counties.txt',
  sheets: [countySheet('Sheet1', HEKOU_HEADER, [
    [{ name: '区委全面深化改革委员会', established: '2019年5月', basis: '河办发〔2019〕8号', department: '河口区委办公室', duration: '长期', history: '2019年更名', parent: '市级设有', category: DISTRICT_PARTY, contact: '王磊', phone: '0546-3612001' }],
    [{ name: '区委机构编制委员会', established: '2019年5月', basis: '河办发〔2019〕9号', department: '河口区委组织部', duration: '长期', history: '2019年调整', parent: '市级设有', category: DISTRICT_PARTY, contact: '刘敏', phone: '0546-3612002' }],
    [{ name: '河口区安全生产委员会', established: day(2019, 7, 1), basis: '河政字〔2019〕15号', department: '河口区应急管理局', duration: '长期', history: '2019年调整', parent: '市级设有', category: DISTRICT_GOV, contact: '张强', phone: '0546-3612003' },
      [plant('机构名称', 'duplicate-name', '与“区安全生产委员会”是同一机构（标题说明本区为河口区）')]],
    [{ name: '区食品安全委员会', established: day(2019, 7, 1), basis: '河政字〔2019〕16号', department: '河口区市场监督管理局', duration: '长期', history: '2019年更名', parent: '市级设有', category: DISTRICT_GOV, contact: '李静', phone: '0546-3612004' }],
    [{ name: '区防汛抗旱指挥部', established: '2019年7月', basis: '河政字〔2019〕17号', department: '河口区应急管理局', duration: '长期', history: '2019年调整', parent: '市级设有', category: DISTRICT_GOV, contact: '陈刚', phone: '1380546123' },
      [plant('联系电话', 'invalid-phone', '手机号只有 10 位')]],
    [{ name: '区海洋经济发展工作领导小组', established: '2020年6月', basis: '河政办字〔2020〕12号', department: '河口区海洋发展和渔业局', duration: '长期', history: '2020年新设', parent: '市级设有', category: DISTRICT_GOV, contact: '赵丽', phone: '0546-3612006' }],
    [{ name: '区安全生产委员会', established: '2021年3月', basis: '河政字〔2021〕3号', department: '河口区应急管理局', duration: '长期', history: '2021年调整组成人员', parent: '市级设有', category: DISTRICT_GOV, contact: '孙浩', phone: '0546-3612007' },
      [plant('机构名称', 'duplicate-name', '与“河口区安全生产委员会”是同一机构')]],
    [{ name: '区打击治理电信网络诈骗工作领导小组', established: '2021年4月', basis: '河政办字〔2021〕8号', department: '河口区公安分局', duration: '长期', history: '2021年新设', parent: '市级设有', category: JOINT, contact: '周洋', phone: '0546-3612008' },
      [plant('机构名称', 'category-name-mismatch', '类别填“部门间联席会议”，名称却是“领导小组”')]],
    [{ name: '区农民工工资支付保障联席会议', established: '2020年5月', basis: '河政办字〔2020〕9号', department: '河口区人力资源和社会保障局', duration: '长期', history: '2020年新设', parent: '市级设有', category: JOINT, contact: '吴芳', phone: '0546-3612009' }],
    [{ name: '区创建国家卫生城区工作领导小组', established: '2016年4月', basis: '河政办字〔2016〕5号', department: '河口区卫生健康局', duration: '长期', history: '2016年设立，2021年并入区爱国卫生运动委员会', parent: '上级未设置', category: DISTRICT_GOV, status: '已合并' },
      [plant('撤销时间', 'missing-abolition-date', '状态为已合并，但撤销时间未填写')]],
    [{ name: '区爱国卫生运动委员会', established: '2019年7月', basis: '河政字〔2019〕18号', department: '河口区卫生健康局', duration: '长期', history: '2019年调整；2021年区创建国家卫生城区工作领导小组并入', parent: '市级设有', category: DISTRICT_GOV, contact: '郑霞', phone: '0546-3612011' }],
    [{ name: '区孤岛镇乡村振兴工作专班', established: '2024年3月', basis: '河办字〔2023〕4号', department: '河口区农业农村局', duration: '任务完成后撤销', history: '2024年新设', parent: '上级未设置', category: TASK, contact: '冯军', phone: '13905461288' }],
    [{ name: '区招商引资工作专班', established: '2023年5月', basis: '河办字〔2024〕2号', department: '河口区发展和改革局', duration: '长期', history: '2023年新设', parent: '上级未设置', category: TASK, contact: '何琳', phone: '0546-3612013' },
      [plant('依据文件', 'doc-year-mismatch', '依据文件2024年，设立时间2023年')]],
  ], {}, { title: '河口区议事协调机构管理台账', unitLine: ['填报单位：中共东营市河口区委机构编制委员会办公室', '2026年11月'] })],
};

// 广饶县: nothing inside the file says which county it is; only its name does.
const GUANGRAO_HEADER = [
  ['name', '机构名称'], ['established', '成立时间'], ['basis', '依据文件'], ['department', '办公室设在'], ['duration', '存续时间'],
  ['history', '历史沿革'], ['parent', '上级设置情况'], ['category', '类别'], ['status', '状态'],
] as const;

const GUANGRAO: SampleFile = {
  path: 'counties/广饶县-2026台账.xlsx',
  description: '广饶县：文件内没有任何地方写明县区（无标题、无县区列），只有文件名说明是广饶县。',
  departments: 'counties/departments-counties.txt',
  sheets: [countySheet('台账', GUANGRAO_HEADER, [
    [{ name: '县委全面深化改革委员会', established: '2019年3月', basis: '广办发〔2019〕6号', department: '广饶县委办公室', duration: '长期', history: '2019年更名', parent: '市级设有', category: PARTY }],
    [{ name: '县委全面依法治县委员会', established: '2019年3月', basis: '广办发〔2019〕7号', department: '县司法局', duration: '长期', history: '2019年设立', parent: '市级设有', category: PARTY }],
    [{ name: '县委财经委员会', established: '2019年3月', basis: '广办发〔2019〕8号', department: '广饶县发展和改革局', duration: '长期', history: '2019年更名', parent: '市级设有', category: PARTY }],
    [{ name: '县安全生产委员会', established: day(2019, 5, 20), basis: '广政字〔2019〕12号', department: '县应急局', duration: '长期', history: '2019年调整', parent: '市级设有', category: GOV }],
    [{ name: '县食品安全委员会', established: day(2019, 5, 20), basis: '广政字〔2019〕13号', department: '广饶县市场监督管理局', duration: '长期', history: '2019年更名', parent: '市级设有', category: GOV }],
    [{ name: '县孙子文化旅游区建设工作领导小组', established: '2021年5月', basis: '县委常委会研究确定', department: '广饶县文化和旅游局', duration: '长期', history: '2021年新设', parent: '上级未设置', category: GOV },
      [plant('依据文件', 'invalid-doc-number', '只写了“县委常委会研究确定”，没有发文字号')]],
    [{ name: '县橡胶轮胎产业转型升级工作专班', established: '2022年8月', basis: '广政办字〔2022〕第5号', department: '广饶县工业和信息化局', duration: '阶段性', history: '2022年新设', parent: '上级未设置', category: TASK },
      [plant('依据文件', 'nonstandard-doc-number', '序号前多了“第”：第5号应为5号'), plant('存续时间', 'invalid-duration', '“阶段性”不是可识别的存续时间')]],
    [{ name: '县乡村振兴工作领导小组', established: '2021年3月', basis: '广办发〔2021〕4号', department: '广饶县农业农村局', duration: '长期', history: '2021年由县扶贫开发领导小组调整', parent: '市级设有', category: PARTY }],
    [{ name: '县扶贫开发领导小组', established: '2016年2月', basis: '广办发〔2016〕3号', department: '广饶县农业农村局', duration: '长期', history: '2016年设立，2021年3月调整为县乡村振兴工作领导小组', parent: '市级设有', category: PARTY, status: '已更名', abolished: '2021年3月' }],
    [{ name: '县就业工作联席会议', established: '2020年6月', basis: '广政办字〔2020〕7号', department: '县人社局', duration: '长期', history: '2020年调整', parent: '市级设有', category: JOINT }],
    [{ name: '县化工产业安全生产转型升级工作专班', established: '2020年9月', basis: '广政办字〔2020〕11号', department: '县应急局', duration: '任务完成后撤销', history: '2020年新设', parent: '市级设有', category: TASK },
      [plant('存续时间', 'review-due', '“任务完成后撤销”的专班设立已超过 3 年，应评估')]],
    [{ name: '县反走私综合治理工作协调机制', established: '2022年4月', basis: '广商字〔2022〕2号', department: '广饶县商务局', duration: '长期', history: '2022年建立', parent: '市级设有', category: MECH }],
  ], {})],
};

export const COUNTIES: readonly SampleFile[] = [DONGYING, HEKOU, GUANGRAO];

/** County department lists (samples/counties/departments-counties.txt). */
export const COUNTY_DEPARTMENTS_FILE = {
  path: 'counties/departments-counties.txt',
  text: `# 东营区、河口区、广饶县的部门名单（ledger validate --departments 用）
# 每行一个部门；“简称=名称” 表示简称。以 # 开头的行是注释。

# 东营区
东营区委办公室
东营区委组织部
东营区司法局
东营区农业农村局
东营区应急管理局
东营区市场监督管理局
东营区教育和体育局
东营区水利局
东营区人力资源和社会保障局
东营区发展和改革局
东营区住房和城乡建设局
东营区统计局
区应急局=东营区应急管理局
区司法局=东营区司法局
区人社局=东营区人力资源和社会保障局
区发改局=东营区发展和改革局

# 河口区
河口区委办公室
河口区委组织部
河口区应急管理局
河口区市场监督管理局
河口区海洋发展和渔业局
河口区公安分局
河口区人力资源和社会保障局
河口区卫生健康局
河口区农业农村局
河口区发展和改革局

# 广饶县
广饶县委办公室
广饶县司法局
广饶县发展和改革局
广饶县应急管理局
广饶县市场监督管理局
广饶县文化和旅游局
广饶县工业和信息化局
广饶县农业农村局
广饶县人力资源和社会保障局
广饶县商务局
县司法局=广饶县司法局
县应急局=广饶县应急管理局
县人社局=广饶县人力资源和社会保障局
`,
};
