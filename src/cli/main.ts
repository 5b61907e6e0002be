/**
 * `ledger <command> …`: the dispatcher. Adding a command is one line in COMMANDS (a module in
 * src/cli/ exporting `run(argv, io)`), loaded only when used.
 */
import { parseLang } from './args';
import { EXIT, processIo, UsageError, type CliIo, type Command } from './command';
import { packageInfo } from './version';

interface CommandEntry {
  readonly zh: string;
  readonly en: string;
  readonly load: () => Promise<Command>;
}

const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  validate: { zh: '逐行检查台账，列出问题', en: 'check every row of registers and list the problems', load: () => import('./validate') },
  consolidate: { zh: '汇总各县区报送的台账，生成汇总表', en: 'consolidate the counties’ registers into one return', load: () => import('./consolidate') },
  compare: { zh: '对比台账的两个版本，列出调整清单', en: 'compare two versions of a register: the change list', load: () => import('./compare') },
  reconcile: { zh: '与党委、政府办公室的名单对账', en: 'reconcile the register with a general office’s list', load: () => import('./reconcile') },
  review: { zh: '联合审批：对照台账审核设立申请，生成审核意见', en: 'joint approval: check applications against the register, draft the opinions', load: () => import('./review') },
};

function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length)) + 2;
  const list = (lang: 'zh' | 'en') => Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}${c[lang]}`).join('\n');
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
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
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
    const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!entry) throw new UsageError(`没有“${name}”这个命令`, `there is no command “${name}”`);
    const command = await entry.load();
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      const hint = name && Object.hasOwn(COMMANDS, name) ? `ledger ${name} --help` : 'ledger --help';
      io.err(lang === 'en' ? `ledger: ${error.en}\nSee ${hint}\n` : `ledger：${error.zh}\n查看用法：${hint}\n`);
      return EXIT.usage;
    }
    // A bug of ours: say so plainly; the stack only on request.
    const detail = error instanceof Error ? error.message : String(error);
    io.err(lang === 'en' ? `ledger: internal error: ${detail}\n` : `ledger：内部错误：${detail}\n`);
    if (process.env.LEDGER_DEBUG && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
    return EXIT.usage;
  }
}

async function version(): Promise<string> {
  const pkg = await packageInfo();
  return `${pkg.name} ${pkg.version}`;
}
