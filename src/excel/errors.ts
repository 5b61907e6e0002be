/**
 * Office errors turned into WorkbookErrors the pane can show: what failed and what to do, in
 * Chinese (`message`) and English (`messageEn`). Nothing is swallowed: every Office error is
 * rethrown, wrapped, with the original kept as `cause`.
 */
import { WorkbookError } from '../port/workbook';

export type WorkbookErrorKind = WorkbookError['kind'];

/** What the adapter was doing, as a verb phrase: “读取工作表“汇总”” / “read the sheet “汇总””. */
export interface Action {
  readonly zh: string;
  readonly en: string;
}

/** A WorkbookError from the Excel host, with the English message beside the Chinese one. */
export class ExcelWorkbookError extends WorkbookError {
  readonly messageEn: string;
  /** The Office error code (`ItemNotFound`, `AccessDenied` …) when there was one. */
  readonly code: string | undefined;

  constructor(
    message: string,
    messageEn: string,
    kind: WorkbookErrorKind,
    options: { code?: string; cause?: unknown } = {},
  ) {
    super(message, kind);
    // Same name as the base class: code that recognises a WorkbookError by name keeps working.
    this.name = 'WorkbookError';
    this.messageEn = messageEn;
    this.code = options.code;
    if (options.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}

/** Office.js rejects with an `OfficeExtension.Error`: `{ code, message, debugInfo }`. */
function officeCode(error: unknown): string | undefined {
  if (error && typeof error === 'object' && typeof (error as { code?: unknown }).code === 'string')
    return (error as { code: string }).code;
  return undefined;
}

function detailOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string')
    return (error as { message: string }).message;
  return String(error);
}

export const PAYLOAD_LIMIT_CODES: ReadonlySet<string> = new Set([
  'RequestPayloadSizeLimitExceeded',
  'ResponsePayloadSizeLimitExceeded',
]);

/** True for the error Excel raises when one request or response is over its size limit. */
export function isPayloadLimitError(error: unknown): boolean {
  const code = officeCode(error);
  return code !== undefined && PAYLOAD_LIMIT_CODES.has(code);
}

/** Wraps anything thrown while doing `action` in a WorkbookError; a WorkbookError passes through unchanged. */
export function toWorkbookError(error: unknown, action: Action): WorkbookError {
  if (error instanceof WorkbookError) return error;
  const code = officeCode(error);
  const detail = detailOf(error);
  const make = (kind: WorkbookErrorKind, zh: string, en: string) =>
    new ExcelWorkbookError(zh, en, kind, { ...(code ? { code } : {}), cause: error });
  switch (code) {
    case 'ItemNotFound':
      return make(
        'not-found',
        `无法${action.zh}：找不到对应的工作表或单元格，可能已被重命名或删除。请刷新后重试。`,
        `Could not ${action.en}: the sheet or cell was not found; it may have been renamed or deleted. Refresh and try again.`,
      );
    case 'InvalidOperationInCellEditMode':
      return make(
        'host',
        `无法${action.zh}：Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑后重试。`,
        `Could not ${action.en}: Excel is editing a cell. Press Enter or Esc to finish editing and try again.`,
      );
    case 'AccessDenied':
      return make(
        'host',
        `无法${action.zh}：工作表或工作簿受保护，或您没有编辑权限。请撤销保护后重试。`,
        `Could not ${action.en}: the sheet or workbook is protected, or you may not edit it. Unprotect it and try again.`,
      );
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
      return make(
        'too-large',
        `无法${action.zh}：一次传输的数据超过了 Excel 的上限。请删除工作表中远离表格的多余内容，缩小已用区域后重试。`,
        `Could not ${action.en}: the data exceeds what Excel can transfer at once. Delete stray content far from the table to shrink the used range and try again.`,
      );
    case 'ApiNotFound':
    case 'NotImplemented':
    case 'UnsupportedOperation':
      return make(
        'unsupported',
        `无法${action.zh}：当前版本的 Excel 不支持所需的功能。请更新 Office（需要 ExcelApi 1.9 或更高版本）。`,
        `Could not ${action.en}: this version of Excel lacks a feature the add-in needs. Update Office (ExcelApi 1.9 or later is required).`,
      );
    default:
      return make(
        'host',
        `Excel 未能${action.zh}：${detail}${code ? `（代码 ${code}）` : ''}。请重试；如仍失败，请保存工作簿后重新打开加载项。`,
        `Excel could not ${action.en}: ${detail}${code ? ` (code ${code})` : ''}. Try again; if it keeps failing, save the workbook and reopen the add-in.`,
      );
  }
}

/** The error for work the user cancelled. */
export function cancelledError(action: Action): ExcelWorkbookError {
  return new ExcelWorkbookError(`已取消${action.zh}。`, `Cancelled: ${action.en}.`, 'cancelled');
}

/** Throws `cancelledError` when the signal has fired; called between blocks, never mid-request. */
export function throwIfCancelled(signal: AbortSignal | undefined, action: Action): void {
  if (signal?.aborted) throw cancelledError(action);
}
