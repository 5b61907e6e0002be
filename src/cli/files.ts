/**
 * Input files, read safely: opened read-only, never written; folders and wildcards expanded to the
 * register files in them (a shell on Windows does not expand `samples/*.xlsx` for us).
 */
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import * as zlib from 'node:zlib';
import type { Grid } from '../ledger/grid';
import {
  DEFAULT_READ_LIMITS,
  readWorkbook,
  REGISTER_FILE_PATTERN,
  installNativeZip,
  type SourceFormat,
  type WorkbookReadFailure,
} from '../read';

// Node's own zlib inflates and checks .xlsx parts several times faster than the portable code the
// pane uses; the reading layer keeps its limits either way (the output may not pass the size the
// zip declares, which the limits have already accepted).
installNativeZip({
  inflateRaw: (data, size) => {
    // One output chunk (no concatenation), seen as a plain Uint8Array: Buffer's own indexOf and
    // subarray are far slower than the typed array's for the scanner's many small calls.
    const out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, size), chunkSize: Math.max(64 * 1024, size) });
    return new Uint8Array(out.buffer, out.byteOffset, out.length);
  },
  ...(typeof (zlib as { crc32?: unknown }).crc32 === 'function'
    ? { crc32: (data: Uint8Array) => (zlib as unknown as { crc32: (d: Uint8Array) => number }).crc32(data) }
    : {}),
});

export type FileRead =
  | { readonly ok: true; readonly path: string; readonly bytes: Uint8Array; readonly size: number }
  | { readonly ok: false; readonly path: string; readonly message: string; readonly messageEn: string };

/**
 * Reads a whole file through a read-only handle, never more than `maxBytes` (the reading limit):
 * a device such as /dev/zero, a FIFO or a file that grows while it is read is refused, not
 * swallowed.
 */
export async function readInputFile(
  path: string,
  maxBytes: number = DEFAULT_READ_LIMITS.maxFileBytes,
): Promise<FileRead> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      return { ok: false, path, message: `${path}：是文件夹，不是文件`, messageEn: `${path}: is a folder, not a file` };
    }
    if (!info.isFile()) {
      return {
        ok: false,
        path,
        message: `${path}：不是普通文件（设备、管道等），未读取`,
        messageEn: `${path}: not a regular file (a device, a pipe …); not read`,
      };
    }
    if (info.size > maxBytes) return { ok: false, path, ...tooBig(path, info.size, maxBytes) };
    const handle = await open(path, 'r');
    try {
      // Read up to one byte past the limit: the size stat gave may be out of date.
      let buffer = new Uint8Array(Math.min(maxBytes + 1, info.size + 1));
      let length = 0;
      for (;;) {
        if (length === buffer.length) {
          if (buffer.length > maxBytes) return { ok: false, path, ...tooBig(path, length, maxBytes) };
          const larger = new Uint8Array(Math.min(maxBytes + 1, buffer.length * 2 + 64 * 1024));
          larger.set(buffer);
          buffer = larger;
        }
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
        if (bytesRead === 0) break;
        length += bytesRead;
      }
      const bytes = buffer.subarray(0, length);
      return { ok: true, path, bytes, size: bytes.length };
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { ok: false, path, ...describeFsError(path, error) };
  }
}

function tooBig(path: string, size: number, maxBytes: number): { message: string; messageEn: string } {
  const mib = (n: number) => `${Math.ceil(n / (1024 * 1024)).toLocaleString('en-US')} MiB`;
  return {
    message: `${path}：文件大小超过 ${mib(maxBytes)}（读取上限），未读取`,
    messageEn: `${path}: the file is larger than ${mib(maxBytes)} (the reading limit); not read`,
  };
}

/**
 * A path as the file system sees it: symlinks (of the file or of any folder on the way) resolved.
 * A file that does not exist yet is its real folder plus its name.
 */
export async function canonicalPath(path: string): Promise<string> {
  const full = resolve(path);
  const real = await realpath(full).catch(() => null);
  if (real) return real;
  const folder = await realpath(dirname(full)).catch(() => dirname(full));
  return join(folder, basename(full));
}

/**
 * True when two paths name one file: the same real path, or (hard links) the same device and
 * inode. Used before writing `-o`, so that no spelling of an input — a symlinked folder, `./`,
 * a hard link — lets the output replace it, even with --force.
 */
export async function isSameFile(a: string, b: string): Promise<boolean> {
  if ((await canonicalPath(a)) === (await canonicalPath(b))) return true;
  const [x, y] = await Promise.all([stat(a).catch(() => null), stat(b).catch(() => null)]);
  return x !== null && y !== null && x.isFile() && x.dev === y.dev && x.ino === y.ino;
}

function describeFsError(path: string, error: unknown): { message: string; messageEn: string } {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'ENOENT':
      return { message: `${path}：文件不存在`, messageEn: `${path}: no such file` };
    case 'EACCES':
    case 'EPERM':
      return { message: `${path}：没有读取权限`, messageEn: `${path}: permission denied` };
    case 'EBUSY':
      return {
        message: `${path}：文件被其他程序占用，请关闭后再试`,
        messageEn: `${path}: the file is locked by another program; close it and try again`,
      };
    default:
      return {
        message: `${path}：无法读取（${code ?? String(error)}）`,
        messageEn: `${path}: cannot be read (${code ?? String(error)})`,
      };
  }
}

/** Excel's and WPS's lock files (~$台账.xlsx) and hidden files are never registers. */
function isRegisterFileName(name: string): boolean {
  return REGISTER_FILE_PATTERN.test(name) && !name.startsWith('~$') && !name.startsWith('.~') && !name.startsWith('.');
}

export type InputWorkbook =
  | {
      readonly ok: true;
      readonly path: string;
      readonly bytes: Uint8Array;
      readonly sheets: Grid[];
      readonly format: SourceFormat;
    }
  | {
      readonly ok: false;
      readonly path: string;
      readonly reason: WorkbookReadFailure | 'unreadable';
      readonly message: string;
      readonly messageEn: string;
    };

/** Reads an input file of any format the reading layer takes (see src/read/index.ts). */
export async function readInputWorkbook(path: string, displayName: string = path): Promise<InputWorkbook> {
  const file = await readInputFile(path);
  if (!file.ok) return { ok: false, path, reason: 'unreadable', message: file.message, messageEn: file.messageEn };
  const book = await readWorkbook(file.bytes, displayName);
  if (!book.ok) return { ok: false, path, reason: book.reason, message: book.message, messageEn: book.messageEn };
  return { ok: true, path, bytes: file.bytes, sheets: book.sheets, format: book.format };
}

function wildcardToRegExp(pattern: string): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Expands the paths given on the command line: a folder → its register files (not recursive), a
 * pattern with * or ? in its last part → the matching files; anything else is kept as given (a
 * missing file is reported when it is read). Order: as given, each expansion sorted by name;
 * the same file named twice is kept once.
 */
export interface ExpandedInputs {
  readonly files: string[];
  /** Folders with no register file in them: said, not silently ignored. */
  readonly problems: { readonly path: string; readonly message: string; readonly messageEn: string }[];
}

export async function expandInputs(paths: readonly string[]): Promise<ExpandedInputs> {
  const out: string[] = [];
  const problems: ExpandedInputs['problems'] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    if (!seen.has(p)) {
      seen.add(p);
      out.push(p);
    }
  };
  for (const path of paths) {
    const name = basename(path);
    if (/[*?]/.test(name) && !/[*?]/.test(dirname(path))) {
      const dir = dirname(path);
      const pattern = wildcardToRegExp(name);
      const entries = await readdir(dir).catch(() => [] as string[]);
      const matches = entries.filter((e) => pattern.test(e) && !e.startsWith('~$') && !e.startsWith('.~')).sort(byName);
      if (matches.length === 0) add(path); // reported as missing, like a shell would leave it
      for (const m of matches) add(join(dir, m));
      continue;
    }
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) {
      const entries = (await readdir(path)).filter(isRegisterFileName).sort(byName);
      if (entries.length === 0)
        problems.push({
          path,
          message: `${path}：文件夹中没有台账文件（.xlsx、.xls、.et、.ods、.csv、.docx 等）`,
          messageEn: `${path}: the folder holds no register file (.xlsx, .xls, .et, .ods, .csv, .docx …)`,
        });
      for (const e of entries) {
        const full = join(path, e);
        if ((await stat(full).catch(() => null))?.isFile()) add(full);
      }
      continue;
    }
    add(path);
  }
  return { files: out, problems };
}
