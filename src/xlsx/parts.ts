/**
 * The package parts around the worksheets: content types, relationships, the workbook, document
 * properties and the theme. Fixed text apart from sheet names and counts.
 */
import officeTheme from 'exceljs/lib/xlsx/xml/theme1.js';
import { escapeAttribute } from './xml';

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const SPREADSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/** The default Office theme (the one Excel starts with): table styles take their colours from it. */
export const THEME_XML = officeTheme;

export interface SheetPart {
  readonly name: string;
  readonly hidden: boolean;
  /** Its table part's number, if it has one. */
  readonly table?: number;
}

interface Relationship {
  readonly type: string;
  readonly target: string;
}

export function relationshipsXml(relationships: readonly Relationship[]): string {
  const items = relationships.map((r, i) => `<Relationship Id="rId${i + 1}" Type="${r.type}" Target="${r.target}"/>`);
  return `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">${items.join('')}</Relationships>`;
}

export function contentTypesXml(sheets: readonly SheetPart[]): string {
  const override = (part: string, type: string): string => `<Override PartName="${part}" ContentType="${type}"/>`;
  return (
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    override('/xl/workbook.xml', `${SPREADSHEET_TYPE}.sheet.main+xml`) +
    sheets.map((_, i) => override(`/xl/worksheets/sheet${i + 1}.xml`, `${SPREADSHEET_TYPE}.worksheet+xml`)).join('') +
    sheets
      .map((s) =>
        s.table === undefined ? '' : override(`/xl/tables/table${s.table}.xml`, `${SPREADSHEET_TYPE}.table+xml`),
      )
      .join('') +
    override('/xl/theme/theme1.xml', 'application/vnd.openxmlformats-officedocument.theme+xml') +
    override('/xl/styles.xml', `${SPREADSHEET_TYPE}.styles+xml`) +
    override('/xl/sharedStrings.xml', `${SPREADSHEET_TYPE}.sharedStrings+xml`) +
    override('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
    '</Types>'
  );
}

/** _rels/.rels: where the workbook and its properties are. */
export function packageRelationshipsXml(): string {
  return relationshipsXml([
    { type: `${RELATIONSHIP}/officeDocument`, target: 'xl/workbook.xml' },
    { type: `${PACKAGE_RELATIONSHIPS}/metadata/core-properties`, target: 'docProps/core.xml' },
  ]);
}

/** xl/_rels/workbook.xml.rels: sheets first, so sheet N is rIdN. */
export function workbookRelationshipsXml(sheets: readonly SheetPart[]): string {
  return relationshipsXml([
    ...sheets.map((_, i) => ({ type: `${RELATIONSHIP}/worksheet`, target: `worksheets/sheet${i + 1}.xml` })),
    { type: `${RELATIONSHIP}/theme`, target: 'theme/theme1.xml' },
    { type: `${RELATIONSHIP}/styles`, target: 'styles.xml' },
    { type: `${RELATIONSHIP}/sharedStrings`, target: 'sharedStrings.xml' },
  ]);
}

/** xl/worksheets/_rels/sheetN.xml.rels of a sheet with a table (its rId1). */
export function sheetRelationshipsXml(table: number): string {
  return relationshipsXml([{ type: `${RELATIONSHIP}/table`, target: `../tables/table${table}.xml` }]);
}

export function workbookXml(sheets: readonly SheetPart[]): string {
  const items = sheets.map(
    (s, i) =>
      `<sheet name="${escapeAttribute(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`,
  );
  return (
    `${XML_DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIP}">` +
    '<bookViews><workbookView activeTab="0"/></bookViews>' +
    `<sheets>${items.join('')}</sheets>` +
    '</workbook>'
  );
}

/** docProps/core.xml with a fixed date, so the same sheets give the same bytes. */
export function corePropertiesXml(creator: string, date: Date): string {
  const when = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>${escapeAttribute(creator)}</dc:creator><cp:lastModifiedBy>${escapeAttribute(creator)}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}
