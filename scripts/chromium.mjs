// Where Debian's Chromium is, and the flags it needs here (no sandbox as root, no network chatter).
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

export const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** `CHROMIUM_PATH`, else `chromium` on the PATH, else Debian's default location. */
export function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    const found = execSync('command -v chromium || command -v chromium-browser', {
      encoding: 'utf8',
      shell: '/bin/sh',
    }).trim();
    if (found) return found;
  } catch {
    // fall through
  }
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : 'chromium';
}
