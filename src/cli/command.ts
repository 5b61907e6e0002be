/**
 * What every `ledger` subcommand shares: how it is run, where it writes, how it ends.
 * A command is a module exporting `run(argv, io)` that resolves to an exit code; it never calls
 * process.exit itself, so tests can run it in-process and output is flushed before exiting.
 */

/** Exit codes of every command (README documents them). */
export const EXIT = {
  /** Nothing of severity error. */
  ok: 0,
  /** Some finding is an error. */
  findings: 1,
  /** Bad usage, or an input that could not be read. */
  usage: 2,
  /** A fault of the tool itself (a bug): not the user's doing, so not exit 2. */
  internal: 3,
} as const;

/** Where a command writes: the report on `out`, problems with the run itself on `err`. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** True when `out` is a terminal (colours, progress bars). */
  readonly isTTY: boolean;
}

export interface Command {
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

/** A mistake in how the command was called; shown with a pointer to --help, exit 2. */
export class UsageError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'UsageError';
  }
}

/** The process's own streams. */
/**
 * Text for a terminal: control characters that came from the files (ESC, BEL, backspace, C1 …)
 * are shown as their Unicode pictures (␛, ␇ …) instead of reaching the terminal, so a cell cannot
 * clear the screen, retitle the window or hide a line. Kept: line breaks, tabs, and the few
 * sequences the CLI itself writes — its colours (ESC [ 0/1/31/33/36 m) and, on stderr only, the
 * progress bar's line clearing (ESC [ K).
 */
export function terminalSafe(text: string, allowClearLine = false): string {
  if (!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(text)) return text;
  return text.replace(/\u001b\[(?:0|1|31|33|36)?[mK]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, (ch) => {
    if (ch.length > 1 && (ch.endsWith('m') ? ch !== '\u001b[m' : allowClearLine && ch === '\u001b[K')) return ch;
    if (ch.length > 1) return `\u241b${ch.slice(1)}`;
    const code = ch.charCodeAt(0);
    return code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? '\u2421' : '\ufffd';
  });
}

export function processIo(): CliIo {
  // `ledger … | head` closes the pipe early: stop quietly instead of crashing with EPIPE.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  return {
    out: (text) => {
      process.stdout.write(terminalSafe(text));
    },
    err: (text) => {
      process.stderr.write(terminalSafe(text, true));
    },
    isTTY: Boolean(process.stdout.isTTY),
  };
}
