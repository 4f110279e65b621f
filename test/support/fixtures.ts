/** Test data: the project's own copies of the fixtures, read from test/fixtures/. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Gold } from './score';

export const fixturePath = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
export const readFixture = (name: string) => readFileSync(fixturePath(name), 'utf8');

export const SEEDS = ['seed-1', 'seed-2'].map((name) => ({
  name,
  path: fixturePath(`seeds/${name}.html`),
  html: readFixture(`seeds/${name}.html`),
  gold: JSON.parse(readFixture(`seeds/${name}.gold.json`)) as Gold,
}));

/** One page of the development set, as its index describes it. */
export interface DevPage {
  slug: string;
  outlet: string;
  /** wire, us, uk, eu, asia, middle-east, partisan-left, partisan-right, ukrainian, russian-state, other. */
  outlet_group: string;
  language: string;
  /** The page's address when it was saved, where known. */
  url?: string;
  about_war: boolean;
  /** `dev`: to develop on; `heldout`: scored, its failures never read while tuning. */
  split: 'dev' | 'heldout';
  html: string;
  gold: Gold;
}

/** The development set: real news pages with hand-written gold (test/fixtures/dev/README.md). */
export const DEV: DevPage[] = (JSON.parse(readFixture('dev/index.json')) as Omit<DevPage, 'html' | 'gold'>[]).map((page) => ({
  ...page,
  html: readFixture(`dev/${page.slug}/source.html`),
  gold: JSON.parse(readFixture(`dev/${page.slug}/gold.json`)) as Gold,
}));
