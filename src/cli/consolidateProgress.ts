/**
 * Progress of reading many input files, on stderr so stdout stays the report: a bar redrawn in place
 * on a terminal, one plain line per file otherwise (a log file or CI output has no carriage return).
 */
import { basename } from 'node:path';
import type { Lang } from '../ledger/findings';
import type { CliIo } from './command';

export interface ProgressOptions {
  readonly total: number;
  /** False for a handful of files: nothing is printed. */
  readonly enabled: boolean;
  readonly tty: boolean;
  readonly lang: Lang;
}

export interface Progress {
  /** Called before file `index` (0-based) is read. */
  step(index: number, path: string): void;
  done(): void;
}

const BAR_WIDTH = 24;

export function progressReporter(io: CliIo, options: ProgressOptions): Progress {
  const { total, tty, lang } = options;
  if (!options.enabled) return { step: () => undefined, done: () => undefined };
  const reading = lang === 'en' ? 'Reading' : '读取';
  return {
    step(index, path) {
      const n = index + 1;
      if (!tty) {
        io.err(`${reading} ${n}/${total}: ${path}\n`);
        return;
      }
      const filled = Math.round((index / total) * BAR_WIDTH);
      // \r returns to the line start; \x1b[K clears what a longer file name left behind.
      io.err(`\r[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${n}/${total} ${basename(path)}\u001b[K`);
    },
    done() {
      if (tty) io.err(`\r[${'#'.repeat(BAR_WIDTH)}] ${total}/${total}\u001b[K\n`);
    },
  };
}
