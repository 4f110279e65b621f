/**
 * Whose words a loaded phrase is: the outlet's own ("author") unless it stands in a quotation or the same
 * clause attributes it to someone named ("quoted"). Reported speech nobody is named for stays the author's.
 */
import { describe, expect, it } from 'vitest';
import { builtinEngines } from '../../lib/analysis/analyze';

const matcher = builtinEngines().forLanguage('en')!.matcher;

describe('the voice of a loaded phrase (English)', () => {
  it.each([
    // Quotation marks.
    ['“The Kyiv regime must go,” he said.', 'Kyiv regime', 'quoted'],
    // The clause names who speaks, before or after.
    ['Peskov called the plan a provocation.', 'provocation', 'quoted'],
    ['Moscow has repeatedly described the strikes as terror attacks.', 'terror attacks', 'quoted'],
    ['The proposal amounts to appeasement, Zelensky said on Friday.', 'appeasement', 'quoted'],
    ['For Kyiv, these conditions would amount to capitulation.', 'capitulation', 'quoted'],
    ['Kyiv has rejected such terms, saying the conflict should not become a frozen conflict.', 'frozen conflict', 'quoted'],
    ['Noting that the invasion was unprovoked, the assembly called for a tribunal.', 'unprovoked', 'quoted'],
    ['The envoy denied his counterpart’s accusations of genocide.', 'genocide', 'quoted'],
    ['Putin has long complained about NATO expansion, and sees Ukraine in the alliance as a red line.', 'red line', 'quoted'],
    ['According to the Kremlin, the special military operation is going to plan.', 'special military operation', 'quoted'],
    ['In Moscow’s telling, the collective West provoked the war.', 'the collective West', 'quoted'],
    ['Kremlin officials dismissed the report as Western propaganda.', 'Western propaganda', 'quoted'],
    ['The Russian defence ministry said its forces had liberated the village.', 'liberated', 'quoted'],
    ['Lavrov blamed the Anglo-Saxons for blowing up the pipelines.', 'Anglo-Saxons', 'quoted'],
    ['The ministry’s statement spoke of the Kiev regime’s crimes.', 'Kiev regime', 'quoted'],
    ['Medvedev, now deputy head of Russia’s Security Council, again threatened the Kyiv junta.', 'Kyiv junta', 'quoted'],
    ['Experts say the war could become a frozen conflict.', 'frozen conflict', 'quoted'],
    ['Analysts believe Putin’s red lines have shifted.', 'red lines', 'quoted'],
    ['The collective West, as Russian officials call it, has sent billions.', 'The collective West', 'quoted'],
    ['Russia has repeatedly painted modern Ukraine as a Nazi state.', 'Nazi state', 'quoted'],
    ['Kyiv has rejected any settlement involving territorial concessions.', 'territorial concessions', 'quoted'],
    ['Zelenskyy favours freezing the current line of contact.', 'freezing the current line', 'quoted'],
    ['What the Kremlin calls its special military operation is now in its fourth year.', 'special military operation', 'quoted'],
    ['Putin, who has described the war as a special military operation, spoke on Friday.', 'special military operation', 'quoted'],
    ['Ukrainian officials have long accused Moscow of genocide.', 'genocide', 'quoted'],
    ['Russian state TV hosts routinely refer to Ukrainians as neo-Nazis.', 'neo-Nazis', 'quoted'],
    ['Critics of the plan see it as appeasement.', 'appeasement', 'quoted'],
    ['The collective West has failed, Russian Foreign Minister Sergey Lavrov said at a news conference.', 'The collective West', 'quoted'],
    // The outlet's own words: no speaker in the clause, or the speaker's clause has ended.
    ['Since the full-scale invasion, more than six million people have fled.', 'full-scale invasion', 'author'],
    ['The so-called special military operation has cost Russia dearly.', 'special military operation', 'author'],
    ['Russia’s full-scale invasion began on 24 February 2022.', 'full-scale invasion', 'author'],
    ['Moscow’s sham referendums were held at gunpoint.', 'sham referendums', 'author'],
    ['Trump met Putin in Alaska. The summit looked like appeasement.', 'appeasement', 'author'],
    ['The Russian aggressor keeps shelling civilians, while Zelensky appealed for air defence.', 'aggressor', 'author'],
    ['The Kyiv regime has lost the trust of its own people.', 'Kyiv regime', 'author'],
    ['The deal is appeasement by another name.', 'appeasement', 'author'],
    ['Zelensky met Trump; the deal is appeasement by another name.', 'appeasement', 'author'],
    ['Like the media insists every day, the war is going well, yet the Kyiv regime is losing.', 'Kyiv regime', 'author'],
    ['Putin said the talks would go on. The Kyiv regime refused.', 'Kyiv regime', 'author'],
  ])('%s → %s is %s', (text, surface, voice) => {
    const m = matcher.match(text).find((x) => x.surface.toLowerCase() === surface.toLowerCase());
    expect(m, `no match for ${surface}`).toBeDefined();
    expect(m!.voice).toBe(voice);
  });
});
