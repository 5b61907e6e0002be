/**
 * The default department list: 附件1 of 东编办发〔2020〕21号 (the 东营 notice, docs/domain.md), the city level of 东营市.
 * It is a default, not a law: users load their own list (another city, a county) in settings.
 */
export const DEFAULT_DEPARTMENTS: readonly string[] = [
  '市纪委监委机关',
  '市委办公室',
  '市委组织部',
  '市委宣传部',
  '市委统战部',
  '市委政法委',
  '市委政研室',
  '市委网信办',
  '市委老干部局',
  '市总工会机关',
  '团市委机关',
  '市妇联机关',
  '市科协机关',
  '市残联机关',
  '市社科联机关',
  '市政府办公室',
  '市发展改革委',
  '市教育局',
  '市科技局',
  '市工业和信息化局',
  '市公安局',
  '市民政局',
  '市司法局',
  '市财政局',
  '市人力资源社会保障局',
  '市自然资源局',
  '市生态环境局',
  '市住房城乡建管局',
  '市交通运输局',
  '市水务局',
  '市农业农村局',
  '市海洋发展和渔业局',
  '市商务局',
  '市文化和旅游局',
  '市卫生健康委',
  '市退役军人局',
  '市应急局',
  '市审计局',
  '市外办',
  '市国资委',
  '市行政审批服务局',
  '市市场监管局',
  '市体育局',
  '市统计局',
  '市医保局',
  '市地方金融监管局',
  '市信访局',
  '市油地校融合办',
  '市委党史研究院',
];

/**
 * Short and former names in common use → the listed name. Keys and values are written with the
 * level prefix 市; the resolver also accepts them without it and with a county's 县/区 prefix.
 */
export const DEFAULT_DEPARTMENT_ALIASES: Readonly<Record<string, string>> = {
  市发改委: '市发展改革委',
  市发展和改革委员会: '市发展改革委',
  市发展改革委员会: '市发展改革委',
  市人社局: '市人力资源社会保障局',
  市人力资源和社会保障局: '市人力资源社会保障局',
  市工信局: '市工业和信息化局',
  市住建局: '市住房城乡建管局',
  市住房和城乡建设局: '市住房城乡建管局',
  市住房城乡建设局: '市住房城乡建管局',
  市交通局: '市交通运输局',
  市农业局: '市农业农村局',
  市农业农村委: '市农业农村局',
  市卫健委: '市卫生健康委',
  市卫生健康委员会: '市卫生健康委',
  市卫生和计划生育委员会: '市卫生健康委',
  市文旅局: '市文化和旅游局',
  市文化旅游局: '市文化和旅游局',
  市市场监督管理局: '市市场监管局',
  市场监管局: '市市场监管局',
  市生态环境保护局: '市生态环境局',
  市环保局: '市生态环境局',
  市医疗保障局: '市医保局',
  市退役军人事务局: '市退役军人局',
  市应急管理局: '市应急局',
  市审批局: '市行政审批服务局',
  市行政审批局: '市行政审批服务局',
  市国有资产监督管理委员会: '市国资委',
  市国资局: '市国资委',
  市外事办: '市外办',
  市外事办公室: '市外办',
  市金融监管局: '市地方金融监管局',
  市金融办: '市地方金融监管局',
  市地方金融监督管理局: '市地方金融监管局',
  市海洋渔业局: '市海洋发展和渔业局',
  市纪委监委: '市纪委监委机关',
  市纪委: '市纪委监委机关',
  市总工会: '市总工会机关',
  团市委: '团市委机关',
  市妇联: '市妇联机关',
  市科协: '市科协机关',
  市残联: '市残联机关',
  市社科联: '市社科联机关',
  市政府办: '市政府办公室',
  市委办: '市委办公室',
  市委网络安全和信息化委员会办公室: '市委网信办',
  市委政策研究室: '市委政研室',
  市委政法委员会: '市委政法委',
  市信访局: '市信访局',
  市委党史研究室: '市委党史研究院',
};

/**
 * Aliases for a user's own department list: the built-in short forms that point at a department
 * still on the list (市发改委 → 市发展改革委), then the list's own `简称=名称` lines, which win.
 */
export function aliasesForList(
  departments: readonly string[],
  own: Readonly<Record<string, string>>,
): Record<string, string> {
  const listed = new Set(departments);
  const defaults = Object.entries(DEFAULT_DEPARTMENT_ALIASES).filter(([, name]) => listed.has(name));
  return { ...Object.fromEntries(defaults), ...own };
}
