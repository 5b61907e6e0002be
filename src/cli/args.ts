/** Argument parsing shared by the commands: node:util parseArgs with messages users can act on. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Lang } from '../ledger/findings';
import { IsoDateSchema } from '../ledger/settings';
import { UsageError, type CliIo } from './command';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every command understands. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  lang: { type: 'string' },
  format: { type: 'string' },
} as const satisfies Options;

/** Options of the commands that read registers: which sheets, the as-of date, the department list. */
export const REGISTER_OPTIONS = {
  sheet: { type: 'string', multiple: true },
  'as-of': { type: 'string' },
  departments: { type: 'string' },
} as const satisfies Options;

/** Options of the commands that write a file. */
export const OUTPUT_OPTIONS = {
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
} as const satisfies Options;

/** Parses argv strictly; unknown options and missing values become a UsageError. */
export function parseCommandArgs<const O extends Options>(argv: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const detail = error instanceof Error ? error.message : String(error);
    const option = /'([^']+)'/.exec(detail)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      throw new UsageError(`不认识的选项 ${option}`, `unknown option ${option}`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new UsageError(`选项 ${option.split(' ')[0]} 需要一个值`, `option ${option.split(' ')[0]} needs a value`);
    }
    throw new UsageError(`参数有误：${detail}`, `bad arguments: ${detail}`);
  }
}

/** The language of messages: --lang, else LEDGER_LANG, else Chinese. */
export function parseLang(value: string | undefined, env: string | undefined = process.env.LEDGER_LANG): Lang {
  const wanted = (value ?? env ?? 'zh').toLowerCase();
  if (wanted === 'zh' || wanted === 'zh-cn' || wanted === 'cn') return 'zh';
  if (wanted === 'en' || wanted.startsWith('en-')) return 'en';
  if (value === undefined) return 'zh'; // an odd LEDGER_LANG is not worth failing the run for
  throw new UsageError(`--lang 只能是 zh 或 en（收到“${value}”）`, `--lang must be zh or en (got “${value}”)`);
}

export type OutputFormat = 'text' | 'json';

export function parseFormat(value: string | undefined): OutputFormat {
  if (value === undefined || value === 'text') return 'text';
  if (value === 'json') return 'json';
  throw new UsageError(
    `--format 只能是 text 或 json（收到“${value}”）`,
    `--format must be text or json (got “${value}”)`,
  );
}

/** --as-of YYYY-MM-DD (a real calendar date), or undefined for today. */
export function parseAsOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (!IsoDateSchema.safeParse(text).success) {
    throw new UsageError(
      `--as-of 应为 YYYY-MM-DD 格式的有效日期，如 2026-11-25（收到“${value}”）`,
      `--as-of must be a real date written YYYY-MM-DD, e.g. 2026-11-25 (got “${value}”)`,
    );
  }
  return text;
}

/** The options every command shares, read once: --lang, --format and --as-of. */
export function commonOptions(values: {
  readonly lang?: string | undefined;
  readonly format?: string | undefined;
  readonly 'as-of'?: string | undefined;
}): { lang: Lang; format: OutputFormat; asOf: string | undefined } {
  return { lang: parseLang(values.lang), format: parseFormat(values.format), asOf: parseAsOf(values['as-of']) };
}

/**
 * The start of every command's run(): its options parsed, its help printed for -h (then null:
 * the command returns at once), and the shared --lang, --format and --as-of read.
 */
export function startCommand<const O extends Options>(argv: readonly string[], options: O, help: string, io: CliIo) {
  const parsed = parseCommandArgs(argv, options);
  const values = parsed.values as {
    help?: boolean | undefined;
    lang?: string | undefined;
    format?: string | undefined;
    'as-of'?: string | undefined;
  };
  if (values.help) {
    io.out(help);
    return null;
  }
  return { ...parsed, ...commonOptions(values) };
}
