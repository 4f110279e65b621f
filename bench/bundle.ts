/** What each entrypoint makes the browser load: its JS, raw and gzipped, from the store build. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { round } from './measure';

const BUILD = fileURLToPath(new URL('../.output/chrome-mv3', import.meta.url));

/** The JS files an HTML entrypoint loads: its module script and the chunks it preloads. */
function scriptsOf(html: string): string[] {
  const page = readFileSync(join(BUILD, html), 'utf8');
  return [...page.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]);
}

export interface BundleResults {
  [entry: string]: number;
}

export function benchBundle(log: (line: string) => void): BundleResults {
  if (!existsSync(join(BUILD, 'manifest.json'))) throw new Error('no store build: run npm run build first');
  const entries: Record<string, string[]> = {
    content: ['content-scripts/content.js'],
    background: ['background.js'],
    popup: scriptsOf('popup.html'),
    sidepanel: scriptsOf('sidepanel.html'),
    options: scriptsOf('options.html'),
    offscreen: scriptsOf('offscreen.html'),
  };
  const results: BundleResults = {};
  log('\nBundles (store build; KB = 1000 bytes)');
  for (const [name, files] of Object.entries(entries)) {
    const bytes = files.map((f) => readFileSync(join(BUILD, f)));
    const raw = bytes.reduce((n, b) => n + b.length, 0);
    const gz = bytes.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
    results[`${name}_kb`] = round(raw / 1000, 1);
    results[`${name}_gz_kb`] = round(gz / 1000, 1);
    log(
      `  ${name.padEnd(10)} ${String(round(raw / 1000, 1)).padStart(7)} KB raw ${String(round(gz / 1000, 1)).padStart(7)} KB gzipped  (${files.length} file${files.length > 1 ? 's' : ''})`,
    );
  }
  return results;
}
