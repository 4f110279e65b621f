/**
 * `npm start`: after the build, say how to load the extension and, where there is a display, open
 * Chromium with it on a demo article served from this machine. Without a display, print the demo
 * article's analysis from the command line instead.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, chromiumArgs } from './harness';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const STORE = join(ROOT, '.output/chrome-mv3');
const E2E = join(ROOT, '.output/e2e-chrome-mv3');
const DEMO = 'test/fixtures/seeds/seed-1.html';

console.log(`
Framing Lens is built.

  Chrome / Chromium: open chrome://extensions, turn on Developer mode, "Load unpacked", choose
    ${STORE}
  Firefox: open about:debugging#/runtime/this-firefox, "Load Temporary Add-on", choose
    ${join(ROOT, '.output/firefox-mv2/manifest.json')}
  Then open a news article and click the Framing Lens button (or press Alt+Shift+F).
`);

if (!process.env.DISPLAY || !existsSync(CHROMIUM)) {
  console.log(`No display here, so no browser: this is the demo article's analysis from the command line.\n`);
  spawnSync(process.execPath, [join(ROOT, 'lib/cli/framing-lens.mjs'), 'analyze', join(ROOT, DEMO)], { stdio: 'inherit' });
} else {
  const page = readFileSync(join(ROOT, DEMO));
  const server = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page));
  server.listen(0, '127.0.0.1', () => {
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
    console.log(`Opening Chromium on a demo article (${url}) with the extension loaded; close the browser to stop.`);
    const browser = spawn(CHROMIUM, [`--user-data-dir=${mkdtempSync(join(tmpdir(), 'framing-lens-demo-'))}`, ...chromiumArgs(E2E), url], {
      stdio: 'ignore',
    });
    browser.on('exit', () => server.close());
  });
}
