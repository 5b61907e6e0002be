/**
 * Writes 审核意见 drafts as a Word document with the `docx` package: one opinion per application,
 * each on its own page, laid out as a Chinese official opinion (GB/T 9704 habits: a 方正小标宋
 * title, 仿宋 body text in 三号 with a two-character first-line indent, 黑体 section headings, the
 * office and the date at the bottom right). Runs in Node and in the browser (no Node APIs).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from 'docx';
import type { Opinion } from '../ledger/review/opinion';

const TITLE_FONT = '方正小标宋简体';
const BODY_FONT = '仿宋_GB2312';
const HEADING_FONT = '黑体';
/** Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt. */
const SIZE = { title: 44, body: 32, table: 24, note: 21 } as const;
/** 28 lines of 22 characters on A4 with 37 mm / 26 mm / 28 mm / 26 mm margins, as GB/T 9704 lays a page out. */
const PAGE_MARGINS = { top: 2098, bottom: 1984, left: 1587, right: 1474 };
const LINE = 560; // 28 pt line pitch

function run(text: string, font: string, size: number, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({ text, font: { ascii: font, eastAsia: font, hAnsi: font, cs: font }, size, ...extra });
}

function body(
  text: string,
  options: {
    indent?: boolean;
    bold?: boolean;
    align?: 'left' | 'right' | 'center';
    font?: string;
    size?: number;
    pageBreakBefore?: boolean;
  } = {},
): Paragraph {
  const alignment =
    options.align === 'right'
      ? AlignmentType.RIGHT
      : options.align === 'center'
        ? AlignmentType.CENTER
        : AlignmentType.JUSTIFIED;
  return new Paragraph({
    children: [run(text, options.font ?? BODY_FONT, options.size ?? SIZE.body, options.bold ? { bold: true } : {})],
    alignment,
    spacing: { line: LINE, before: 0, after: 0 },
    ...(options.indent ? { indent: { firstLine: 640 } } : {}),
    ...(options.pageBreakBefore ? { pageBreakBefore: true } : {}),
  });
}

function cell(text: string, widthPct: number, options: { bold?: boolean; shade?: boolean } = {}): TableCell {
  const lines = text === '' ? [''] : text.split('\n');
  return new TableCell({
    width: { size: widthPct, type: WidthType.PERCENTAGE },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    ...(options.shade ? { shading: { fill: 'F2F2F2' } } : {}),
    children: lines.map(
      (line) =>
        new Paragraph({
          children: [run(line, BODY_FONT, SIZE.table, options.bold ? { bold: true } : {})],
          spacing: { line: 360 },
        }),
    ),
  });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = {
  top: BORDER,
  bottom: BORDER,
  left: BORDER,
  right: BORDER,
  insideHorizontal: BORDER,
  insideVertical: BORDER,
};

function table(
  header: readonly string[] | null,
  rows: readonly (readonly string[])[],
  widths: readonly number[],
): Table {
  const out: TableRow[] = [];
  if (header)
    out.push(
      new TableRow({
        tableHeader: true,
        children: header.map((h, i) => cell(h, widths[i]!, { bold: true, shade: true })),
      }),
    );
  for (const r of rows)
    out.push(
      new TableRow({
        cantSplit: true,
        children: r.map((t, i) => cell(t, widths[i]!, { bold: header === null && i === 0 })),
      }),
    );
  return new Table({ rows: out, width: { size: 100, type: WidthType.PERCENTAGE }, borders: BORDERS });
}

function heading(text: string): Paragraph {
  return new Paragraph({
    children: [run(text, HEADING_FONT, SIZE.body)],
    spacing: { line: LINE, before: 120, after: 60 },
    indent: { firstLine: 640 },
  });
}

/** The paragraphs and tables of one opinion. */
function opinionChildren(o: Opinion, first: boolean, en: boolean): (Paragraph | Table)[] {
  const W = en
    ? {
        one: '1. The application',
        two: '2. The checks',
        three: '3. Our opinion',
        item: 'Check',
        result: 'Result',
        detail: 'Details',
        advice: 'Suggested conclusion: ',
      }
    : {
        one: '一、申请事项',
        two: '二、审核情况',
        three: '三、审核意见',
        item: '审核事项',
        result: '结果',
        detail: '情况说明',
        advice: '建议：',
      };
  return [
    new Paragraph({
      children: [run(o.title, TITLE_FONT, SIZE.title)],
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, after: 400 },
      ...(first ? {} : { pageBreakBefore: true }),
    }),
    body(o.addressee),
    body(o.opening, { indent: true }),
    heading(W.one),
    table(
      null,
      o.application.filter(([, v]) => v !== '').map(([k, v]) => [k, v]),
      [26, 74],
    ),
    heading(W.two),
    table(
      [W.item, W.result, W.detail],
      o.checks.map((c) => [c.item, c.resultText, c.detail]),
      [24, 12, 64],
    ),
    heading(W.three),
    body(`${W.advice}${o.conclusion}${en ? '.' : '。'}`, { indent: true, bold: true }),
    ...o.reasons.map((r) => body(r, { indent: true })),
    body(''),
    body(o.office, { align: 'right' }),
    body(o.date, { align: 'right' }),
    body(''),
    body(o.note, { size: SIZE.note, font: BODY_FONT }),
  ];
}

/** The .docx bytes of the opinions, one per page. */
export async function writeOpinions(
  opinions: readonly Opinion[],
  options: { lang?: 'zh' | 'en'; title?: string } = {},
): Promise<Uint8Array> {
  const en = options.lang === 'en';
  const children =
    opinions.length > 0
      ? opinions.flatMap((o, i) => opinionChildren(o, i === 0, en))
      : [body(en ? 'No application was found.' : '未读到任何申请。')];
  const doc = new Document({
    creator: 'ledger',
    title: options.title ?? (en ? 'Review opinions' : '审核意见'),
    styles: {
      default: {
        document: { run: { font: { ascii: BODY_FONT, eastAsia: BODY_FONT, hAnsi: BODY_FONT }, size: SIZE.body } },
      },
    },
    sections: [{ properties: { page: { margin: PAGE_MARGINS } }, children }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
