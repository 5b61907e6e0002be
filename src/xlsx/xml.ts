/** XML text for SpreadsheetML parts: escaping, and the workbook's shared strings. */

/** Characters XML 1.0 cannot carry at all (controls other than tab and line breaks, lone surrogates, U+FFFE/F). */
const NOT_XML =
  /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const NEEDS_WORK = /[&<>"\r\n\t\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\r': '&#13;',
  '\n': '&#10;',
  '\t': '&#9;',
};

/** An attribute value: markup characters escaped, line breaks and tabs kept as character references. */
export function escapeAttribute(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text.replace(NOT_XML, '').replace(/[&<>"\r\n\t]/g, (ch) => ENTITIES[ch]!);
}

/**
 * Cell text as SpreadsheetML stores it. Excel reads `_xHHHH_` in cell text as an escaped character,
 * so a literal one gets its underscore escaped (`_x005F_`); a carriage return is stored the same
 * way because XML would turn it into a line feed. Characters XML cannot carry are dropped.
 */
export function escapeCellText(text: string): string {
  let out = text;
  if (out.includes('_x') || out.includes('_X')) out = out.replace(/_(?=[xX][0-9A-Fa-f]{4}_)/g, '_x005F_');
  if (!NEEDS_WORK.test(out)) return out;
  return out.replace(NOT_XML, '').replace(/[&<>\r]/g, (ch) => (ch === '\r' ? '_x000D_' : ENTITIES[ch]!));
}

/** The workbook's shared string table: every distinct text once, cells refer to it by index. */
export class SharedStrings {
  private readonly indexOf = new Map<string, number>();
  private readonly texts: string[] = [];
  private references = 0;

  /** The index of the text, adding it when new. */
  index(text: string): number {
    this.references++;
    let index = this.indexOf.get(text);
    if (index === undefined) {
      index = this.texts.length;
      this.indexOf.set(text, index);
      this.texts.push(text);
    }
    return index;
  }

  get size(): number {
    return this.texts.length;
  }

  /** xl/sharedStrings.xml */
  xml(): string {
    const parts = [
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.references}" uniqueCount="${this.texts.length}">`,
    ];
    for (const text of this.texts) {
      // Leading or trailing spaces and line breaks survive only with xml:space="preserve".
      parts.push(
        /^\s|\s$|\n/.test(text)
          ? `<si><t xml:space="preserve">${escapeCellText(text)}</t></si>`
          : `<si><t>${escapeCellText(text)}</t></si>`,
      );
    }
    parts.push('</sst>');
    return parts.join('');
  }
}
