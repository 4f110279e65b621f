/**
 * Entrypoints stay wiring: the logic lives in lib/ and components/, where it can be tested. (The
 * layering between modules is checked by dependency-cruiser, `npm run lint:deps`.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = new URL('../../entrypoints/', import.meta.url).pathname;
const files = readdirSync(ROOT, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.tsx?$/.test(f))
  .map((f) => ({ file: f, lines: readFileSync(join(ROOT, f), 'utf8').split('\n').length - 1 }));

it.each(files)('entrypoints/$file is wiring ($lines lines)', ({ lines }) => {
  expect(lines).toBeLessThanOrEqual(130);
});

it('entrypoints/ as a whole stays under 800 lines', () => {
  expect(files.reduce((n, f) => n + f.lines, 0)).toBeLessThan(800);
});
