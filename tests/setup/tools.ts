/**
 * What the suite needs besides Node: a Chromium-family browser (the browser tests) and LibreOffice
 * (a real spreadsheet program opens what the tool writes). Found where they are installed on
 * Linux, macOS and Windows; on Debian/Ubuntu as root the missing ones are installed here, as
 * `.ci/run` does; anywhere else the suite stops at once with the one command to run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { platform } from 'node:os';

/** A browser executable: $CHROMIUM_PATH, Debian's Chromium, else Chrome or Edge where they usually live. */
export function findBrowser(): string | null {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
  ];
  return candidates.find((path): path is string => Boolean(path) && existsSync(path!)) ?? null;
}

/** LibreOffice's `soffice`: on the PATH, or where its installers put it on macOS and Windows. */
export function findSoffice(): string | null {
  for (const name of ['soffice', 'libreoffice']) {
    const found = spawnSync(platform() === 'win32' ? 'where' : 'which', [name], { encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim() !== '') return found.stdout.trim().split(/\r?\n/)[0]!;
  }
  return (
    [
      '/Applications/LibreOffice.app/Contents/MacOS/soffice',
      'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
    ].find((p) => existsSync(p)) ?? null
  );
}

const DEBIAN_PACKAGES = { browser: ['chromium', 'fonts-noto-cjk'], soffice: ['libreoffice-calc-nogui'] } as const;

function installCommand(missing: readonly ('browser' | 'soffice')[]): string {
  if (platform() === 'darwin')
    return `brew install --cask ${missing.map((m) => (m === 'browser' ? 'google-chrome' : 'libreoffice')).join(' ')}`;
  if (platform() === 'win32')
    return `winget install ${missing.map((m) => (m === 'browser' ? 'Google.Chrome' : 'TheDocumentFoundation.LibreOffice')).join(' ')}`;
  return `sudo apt-get install -y --no-install-recommends ${missing.flatMap((m) => DEBIAN_PACKAGES[m]).join(' ')}`;
}

function canInstallHere(): boolean {
  return platform() === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
}

export default function setup(): void {
  const missing = [...(findBrowser() ? [] : ['browser' as const]), ...(findSoffice() ? [] : ['soffice' as const])];
  if (missing.length === 0) return;
  if (canInstallHere()) {
    const packages = missing.flatMap((m) => DEBIAN_PACKAGES[m]);
    console.log(
      `npm test: installing ${packages.join(', ')} with apt-get (needed by the browser and LibreOffice tests)…`,
    );
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    return;
  }
  const what = missing
    .map((m) =>
      m === 'browser' ? 'Chromium, Chrome or Edge (the browser tests)' : 'LibreOffice (opens what the tool writes)',
    )
    .join(' and ');
  throw new Error(
    `npm test needs ${what}. Install with:\n\n    ${installCommand(missing)}\n\n(or set CHROMIUM_PATH to a Chromium-family browser), then run npm test again.`,
  );
}
