/**
 * 发文字号 per GB/T 9704-2012: 机关代字 + 〔年份〕 + 序号 + 号, e.g. 东编办发〔2020〕21号.
 */
export interface DocNumber {
  /** 机关代字, e.g. 东编办发. */
  readonly issuer: string;
  readonly year: number;
  /** 序号 without leading zeros. */
  readonly seq: number;
  /** The text as found in the cell, e.g. 东编办发[2020]021号. */
  readonly found: string;
  /** The GB/T 9704 form, e.g. 东编办发〔2020〕21号. */
  readonly standard: string;
  /** True when `found` already is the standard form. */
  readonly isStandard: boolean;
  /** What is off, for the message (zh), e.g. ['年份应使用六角括号〔〕', '序号不应有前导零']. */
  readonly issues: readonly string[];
  readonly issuesEn: readonly string[];
}

/** Finds every 发文字号 inside a text (a bare number or a title with the number in brackets). IMPLEMENTED BY THE PARSER MODULE TASK. */
export function findDocNumbers(text: string): DocNumber[] {
  void text;
  throw new Error('not implemented');
}
