/** The tool's name and version, from package.json (read once, only when asked). */
import { readFile } from 'node:fs/promises';

let cached: Promise<{ name: string; version: string }> | null = null;

export function packageInfo(): Promise<{ name: string; version: string }> {
  cached ??= readFile(new URL('../../package.json', import.meta.url), 'utf8').then(
    (text) => JSON.parse(text) as { name: string; version: string },
  );
  return cached;
}
