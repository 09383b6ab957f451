// Builds the Firefox extension the suite drives (`--mode e2e`), once per run, and checks the
// browser is there.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { FIREFOX } from './harness.ts';

export default function setup(): void {
  if (!existsSync(FIREFOX)) {
    throw new Error(`${FIREFOX} is missing: install Debian's firefox-esr (apt-get install -y firefox-esr); .ci/run does this`);
  }
  execFileSync('node_modules/.bin/wxt', ['build', '--mode', 'e2e', '-b', 'firefox'], { stdio: 'inherit' });
}
