#!/usr/bin/env node
// The browser tests drive Debian's Chromium through Playwright (Playwright cannot download browsers
// here). Install it when it is missing and we are root; otherwise stop and say how. Never skip silently.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.HIREFLOW_CHROMIUM ?? '/usr/bin/chromium';

if (existsSync(CHROMIUM)) process.exit(0);
if (typeof process.getuid === 'function' && process.getuid() === 0) {
  console.log(`Chromium is missing at ${CHROMIUM}: installing Debian's chromium (apt-get)…`);
  try {
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    console.error('Installing chromium failed. Install it by hand: apt-get install -y chromium');
    process.exit(1);
  }
  if (existsSync(CHROMIUM)) process.exit(0);
}
console.error(
  `The browser tests need Chromium at ${CHROMIUM}. Install it with: sudo apt-get install -y chromium ` +
    '(or point HIREFLOW_CHROMIUM at a Chromium binary).',
);
process.exit(1);
