/**
 * The styles part: a handful of cell formats (number format × font), registered once and shared
 * by every cell that uses them, plus the header style.
 */

/** Fonts, fills and borders are fixed; cells pick them by index. */
const FONTS = [
  '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>',
  '<font><b/><sz val="14"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>',
  '<font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>',
];
export type FontKind = 'normal' | 'title' | 'bold';
const FONT_ID: Readonly<Record<FontKind, number>> = { normal: 0, title: 1, bold: 2 };

const HEADER_FILL =
  '<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill>';
const FILLS = [
  '<fill><patternFill patternType="none"/></fill>',
  '<fill><patternFill patternType="gray125"/></fill>',
  HEADER_FILL,
];
const THIN = '<color rgb="FF9BB7D4"/>';
const BORDERS = [
  '<border><left/><right/><top/><bottom/><diagonal/></border>',
  `<border><left style="thin">${THIN}</left><right style="thin">${THIN}</right><top style="thin">${THIN}</top><bottom style="thin">${THIN}</bottom><diagonal/></border>`,
];

/** Excel's built-in number formats that need no numFmt entry. */
const BUILT_IN: Readonly<Record<string, number>> = { General: 0, '0': 1, '0.00': 2, '0%': 9, '0.00%': 10, '@': 49 };
const FIRST_CUSTOM_FORMAT = 164;

export class Styles {
  private readonly formats = new Map<string, number>();
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly indexOf = new Map<string, number>([['normal|General', 0]]);
  private headerIndex: number | undefined;

  private readonly fills: string[] = [...FILLS];
  private readonly fillIndex = new Map<string, number>();

  /** The cellXfs index of a cell with this font, number format (null: General) and solid fill (ARGB, null: none). */
  cell(font: FontKind, numFmt: string | null, fill: string | null = null): number {
    const format = numFmt ?? 'General';
    const key = fill === null ? `${font}|${format}` : `${font}|${format}|${fill}`;
    let index = this.indexOf.get(key);
    if (index === undefined) {
      const formatId = this.formatId(format);
      const fontId = FONT_ID[font];
      const fillId = fill === null ? 0 : this.fillId(fill);
      const applies = `${formatId === 0 ? '' : ' applyNumberFormat="1"'}${fontId === 0 ? '' : ' applyFont="1"'}${fillId === 0 ? '' : ' applyFill="1"'}`;
      index =
        this.xfs.push(
          `<xf numFmtId="${formatId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${applies}/>`,
        ) - 1;
      this.indexOf.set(key, index);
    }
    return index;
  }

  private fillId(argb: string): number {
    const colour = /^[0-9A-Fa-f]{8}$/.test(argb) ? argb.toUpperCase() : 'FFFFFFFF';
    let id = this.fillIndex.get(colour);
    if (id === undefined) {
      id =
        this.fills.push(
          `<fill><patternFill patternType="solid"><fgColor rgb="${colour}"/><bgColor indexed="64"/></patternFill></fill>`,
        ) - 1;
      this.fillIndex.set(colour, id);
    }
    return id;
  }

  /** Header cells: bold on a light blue fill, thin borders, centred and wrapped. */
  header(): number {
    this.headerIndex ??=
      this.xfs.push(
        `<xf numFmtId="0" fontId="${FONT_ID.bold}" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">` +
          '<alignment horizontal="center" vertical="center" wrapText="1"/></xf>',
      ) - 1;
    return this.headerIndex;
  }

  private formatId(format: string): number {
    const builtIn = BUILT_IN[format];
    if (builtIn !== undefined) return builtIn;
    let id = this.formats.get(format);
    if (id === undefined) {
      id = FIRST_CUSTOM_FORMAT + this.formats.size;
      this.formats.set(format, id);
    }
    return id;
  }

  /** xl/styles.xml */
  xml(escape: (text: string) => string): string {
    const numFmts =
      this.formats.size === 0
        ? ''
        : `<numFmts count="${this.formats.size}">${[...this.formats]
            .map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escape(code)}"/>`)
            .join('')}</numFmts>`;
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      numFmts +
      `<fonts count="${FONTS.length}">${FONTS.join('')}</fonts>` +
      `<fills count="${this.fills.length}">${this.fills.join('')}</fills>` +
      `<borders count="${BORDERS.length}">${BORDERS.join('')}</borders>` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      '</styleSheet>'
    );
  }
}
