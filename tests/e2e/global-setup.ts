// Builds the extension the suite drives, once per run, and checks the browser is there.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM } from './harness.ts';

export default function setup(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium); .ci/run does this`);
  }
  execFileSync('node_modules/.bin/wxt', ['build', '--mode', 'e2e'], { stdio: 'inherit' });
}
