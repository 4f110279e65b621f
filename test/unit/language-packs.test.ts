/**
 * The language packs (German, French, Russian, Ukrainian): each validates, claims no surface form the
 * core pack already has in its language, names the core pack's demand topics, and finds the loaded
 * phrases and demands of news sentences in its language. On the dev pages in those languages, a pack
 * loaded with the core pack adds nothing the gold does not allow.
 */
import { describe, expect, it } from 'vitest';
import { analyzeArticle, analyzeDocument, builtinEngines, type Analysis, type Engine } from '../../lib/analysis/analyze';
import { parseHtml } from '../../lib/cli/dom';
import type { Article } from '../../lib/extract/extract';
import core from '../../lib/lexicon/packs/russia-ukraine.json';
import de from '../../lib/lexicon/packs/russia-ukraine-de.json';
import fr from '../../lib/lexicon/packs/russia-ukraine-fr.json';
import ru from '../../lib/lexicon/packs/russia-ukraine-ru.json';
import uk from '../../lib/lexicon/packs/russia-ukraine-uk.json';
import type { Pack } from '../../lib/lexicon/types';
import { formatLexiconError, validatePack } from '../../lib/lexicon/validate';
import { foldPhrase } from '../../lib/match/fold';
import { DEV } from '../support/fixtures';
import { score } from '../support/score';

const RAW: Record<string, unknown> = { de, fr, ru, uk };
const LANGS = Object.keys(RAW);

function load(lang: string): Pack {
  const result = validatePack(RAW[lang]);
  if (!result.ok) throw new Error(result.errors.map(formatLexiconError).join('\n'));
  return result.pack;
}

const engines = new Map<string, Engine>();
const engineFor = (lang: string): Engine => {
  // As the product builds it: the packs that cover the language, demand rules of that language only.
  if (!engines.has(lang)) engines.set(lang, builtinEngines({ extra: RAW[lang] ? [load(lang)] : [] }).forLanguage(lang)!);
  return engines.get(lang)!;
};

const article = (text: string, lang: string): Article => ({
  title: '',
  byline: null,
  siteName: null,
  lang,
  publishedTime: null,
  excerpt: null,
  text,
  paragraphs: [],
});

/** Surfaces "lang:folded form" of a pack's entries, as the validator keys them. */
const surfaces = (pack: Pack) =>
  pack.entries.flatMap((e) =>
    e.variants.flatMap((v) => [v.form, ...(v.also ?? [])].map((f) => ({ id: e.id, key: `${v.lang ?? e.lang ?? ''}:${foldPhrase(f)}` }))),
  );

describe('language packs: the data', () => {
  const coreSurfaces = new Map(surfaces(core as unknown as Pack).map((s) => [s.key, s.id]));

  it.each(LANGS)('%s validates, is for its language only, and its loaded entries are explained in English', (lang) => {
    const result = validatePack(RAW[lang]);
    expect(result.ok, result.ok ? '' : result.errors.map(formatLexiconError).join('\n')).toBe(true);
    const pack = load(lang);
    expect(pack.id).toBe(`russia-ukraine-${lang}`);
    expect(pack.languages).toEqual([lang]);
    expect(pack.entries.length).toBeGreaterThanOrEqual(10);
    for (const e of pack.entries) {
      expect(e, e.id).toMatchObject({ category: 'loaded', lang });
      // Notes are in English: Latin script, no Cyrillic beyond a quoted term.
      expect(e.note, e.id).toMatch(/\b(?:the|of|and|for|by|in)\b/);
    }
  });

  it.each(LANGS)('%s claims no surface form the core pack has in the same language, nor any entry id', (lang) => {
    const pack = load(lang);
    const clashes = surfaces(pack).filter((s) => coreSurfaces.has(s.key) || coreSurfaces.has(`:${s.key.split(':')[1]}`));
    expect(clashes.map((s) => `${s.id}: ${s.key} (core ${coreSurfaces.get(s.key)})`)).toEqual([]);
    const coreIds = new Set(core.entries.map((e) => e.id));
    expect(pack.entries.filter((e) => coreIds.has(e.id)).map((e) => e.id)).toEqual([]);
  });

  it.each(LANGS)('%s has every core demand topic, no other, and speakers for every party', (lang) => {
    const pack = load(lang);
    expect(pack.demands!.topics.map((t) => t.id)).toEqual(core.demands.topics.map((t) => t.id));
    for (const t of pack.demands!.topics) expect(t.negatedTopic, t.id).toBe(core.demands.topics.find((c) => c.id === t.id)!.negatedTopic);
    expect(pack.parties.map((p) => p.id).sort()).toEqual(core.parties.map((p) => p.id).sort());
    for (const list of ['verbCues', 'nounCues', 'modalCues', 'conditionCues', 'offerCues', 'additiveCues', 'negations'] as const)
      expect(pack.demands![list].length, list).toBeGreaterThan(0);
  });
});

interface Case {
  lang: string;
  text: string;
  /** Loaded phrases found, as [surface, voice], in text order. */
  loaded: [string, 'author' | 'quoted'][];
  /** (party, topic) demands found, topics only. */
  demands: string[];
}

const CASES: Case[] = [
  // German
  {
    lang: 'de',
    // A closing source without a verb ("so der Kanzler"), a source before "zufolge": the words are theirs.
    text: 'Auch die Kapitulation der Ukraine könne nicht akzeptiert werden, so der Kanzler. Nebensja zufolge müssten die Grundursachen beseitigt werden.',
    loaded: [
      ['Kapitulation der Ukraine', 'quoted'],
      ['Grundursachen', 'quoted'],
    ],
    demands: [],
  },
  {
    lang: 'de',
    // A relative clause after the demand word names who makes it; the dash opens what it asks.
    text: 'Das erfüllt eine Forderung, die Russland seit Kriegsbeginn erhebt - dass die Ukraine auf eine Mitgliedschaft in der NATO verzichtet.',
    loaded: [],
    demands: ['russia:neutrality-no-nato'],
  },
  {
    lang: 'de',
    // Conditions for an end of the fighting are not a demand for one; nor is a modal that ends a relative clause.
    text: 'Putin nannte Bedingungen für ein Ende der Kampfhandlungen. Er sprach von Fragen, über die geredet werden müsse, von einer Waffenruhe.',
    loaded: [],
    demands: [],
  },
  {
    lang: 'de',
    text: 'Bundeskanzler Scholz hatte betont, es sei wichtig, Russland an den Verhandlungen zu beteiligen.',
    loaded: [],
    demands: ['other:negotiations'],
  },
  {
    lang: 'de',
    // The subject of the modal names a topic of its own ("Verhandlungslösung"): not what is asked.
    text: 'Von der Leyen sagte, jede Verhandlungslösung müsse die Unabhängigkeit der Ukraine achten und durch Sicherheitsgarantien abgesichert sein.',
    loaded: [],
    demands: ['eu:security-guarantees'],
  },
  {
    lang: 'de',
    // A German noun is capitalised: "Forderung" after an adjective is its owner's demand word, not part of a name.
    text: 'Die russische Forderung nach einer Demilitarisierung der Ukraine sei inakzeptabel, sagte Scholz.',
    loaded: [['Demilitarisierung', 'quoted']],
    demands: ['russia:demilitarization'],
  },
  {
    lang: 'de',
    // The verb at the end is shared by both items; the Konjunktiv of the next sentence still reports Putin.
    text: 'Putin sagte, Kiew solle seine NATO-Pläne und vier Regionen aufgeben. Alle Sanktionen müssten aufgehoben werden.',
    loaded: [],
    demands: ['russia:neutrality-no-nato', 'russia:recognize-annexation', 'russia:lift-sanctions'],
  },
  {
    lang: 'de',
    text: 'Putin forderte den Abzug der ukrainischen Truppen aus den Gebieten Donezk und Luhansk.',
    loaded: [],
    demands: ['russia:withdraw-from-annexed-regions'],
  },
  {
    lang: 'de',
    text: 'Der Kreml verlangt, dass die Ukraine auf einen NATO-Beitritt verzichtet.',
    loaded: [],
    demands: ['russia:neutrality-no-nato'],
  },
  {
    lang: 'de',
    text: 'Selenskyj forderte eine umfassende Waffenruhe und verlässliche Sicherheitsgarantien für die Ukraine.',
    loaded: [],
    demands: ['ukraine:ceasefire', 'ukraine:security-guarantees'],
  },
  {
    lang: 'de',
    text: 'Kremlsprecher Peskow sagte, die Ukraine müsse die neuen Realitäten anerkennen und die annektierten Gebiete abtreten.',
    // "annektiert" describes (lib/lexicon/descriptive.json): nothing here is loaded.
    loaded: [],
    demands: ['russia:recognize-annexation'],
  },
  {
    lang: 'de',
    text: 'Die EU-Kommission pocht auf ein Sondertribunal für das Verbrechen der Aggression.',
    // 'Aggression' is on the framing glossary in both languages (the gold of the German dev pages marks it too).
    loaded: [['Aggression', 'author']],
    demands: ['eu:war-crimes-tribunal'],
  },
  { lang: 'de', text: 'Peking rief zu Verhandlungen und zu einer politischen Lösung auf.', loaded: [], demands: ['china:negotiations'] },
  {
    lang: 'de',
    text: 'Nach den Scheinreferenden im September 2022 annektierte Russland vier ukrainische Gebiete völkerrechtswidrig.',
    loaded: [['Scheinreferenden', 'author']],
    demands: [],
  },
  {
    lang: 'de',
    text: 'Orban, der als Putin-Freund gilt, blockiert seit Monaten neue Sanktionen.',
    loaded: [['Putin-Freund', 'author']],
    demands: [],
  },
  {
    lang: 'de',
    text: 'Der Kreml spricht weiterhin von einer „militärischen Sonderoperation“ und nicht von einem Krieg.',
    loaded: [['militärischen Sonderoperation', 'quoted']],
    demands: [],
  },
  {
    lang: 'de',
    text: 'In den besetzten Gebieten setzen die Behörden russische Pässe durch.',
    // "besetzt" describes: nothing here is loaded.
    loaded: [],
    demands: [],
  },
  { lang: 'de', text: 'Die Bundesregierung will den Haushalt bis Ende Juni beschließen.', loaded: [], demands: [] },
  { lang: 'de', text: 'Der Verein fordert mehr Geld für die Jugendarbeit.', loaded: [], demands: [] },
  // French
  {
    lang: 'fr',
    text: 'Vladimir Poutine exige le retrait des troupes ukrainiennes des régions de Donetsk et de Louhansk.',
    loaded: [],
    demands: ['russia:withdraw-from-annexed-regions'],
  },
  { lang: 'fr', text: "Moscou réclame que l'Ukraine renonce à son adhésion à l'Otan.", loaded: [], demands: ['russia:neutrality-no-nato'] },
  {
    lang: 'fr',
    text: 'Zelensky a appelé à un cessez-le-feu immédiat et à des garanties de sécurité solides.',
    loaded: [],
    demands: ['ukraine:ceasefire', 'ukraine:security-guarantees'],
  },
  {
    lang: 'fr',
    text: 'Selon le Kremlin, Kiev doit reconnaître la souveraineté russe sur la Crimée.',
    loaded: [],
    demands: ['russia:recognize-annexation'],
  },
  { lang: 'fr', text: 'Pékin appelle à la reprise des pourparlers de paix.', loaded: [], demands: ['china:negotiations'] },
  {
    lang: 'fr',
    text: "L'Union européenne exige la création d'un tribunal spécial pour le crime d'agression.",
    loaded: [],
    demands: ['eu:war-crimes-tribunal'],
  },
  {
    lang: 'fr',
    text: 'Le Kremlin parle toujours d’une «opération militaire spéciale» en Ukraine.',
    loaded: [['opération militaire spéciale', 'quoted']],
    demands: [],
  },
  {
    lang: 'fr',
    text: 'Après les simulacres de référendum, Moscou a proclamé l’annexion illégale de quatre régions.',
    loaded: [
      ['simulacres de référendum', 'author'],
      ['annexion illégale', 'author'],
    ],
    demands: [],
  },
  {
    lang: 'fr',
    text: 'Dans les territoires occupés, les séparatistes prorusses ont organisé des élections.',
    loaded: [['séparatistes prorusses', 'author']],
    demands: [],
  },
  {
    lang: 'fr',
    text: 'Le président russe a dénoncé la «guerre par procuration» menée par l’Occident.',
    loaded: [['guerre par procuration', 'quoted']],
    demands: [],
  },
  { lang: 'fr', text: 'Le maire a demandé aux habitants de rester chez eux pendant la canicule.', loaded: [], demands: [] },
  { lang: 'fr', text: 'La Commission a présenté son budget pour l’agriculture.', loaded: [], demands: [] },
  // Russian
  {
    lang: 'ru',
    text: 'Путин потребовал вывода украинских войск из Донецкой и Луганской областей.',
    loaded: [],
    demands: ['russia:withdraw-from-annexed-regions'],
  },
  {
    lang: 'ru',
    text: 'Песков заявил, что Украина должна отказаться от вступления в НАТО.',
    loaded: [],
    demands: ['russia:neutrality-no-nato'],
  },
  {
    lang: 'ru',
    text: 'Зеленский призвал к полному прекращению огня и обмену пленными по формуле «всех на всех».',
    loaded: [],
    demands: ['ukraine:ceasefire', 'ukraine:prisoner-release'],
  },
  {
    lang: 'ru',
    text: 'Лавров настаивает на отмене санкций и возврате замороженных активов.',
    loaded: [],
    demands: ['russia:lift-sanctions', 'russia:unfreeze-assets'],
  },
  { lang: 'ru', text: 'Китай призывает стороны к переговорам и диалогу.', loaded: [], demands: ['china:negotiations'] },
  {
    lang: 'ru',
    text: 'Евросоюз требует создать специальный трибунал по преступлению агрессии.',
    loaded: [],
    demands: ['eu:war-crimes-tribunal'],
  },
  {
    lang: 'ru',
    text: 'Министр назвал освобожденные территории неотъемлемой частью России, а нацбаты, по его словам, отступают.',
    // The minister's words, reported without quotation marks but attributed in the clause ("назвал", "по его словам").
    loaded: [
      ['освобожденные территории', 'quoted'],
      ['нацбаты', 'quoted'],
    ],
    demands: [],
  },
  {
    lang: 'ru',
    text: 'В ходе военной спецоперации российские войска заняли новые позиции, сообщило Минобороны.',
    loaded: [['военной спецоперации', 'author']],
    demands: [],
  },
  {
    lang: 'ru',
    text: 'На оккупированных территориях действуют оккупационные власти.',
    loaded: [['оккупационные власти', 'author']],
    demands: [],
  },
  {
    lang: 'ru',
    text: 'Кремль говорит о «первопричинах конфликта», а не о российском вторжении.',
    loaded: [['первопричинах конфликта', 'quoted']],
    demands: [],
  },
  { lang: 'ru', text: 'Мэр потребовал отремонтировать дороги в центре города.', loaded: [], demands: [] },
  { lang: 'ru', text: 'Центробанк сохранил ключевую ставку.', loaded: [], demands: [] },
  // Ukrainian
  {
    lang: 'uk',
    text: 'Путін вимагає виведення українських військ з Донецької та Луганської областей.',
    loaded: [],
    demands: ['russia:withdraw-from-annexed-regions'],
  },
  {
    lang: 'uk',
    text: 'Зеленський закликав до повного припинення вогню та обміну полоненими «всіх на всіх».',
    loaded: [],
    demands: ['ukraine:ceasefire', 'ukraine:prisoner-release'],
  },
  {
    lang: 'uk',
    text: 'Україна наполягає на виході російських військ з усієї території України.',
    loaded: [],
    demands: ['ukraine:russian-withdrawal'],
  },
  { lang: 'uk', text: 'Кремль вимагає, щоб Україна відмовилася від вступу до НАТО.', loaded: [], demands: ['russia:neutrality-no-nato'] },
  {
    lang: 'uk',
    text: 'Євросоюз закликав створити спеціальний трибунал щодо злочину агресії.',
    loaded: [],
    demands: ['eu:war-crimes-tribunal'],
  },
  { lang: 'uk', text: 'Китай закликає сторони до переговорів.', loaded: [], demands: ['china:negotiations'] },
  {
    lang: 'uk',
    text: 'Після так званих референдумів окупаційні війська посилили репресії на окупованих територіях.',
    loaded: [
      ['так званих референдумів', 'author'],
      ['окупаційні війська', 'author'],
    ],
    demands: [],
  },
  { lang: 'uk', text: 'Рашистські війська знову обстріляли Херсон, повідомляє ОВА.', loaded: [['Рашистські', 'author']], demands: [] },
  { lang: 'uk', text: 'Російський диктатор вкотре погрожував Заходу.', loaded: [['Російський диктатор', 'author']], demands: [] },
  { lang: 'uk', text: 'Мер вимагає відремонтувати дороги до зими.', loaded: [], demands: [] },
  { lang: 'uk', text: 'Нацбанк зберіг облікову ставку.', loaded: [], demands: [] },
];

/**
 * Each sentence is read as part of an article about the war: a closing paragraph names Kyiv, so that
 * phrases annotated only in the war's context (lib/match/context.ts) are. It comes last, so it
 * cannot lend the sentence a speaker.
 */
const WAR_CONTEXT: Record<string, string> = {
  en: 'Our correspondent reported from Kyiv.',
  de: 'Unser Korrespondent berichtete aus Kiew.',
  fr: 'Notre correspondant était à Kiev.',
  ru: 'Наш корреспондент был в Киеве.',
  uk: 'Наш кореспондент був у Києві.',
};

describe('language packs: news sentences', () => {
  it.each(CASES)('[$lang] $text', ({ lang, text, loaded, demands }) => {
    const a = analyzeArticle(article(`${text}\n\n${WAR_CONTEXT[lang]}`, lang), engineFor(lang));
    expect(a.matches.filter((m) => m.category === 'loaded').map((m) => [m.surface, m.voice])).toEqual(loaded);
    expect([...new Set(a.demands.filter((d) => d.topic).map((d) => `${d.party}:${d.topic}`))].sort()).toEqual([...demands].sort());
  });
});

/** Places as part of an institution's name (not annotated) and as where the story happens (annotated). */
const PLACES: { lang: string; text: string; places: string[] }[] = [
  { lang: 'ru', text: 'Дело передали в Печерский районный суд Киева, а затем в Подольский суд.', places: [] },
  { lang: 'ru', text: 'Судья Суворовского райсуда Одессы взял самоотвод.', places: [] },
  { lang: 'ru', text: 'Судьба Киева решалась в первые дни вторжения.', places: ['Киева'] },
  { lang: 'ru', text: 'Встреча прошла в Киеве, после чего делегация отправилась в Одессу.', places: ['Киеве', 'Одессу'] },
  { lang: 'uk', text: 'Справу розглядає Печерський районний суд Києва.', places: [] },
  { lang: 'uk', text: 'Рішення ухвалила сесія міськради Одеси.', places: [] },
  { lang: 'uk', text: 'Після обстрілу Києва рятувальники працювали всю ніч.', places: ['Києва'] },
  // English puts the place first, and its spelling there is the outlet's choice.
  { lang: 'en', text: "A Kiev district court and Kyiv's appeals court heard the case.", places: ['Kiev', 'Kyiv'] },
];

describe("language packs: a place in an institution's name", () => {
  it.each(PLACES)('[$lang] $text', ({ lang, text, places }) => {
    const engine = engineFor(lang);
    expect(
      analyzeArticle(article(text, lang), engine)
        .matches.filter((m) => m.category === 'region')
        .map((m) => m.surface),
    ).toEqual(places);
  });
});

/** Each dev page in a pack's language, with the pack the article's language selects. */
const PAGES: { slug: string; lang: string }[] = [
  { slug: 'fundus-de-DW_2023_04_28', lang: 'de' },
  { slug: 'fundus-de-DW_2024_01_30', lang: 'de' },
  { slug: 'fundus-de-StuttgarterZeitung_2025_10_23', lang: 'de' },
  { slug: 'fundus-de-TOnline_2026_01_07', lang: 'de' },
  { slug: 'fundus-de-ZDF_2024_04_22', lang: 'de' },
  { slug: 'fundus-fr-LeFigaro_2024_11_22', lang: 'fr' },
  { slug: 'fundus-ru-Kommersant_2025_05_14', lang: 'ru' },
  { slug: 'fundus-ua-Pravda_2026_01_08', lang: 'ru' },
  { slug: 'fundus-ua-Pravda_2025_10_24', lang: 'uk' },
];

describe('language packs on the dev pages', () => {
  it.each(PAGES)('$slug with the $lang pack: loaded phrases and voice as gold, no extras, demands F1 = 1', ({ slug, lang }) => {
    const page = DEV.find((p) => p.slug === slug)!;
    const result = analyzeDocument(parseHtml(page.html), engineFor(lang), 'https://news.example/story');
    if (!result.ok) throw new Error(result.message);
    const a: Analysis = result.analysis;
    const s = score(page.gold, a);
    console.log(
      `${slug} [+${lang}]: terms R=${s.recall.toFixed(2)} extra=${s.extras.length} voice=${s.voice.ok}/${s.voice.of} ` +
        `demands P=${s.demands.precision.toFixed(2)} R=${s.demands.recall.toFixed(2)} F1=${s.demands.f1.toFixed(2)}` +
        (s.missing.length ? ` missing: ${s.missing.join('; ')}` : ''),
    );
    // Names and places are the core pack's business: only loaded phrases are asked of the language pack.
    expect(s.missing.filter((m) => m.includes('(loaded)'))).toEqual([]);
    expect(s.extras).toEqual([]);
    expect(s.voice.wrong).toEqual([]);
    expect(s.demands.f1, `missed ${s.demands.missed} extra ${s.demands.extra}`).toBe(1);
  });
});
