import { describe, expect, it } from 'vitest';
import { builtinEngines } from '../../lib/analysis/analyze';
import { splitSentences } from '../../lib/demands/sentences';

// The English finder, as the product builds it for an English article.
const finder = builtinEngines().forLanguage('en')!.demands;
const pairs = (text: string) => finder.find(text).map((d) => `${d.party}:${d.topic}`);

describe('splitSentences', () => {
  it.each([
    ['One. Two!  Three?', ['One.', 'Two!', 'Three?']],
    ['This week, the U.S. and Ukraine signed a deal. Then more.', ['This week, the U.S. and Ukraine signed a deal.', 'Then more.']],
    ['First para\n\nSecond para.', ['First para', 'Second para.']],
    ['Points:\n\n1. A ceasefire. 2) Talks.', ['Points:', '1. A ceasefire.', '2) Talks.']],
    ['Это первое. Это второе.', ['Это первое.', 'Это второе.']],
    ['', []],
  ])('%j', (text, want) => {
    const got = splitSentences(text);
    expect(got.map((s) => s.text)).toEqual(want);
    for (const s of got) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('findDemands', () => {
  it.each([
    { text: 'Putin demanded that Kiev never join NATO.', want: ['russia:neutrality-no-nato'] },
    { text: 'Kyiv has insisted on joining the military alliance.', want: ['ukraine:join-nato'] },
    { text: 'The Kremlin called for an end to Western sanctions.', want: ['russia:lift-sanctions'] },
    {
      text: 'Putin said that if Ukraine withdraws its forces from the four regions – Luhansk, Donetsk, Zaporizhzhia and Kherson – then he would order a halt.',
      want: ['russia:withdraw-from-annexed-regions'],
    },
    {
      text: 'Kiev’s demands for ending the war include a complete withdrawal of Russian troops, an international trial for war crimes, and reparations.',
      want: ['ukraine:russian-withdrawal', 'ukraine:war-crimes-tribunal', 'ukraine:reparations'],
    },
    {
      text: 'According to the Kremlin, Kiev’s neutral, non-nuclear status and the lifting of sanctions are necessary conditions.',
      want: ['russia:neutrality-no-nato', 'russia:non-nuclear-status', 'russia:lift-sanctions'],
    },
    {
      text: 'The Russian President outlined demands. Additionally, he called for lifting all Western sanctions.',
      want: ['russia:lift-sanctions'],
    },
    { text: 'Zelensky urged allies to provide binding security guarantees.', want: ['ukraine:security-guarantees'] },
    { text: 'Lavrov said Ukraine must stop discriminating against Russian speakers.', want: ['russia:russian-speakers-rights'] },
    { text: '“We demand the return of all deported children,” Zelenskyy said.', want: ['ukraine:prisoner-release'] },
    { text: 'Zelensky demanded that Russia return Ukraine to its 1991 borders.', want: ['ukraine:russian-withdrawal'] },
    { text: 'Russia demands that Ukraine recognise Crimea as Russian.', want: ['russia:recognize-annexation'] },
    {
      text: 'Moscow has insisted on Ukraine’s neutrality and demilitarisation.',
      want: ['russia:neutrality-no-nato', 'russia:demilitarization'],
    },
    { text: 'Kyiv called for a special tribunal for the crime of aggression.', want: ['ukraine:war-crimes-tribunal'] },
    { text: 'The Kremlin said any deal must include Kyiv dropping its NATO bid.', want: ['russia:neutrality-no-nato'] },
    { text: 'Ukraine wants binding security guarantees before any ceasefire.', want: ['ukraine:security-guarantees'] },
    { text: 'Zelensky rejected Putin’s demands.', want: [] },
    // A speech verb that is itself the cue starts no reported speech: the second verb keeps the subject.
    {
      text: 'Kyiv has insisted on joining the military alliance and demanded the full withdrawal of Russian troops.',
      want: ['ukraine:join-nato', 'ukraine:russian-withdrawal'],
    },
    // A relative clause's object was named before it; after it come adjuncts and the main clause.
    { text: 'Vance said the concessions that Russia is seeking from Ukraine to end the conflict are too stringent.', want: [] },
    // A provision word before the plan it might belong to ("focused on ... did not sign the communique") states none.
    { text: 'The summit focused on nuclear safety, though Russia was not invited and did not sign the communique.', want: [] },
    // A clause of its own after ", while" says nothing of the first speaker's demand.
    {
      text: 'Macron urged Mr Trump to turn his words into action, while Zelensky, claiming that the time for dialogue was over, called for sanctions.',
      want: ['other:null'],
    },
    // Names parted by a comma alone are no list: the one next to the verb is its subject.
    {
      text: 'Ukraine, PACE reiterates its call on member States to set up a special tribunal for the crime of aggression.',
      want: ['other:war-crimes-tribunal'],
    },
    // What a plan is for, its authors want.
    { text: 'Britain and France want to present a joint plan for a ceasefire in Ukraine.', want: ['other:ceasefire'] },
    // A requirement in someone's words, with no offer around it.
    { text: 'Ukraine says talks can start only when Russian forces leave its entire territory.', want: ['ukraine:russian-withdrawal'] },
    // An aim with its owner is a demand; the aims of a summit are nobody's.
    {
      text: 'Putin declared his goal was to "demilitarise and denazify" Ukraine.',
      want: ['russia:demilitarization', 'russia:denazification'],
    },
    { text: 'Speaking about the goals of the summit, Zelenskyy said talks would go on.', want: [] },
    // A membership whose alliance was named just before.
    { text: 'Kyiv wants to join NATO. France wants a clear path towards membership.', want: ['ukraine:join-nato', 'other:join-nato'] },
    // Speech a quotation reports in turn is its inner speaker's.
    {
      text: '“He (Putin) said Ukraine has to give up the territory Russia occupies. And Ukraine must disarm,” Sullivan said.',
      want: ['russia:recognize-annexation', 'russia:demilitarization'],
    },
    // A relative clause's head read with a short complement.
    { text: 'They spoke about the land in eastern Ukraine that Putin wants to keep.', want: ['russia:recognize-annexation'] },
    // A demand named before its copula.
    {
      text: 'Russia’s demand for the demilitarisation of Ukraine is unacceptable, the chancellor said.',
      want: ['russia:demilitarization'],
    },
    // What a party would give is not its demand, even in a plan it wrote.
    {
      text: 'Russian negotiators drafted a peace plan. Under the plan, Russia would withdraw from Kharkiv and Ukraine would cap its army.',
      want: ['russia:demilitarization'],
    },
    // Offers are not demands.
    { text: 'The Kremlin is prepared to start negotiations immediately.', want: [] },
    { text: 'Putin offered a ceasefire and talks.', want: [] },
    // Peace plans with many points.
    {
      text: "Ukraine's 10-point peace formula calls for the withdrawal of Russian troops, the release of all prisoners and deportees, a special tribunal for Russian war crimes, and the restoration of nuclear safety.",
      want: ['ukraine:russian-withdrawal', 'ukraine:prisoner-release', 'ukraine:war-crimes-tribunal', 'ukraine:nuclear-safety'],
    },
    {
      text: "Zelensky's peace formula includes food security, energy security and the release of all prisoners.",
      want: ['ukraine:food-security', 'ukraine:energy-security', 'ukraine:prisoner-release'],
    },
    {
      text: "China's 12-point position paper calls for a ceasefire, the resumption of peace talks and an end to unilateral sanctions.",
      want: ['china:ceasefire', 'china:negotiations', 'china:lift-sanctions'],
    },
    // Indirect speech, "X must ...", the speaker named after the demand.
    { text: 'Peskov said Ukraine should withdraw its troops from the four regions.', want: ['russia:withdraw-from-annexed-regions'] },
    { text: 'The Kremlin said that Kyiv would have to recognise the new territorial realities.', want: ['russia:recognize-annexation'] },
    { text: 'Russia must pay for the destruction it has caused, Zelensky said.', want: ['ukraine:reparations'] },
    { text: 'Ukraine must never join NATO, said Sergei Lavrov.', want: ['russia:neutrality-no-nato'] },
    { text: 'Putin told reporters that Ukraine had to abandon its ambition to join NATO.', want: ['russia:neutrality-no-nato'] },
    { text: 'Moscow said it would only agree to talks if Kyiv gave up its claim to Crimea.', want: ['russia:recognize-annexation'] },
    // Parties beyond Russia and Ukraine.
    { text: 'The EU demanded that Russia return all deported Ukrainian children.', want: ['eu:prisoner-release'] },
    { text: 'Washington urged both sides to agree to a 30-day ceasefire.', want: ['united-states:ceasefire'] },
    { text: 'Beijing urged Moscow and Kyiv to resume talks.', want: ['china:negotiations'] },
    { text: 'Kazakhstan called on Moscow and Kyiv to negotiate.', want: ['other:negotiations'] },
    { text: 'NATO allies insisted that Ukraine receive security guarantees.', want: ['nato:security-guarantees'] },
    // An object left unsaid is the one named just before.
    { text: 'Nato has 32 members. Ukraine and Georgia are not members but have asked to join.', want: ['ukraine:join-nato'] },
    { text: 'Ukraine has asked to join.', want: [] },
    // An attribution in the middle is no closing one: the subject of the modal is not its speaker.
    { text: 'Ukraine must, Zelensky said, get security guarantees before talks.', want: ['ukraine:security-guarantees'] },
    { text: 'Despite these demands, Russia does not control the regions.', want: [] },
    { text: 'Putin asserted that if Kyiv rejects his offer, it bears responsibility.', want: [] },
    { text: 'Russian troops withdrew from Kyiv in March 2022.', want: [] },
    { text: 'The deal needs to include compensation arrangements.', want: [] },
    // What a refusal calls the demand is no part of it.
    { text: 'Zelensky dismissed Putin’s call for a UN-run administration as a ploy to delay a peace deal.', want: [] },
    { text: 'Kyiv rejected Moscow’s demand for a ceasefire as a ploy.', want: ['russia:ceasefire'] },
    // The relative clause names the one who makes the demand.
    {
      text: 'It would meet a demand which Moscow has made for years - that Ukraine give up its NATO bid.',
      want: ['russia:neutrality-no-nato'],
    },
    { text: 'Putin set out his conditions for a ceasefire.', want: [] },
    { text: '', want: [] },
  ])('$text', ({ text, want }) => {
    expect(pairs(text).sort()).toEqual([...want].sort());
  });

  it('keeps the item, the speaker and exact offsets', () => {
    const text = 'Earlier text. Putin demanded that Kiev never join NATO or obtain nuclear weapons.';
    const ds = finder.find(text);
    expect(ds.map((d) => d.text)).toEqual(['Kiev never join NATO', 'obtain nuclear weapons']);
    for (const d of ds) {
      expect(text.slice(d.start, d.end)).toBe(d.text);
      expect(d).toMatchObject({
        speaker: 'Putin',
        cue: 'demanded',
        sentence: 'Putin demanded that Kiev never join NATO or obtain nuclear weapons.',
      });
    }
  });

  it('attributes a quoted call to the speaker after the quotation', () => {
    const [d] = finder.find('“We’re urging to turn this tragic page of history,” Putin said, addressing diplomats.');
    expect(d).toMatchObject({ party: 'russia', speaker: 'Putin', topic: null, text: 'turn this tragic page of history' });
  });
});
