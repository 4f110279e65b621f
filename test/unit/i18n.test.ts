import { describe, expect, it } from 'vitest';
import messages from '../../public/_locales/en/messages.json';
import { formatMessage, t, type MessageKey } from '../../lib/i18n';

interface Spec {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
const entries = Object.entries(messages as Record<string, Spec>);
/** `$NAME$` references in a message, lower-cased like the browser matches them; `$$` is a dollar sign. */
const references = (message: string) =>
  [...message.matchAll(/\$\$|\$([A-Za-z0-9_@]+)\$/g)].flatMap((m) => (m[1] ? [m[1].toLowerCase()] : []));

describe('t() without the browser falls back to the bundled English', () => {
  it.each<[MessageKey, (string | number)[], string]>([
    ['ext_name', [], 'Framing Lens'],
    ['note_card_label', ['Place', 'Kiev'], 'Place: Kiev'],
    ['copy_done', [12, 3, 'Markdown'], 'Copied 12 highlights and 3 demands as Markdown.'],
    ['copy_done', [0, 0, 'plain text'], 'Copied 0 highlights and 0 demands as plain text.'],
    ['options_imported', [4, 'my-terms.json'], 'Imported 4 terms from my-terms.json.'],
    ['options_pack_detail', [40, '1.2.0', 'English, German'], '(40 terms, version 1.2.0; articles in English, German)'],
    ['popup_always_on', ['www.example.com'], 'Always on for www.example.com'],
    ['term_errors_one', [1], '1 field needs attention.'],
    ['term_errors_other', [3], '3 fields need attention.'],
    ['summary_quoted_phrase', ['sham referendums'], '“sham referendums”'],
    // A substitution is text, never read for placeholders again.
    ['term_remove_label', ['$1 $CONCEPT$ $$'], 'Remove $1 $CONCEPT$ $$'],
    ['legend_unplaced', [], ' not placed'],
  ])('%s %j → %j', (key, substitutions, expected) => {
    expect(t(key, ...substitutions)).toBe(expected);
  });

  it.each<[string, Spec, string[], string]>([
    [
      'placeholders out of order',
      { message: '$B$ then $A$', placeholders: { a: { content: '$1' }, b: { content: '$2' } } },
      ['x', 'y'],
      'y then x',
    ],
    ['names are case-insensitive', { message: '$Count$ items', placeholders: { COUNT: { content: '$1' } } }, ['7'], '7 items'],
    ['content around a substitution', { message: '[$P$]', placeholders: { p: { content: '<$1>' } } }, ['v'], '[<v>]'],
    ['$$ is a dollar sign', { message: '$$5 and $$$P$', placeholders: { p: { content: '$1' } } }, ['6'], '$5 and $6'],
    ['a missing substitution is empty', { message: 'a$P$b', placeholders: { p: { content: '$2' } } }, ['x'], 'ab'],
    ['an undefined placeholder stays as written', { message: 'a $Q$ b' }, [], 'a $Q$ b'],
  ])('%s', (_, spec, substitutions, expected) => {
    expect(formatMessage({ description: '', ...spec }, substitutions)).toBe(expected);
  });
});

describe('messages.json (en)', () => {
  it('holds the extension name and description for the manifest', () => {
    expect(messages.ext_name.message).toBe('Framing Lens');
    expect(messages.ext_description.message.length).toBeLessThanOrEqual(132);
  });

  it.each(entries)('%s has a snake_case key, a message and a description', (key, spec) => {
    expect(key).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
    expect(spec.message.trim()).not.toBe('');
    expect(spec.description?.trim()).toBeTruthy();
  });

  it.each(entries)('%s defines every placeholder it uses, and uses every one it defines', (_, spec) => {
    const defined = Object.keys(spec.placeholders ?? {}).map((n) => n.toLowerCase());
    const used = references(spec.message);
    for (const name of used) expect(defined, `$${name.toUpperCase()}$`).toContain(name);
    for (const name of defined) expect(used, `placeholder ${name}`).toContain(name);
    for (const p of Object.values(spec.placeholders ?? {})) expect(p.content).toMatch(/\$[1-9]/);
  });
});
