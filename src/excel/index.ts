/**
 * The Excel host: the WorkbookPort on the Excel JavaScript API and the start-up check of the
 * requirement sets it needs. The only part of the project that calls `Excel.run`.
 */
export { createExcelWorkbookPort, SETTINGS_KEY, type ExcelPortOptions } from './port';
export { checkRequirements, requirementsMessage, REQUIRED_SETS, OPTIONAL_SETS } from './requirements';
export { ExcelWorkbookError } from './errors';
export { manifestForUrl, DEV_ORIGIN } from './manifest';
