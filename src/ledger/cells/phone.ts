/** 联系电话: landline (区号-7/8 digits, or 7/8 digits) or an 11-digit mobile; a cell may list several. */
export interface PhoneResult {
  readonly ok: boolean;
  /** Each number found, normalised (digits and one hyphen after the area code). */
  readonly numbers: readonly string[];
}

/** IMPLEMENTED BY THE PARSER MODULE TASK. */
export function parsePhone(text: string): PhoneResult {
  void text;
  throw new Error('not implemented');
}
