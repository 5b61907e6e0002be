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
  constructor(readonly zh: string, readonly en: string) {
    super(en);
    this.name = 'UsageError';
  }
}

/** The process's own streams. */
export function processIo(): CliIo {
  // `ledger … | head` closes the pipe early: stop quietly instead of crashing with EPIPE.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  return {
    out: (text) => { process.stdout.write(text); },
    err: (text) => { process.stderr.write(text); },
    isTTY: Boolean(process.stdout.isTTY),
  };
}
