/**
 * `ledger <command> …`: the dispatcher. Adding a command is one line in COMMANDS (a module in
 * src/cli/ exporting `run(argv, io)`), loaded only when used.
 */
import { parseLang } from './args';
import { EXIT, processIo, UsageError, type CliIo, type Command } from './command';
import { packageInfo } from './version';

export interface CommandEntry {
  readonly zh: string;
  readonly en: string;
  readonly load: () => Promise<Command>;
}

const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  validate: {
    zh: '逐行检查台账，列出问题',
    en: 'check every row of registers and list the problems',
    load: () => import('./validate'),
  },
  consolidate: {
    zh: '汇总各县区报送的台账，生成汇总表',
    en: 'consolidate the counties’ registers into one return',
    load: () => import('./consolidate'),
  },
  compare: {
    zh: '对比台账的两个版本，列出调整清单',
    en: 'compare two versions of a register: the change list',
    load: () => import('./compare'),
  },
  reconcile: {
    zh: '与党委、政府办公室的名单对账',
    en: 'reconcile the register with a general office’s list',
    load: () => import('./reconcile'),
  },
  review: {
    zh: '联合审批：对照台账审核设立申请，生成审核意见',
    en: 'joint approval: check applications against the register, draft the opinions',
    load: () => import('./review'),
  },
  evaluate: {
    zh: '多方评价：机构运行评价、成员单位评分和调整建议',
    en: 'evaluate how bodies work, score member units, suggest adjustments',
    load: () => import('./evaluate'),
  },
};

function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length)) + 2;
  const list = (lang: 'zh' | 'en') =>
    Object.entries(COMMANDS)
      .map(([name, c]) => `  ${name.padEnd(width)}${c[lang]}`)
      .join('\n');
  return `用法：ledger <命令> [参数]

议事协调机构管理台账命令行工具。输入文件只读，不会被修改。

命令：
${list('zh')}

每个命令的说明：ledger <命令> --help

Usage: ledger <command> [arguments]

Command-line tool for registers of coordinating bodies (议事协调机构管理台账).
Input files are opened read-only and never changed.

Commands:
${list('en')}

Help on a command: ledger <command> --help
`;
}

/** Runs the CLI and resolves to the exit code; never throws. */
export async function main(
  argv: readonly string[],
  io: CliIo = processIo(),
  commands: Readonly<Record<string, CommandEntry>> = COMMANDS,
): Promise<number> {
  const [name, ...rest] = argv;
  const lang = (() => {
    try {
      const i = argv.indexOf('--lang');
      return parseLang(i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7));
    } catch {
      return 'zh' as const;
    }
  })();
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      io.out(mainHelp());
      return name === undefined ? EXIT.usage : EXIT.ok;
    }
    if (name === '--version' || name === '-v') {
      io.out(`${await version()}\n`);
      return EXIT.ok;
    }
    const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
    if (!entry) {
      const guess = suggestCommand(name, Object.keys(commands));
      throw new UsageError(
        `没有“${name}”这个命令${guess ? `；是不是 ledger ${guess}？` : ''}`,
        `there is no command “${name}”${guess ? `; did you mean ledger ${guess}?` : ''}`,
      );
    }
    const command = await entry.load();
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      const hint = name && Object.hasOwn(commands, name) ? `ledger ${name} --help` : 'ledger --help';
      io.err(lang === 'en' ? `ledger: ${error.en}\nSee ${hint}\n` : `ledger：${error.zh}\n查看用法：${hint}\n`);
      return EXIT.usage;
    }
    // A bug of ours: say so plainly; the stack only on request.
    const detail = error instanceof Error ? error.message : String(error);
    io.err(lang === 'en' ? `ledger: internal error: ${detail}\n` : `ledger：内部错误：${detail}\n`);
    if (process.env.LEDGER_DEBUG && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
    return EXIT.internal;
  }
}

/** Edit distance with adjacent swaps (valdate, vaildate and validte are all one step from validate). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** The command a mistyped name most likely meant: within two edits, or the only one it starts. */
export function suggestCommand(typed: string, commands: readonly string[]): string | null {
  const word = typed.toLowerCase();
  if (word.startsWith('-') || word === '') return null;
  const byPrefix = commands.filter((c) => word.length >= 3 && c.startsWith(word));
  if (byPrefix.length === 1) return byPrefix[0]!;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const command of commands) {
    const dist = distance(word, command);
    if (dist < bestDistance) {
      best = command;
      bestDistance = dist;
    }
  }
  return bestDistance <= Math.min(2, Math.floor(word.length / 3) + 1) ? best : null;
}

async function version(): Promise<string> {
  const pkg = await packageInfo();
  return `${pkg.name} ${pkg.version}`;
}
