import { describe, expect, it } from 'vitest';
import { analyzeDocument, builtinEngines, compileEngines } from '../../lib/analysis/analyze';
import { parseHtml } from '../../lib/cli/dom';
import { articleLanguage, detectLanguage, packsFor, primaryLanguage } from '../../lib/lexicon/language';
import { builtinPacks } from '../../lib/lexicon/builtin';
import { readFixture } from '../support/fixtures';

describe('primaryLanguage', () => {
  it.each([
    ['en-GB', 'en'],
    ['de_DE', 'de'],
    [' RU ', 'ru'],
    ['', null],
    [null, null],
    ['x-klingon', null],
  ])('%j → %j', (tag, primary) => expect(primaryLanguage(tag)).toBe(primary));
});

describe('detectLanguage', () => {
  it.each([
    ['The president said on Monday that the talks with the delegation would go on for the rest of the week.', 'en'],
    [
      'Der Präsident sagte am Montag, dass die Gespräche mit der Delegation auch in der nächsten Woche nicht enden würden und sich nichts ändere.',
      'de',
    ],
    [
      'Le président a déclaré lundi que les négociations avec la délégation se poursuivraient dans la semaine qui vient pour les deux parties.',
      'fr',
    ],
    ['Президент заявил в понедельник, что переговоры с делегацией продолжатся на этой неделе, а в Кремле это подтвердили.', 'ru'],
    ['Президент заявив у понеділок, що переговори з делегацією триватимуть і цього тижня, і в Києві це підтвердили.', 'uk'],
    // Too short, or a list of names: no language to tell.
    ['Kyiv', null],
    ['Zelensky Putin Trump Macron Scholz Erdogan Xi Modi Lula Starmer Meloni Sánchez Tusk Orbán', null],
  ])('%s', (text, lang) => expect(detectLanguage(text)).toBe(lang));
});

describe('articleLanguage', () => {
  const russian = 'Президент заявил в понедельник, что переговоры с делегацией продолжатся на этой неделе.';
  const english = 'The president said on Monday that the talks with the delegation would go on for the rest of the week.';
  it.each([
    ['the page says, the text agrees', 'en-US', english, 'en'],
    ['the page says nothing: the text tells', null, russian, 'ru'],
    ['a template keeps lang="en" on a Russian edition', 'en', russian, 'ru'],
    ['an English article on a page declared Arabic', 'ar', english, 'en'],
    ['German declared on English text keeps the declaration (same script: words are no proof)', 'de', english, 'de'],
    ['Ukrainian declared on Russian-looking text keeps the declaration (same script)', 'uk', russian, 'uk'],
  ])('%s', (_, declared, text, lang) => expect(articleLanguage(declared, text)).toBe(lang));
});

describe('packs by language', () => {
  const packs = [
    { id: 'core', languages: ['en', 'ru'] },
    { id: 'de', languages: ['de-DE'] },
  ];
  it.each([
    ['en', ['core']],
    ['ru', ['core']],
    ['de', ['de']],
    ['es', []],
  ])('%s → %j', (lang, ids) => expect(packsFor(packs, lang).map((p) => p.id)).toEqual(ids));

  it('compiles one engine per set of packs, the first time an article needs it', () => {
    const engines = compileEngines(builtinPacks());
    expect(engines.forLanguage('en')).toBe(engines.forLanguage(null));
    expect(engines.forLanguage('xx')).toBeNull();
  });

  it('says so for an article in a language no pack covers, and annotates nothing', () => {
    const html = readFixture('seeds/seed-1.html').replace('<html lang="en"', '<html lang="es"');
    expect(html).toContain('lang="es"');
    const result = analyzeDocument(parseHtml(html), builtinEngines(), 'u');
    expect(result).toMatchObject({ ok: false, reason: 'unsupported-language', lang: 'es' });
    expect(!result.ok && result.message).toMatch(/Spanish.*English/);
  });
});
