/**
 * The constructions issue 14 names, each as a reporter might write it: attribution through reported and
 * indirect speech, nominalised, negated and conditional demands, lists, demands over two sentences,
 * parties beyond Russia and Ukraine, and what is not a demand (offers, refusals, predictions,
 * agreements reached, the journalist's analysis). Written apart from the dev set's pages, as a check
 * that the rules say what a demand is in general, not what one page says.
 */
import { describe, expect, it } from 'vitest';
import { builtinEngines } from '../../lib/analysis/analyze';
import { splitSentences } from '../../lib/demands/sentences';

const engines = builtinEngines();

const CASES: [text: string, want: string[]][] = [
  ['Moscow wants Kyiv to withdraw its troops from the Donetsk region.', ['russia:withdraw-from-annexed-regions']],
  ['The Kremlin wants Ukraine to abandon its bid to join NATO.', ['russia:neutrality-no-nato']],
  ['Ukraine will never recognise the occupied territories as Russian, which Russia is demanding.', ['russia:recognize-annexation']],
  [
    "Kyiv's conditions include the full withdrawal of Russian forces and reparations for the damage.",
    ['ukraine:russian-withdrawal', 'ukraine:reparations'],
  ],
  ['The Kremlin insists that any settlement must lift Western sanctions.', ['russia:lift-sanctions']],
  ['According to a draft seen by Reuters, Russia wants Ukraine to cap its army at 600,000 troops.', ['russia:demilitarization']],
  ["Russia's demand for a neutral Ukraine has not changed.", ['russia:neutrality-no-nato']],
  ['Pope Leo called for a ceasefire and a return to negotiations.', ['other:ceasefire', 'other:negotiations']],
  ['Turkey urged both sides to agree a prisoner exchange.', ['other:prisoner-release']],
  ['China has called for peace talks and opposed the use of nuclear weapons.', ['china:negotiations']],
  ['NATO Secretary General Mark Rutte said Ukraine must receive robust security guarantees.', ['nato:security-guarantees']],
  ['Trump’s envoy Steve Witkoff pressed Kyiv to give up the rest of the Donbas.', ['united-states:recognize-annexation']],
  ['Saudi Arabia and Qatar offered to host talks between the two sides.', []],
  ['Putin offered a three-day truce over Easter.', []],
  ['Zelensky rejected the demand to hand over territory.', []],
  ['Analysts expect the Kremlin to push for more territory in the spring.', []],
  ['The two sides agreed last week to swap 1,000 prisoners each.', []],
  ['A deal could see Ukraine give up land in exchange for security guarantees.', []],
  ['Ukraine should, in the view of this newspaper, be given a path to NATO membership.', []],
  ['The United States is pushing for a 30-day ceasefire.', ['united-states:ceasefire']],
  [
    'Washington has proposed that Ukraine withdraw from the Donbas in exchange for a freeze elsewhere.',
    ['united-states:withdraw-from-annexed-regions'],
  ],
  ['Russia says it will only stop fighting if Ukraine pulls out of the four regions.', ['russia:withdraw-from-annexed-regions']],
  ['Moscow has made clear it will not accept Western troops in Ukraine.', ['russia:no-foreign-troops']],
  [
    'Russia has repeatedly demanded the lifting of sanctions. It also wants the return of frozen assets.',
    ['russia:lift-sanctions', 'russia:unfreeze-assets'],
  ],
  [
    'Putin laid out his terms: Ukraine must stay out of NATO; it must cut its army; and it must recognise Crimea as Russian.',
    ['russia:neutrality-no-nato', 'russia:demilitarization', 'russia:recognize-annexation'],
  ],
  ['The 20-point plan calls for a ceasefire along the current front line and security guarantees for Ukraine.', []],
  ['Ukraine’s foreign minister said Kyiv would not accept any deal that rewards aggression.', []],
  ['Macron and Starmer called on Russia to accept an unconditional ceasefire.', ['other:ceasefire']],
  ['European leaders demanded that Russia return the deported Ukrainian children.', ['other:prisoner-release']],
  ['Kyiv is seeking guarantees similar to NATO’s Article 5.', ['ukraine:security-guarantees']],
  ['Russia is demanding that Ukraine hold elections before any deal is signed.', []],
  ['Erdogan has offered to mediate and urged Russia and Ukraine to resume talks in Istanbul.', ['other:negotiations']],
  ['The Kremlin said it would consider a ceasefire only if arms deliveries to Ukraine stopped.', ['russia:demilitarization']],
  ['“Ukraine must never be a member of NATO,” Lavrov said.', ['russia:neutrality-no-nato']],
  [
    'Zelensky said the aggressor must pay for the destruction, calling for a special tribunal.',
    ['ukraine:reparations', 'ukraine:war-crimes-tribunal'],
  ],
  ['The UN General Assembly demanded that Russia immediately withdraw all its forces from Ukraine.', ['other:russian-withdrawal']],
  ['Beijing’s 12-point position paper calls for respecting the sovereignty of all countries and a ceasefire.', ['china:ceasefire']],
  ['The Vatican has urged the return of prisoners of war and of children taken to Russia.', ['other:prisoner-release']],
  ['Hungary’s Viktor Orban called for an immediate ceasefire.', ['other:ceasefire']],
  [
    'Russian Foreign Minister Sergei Lavrov reiterated that Moscow’s goals remain the demilitarisation and denazification of Ukraine.',
    ['russia:demilitarization', 'russia:denazification'],
  ],
  ['Kyiv insists that any peace must begin with a full and unconditional ceasefire.', ['ukraine:ceasefire']],
  [
    'Ukraine has said it wants Russia to pay reparations and its leaders to face a tribunal.',
    ['ukraine:reparations', 'ukraine:war-crimes-tribunal'],
  ],
  ['Russia has long sought guarantees that NATO will not expand eastward.', ['russia:neutrality-no-nato']],
  [
    'The Kremlin has also demanded protection for Russian speakers and for the Russian Orthodox Church in Ukraine.',
    ['russia:russian-speakers-rights'],
  ],
  ['Russian officials have insisted on Ukraine’s recognition of Crimea as part of Russia.', ['russia:recognize-annexation']],
  ['Washington wants Moscow to commit to a full ceasefire, a senior US official told reporters.', ['united-states:ceasefire']],
  ['Zelensky has repeatedly called for more air defence systems.', []],
  ['The Kremlin accused Kyiv of dragging out talks.', []],
  ['Ukrainian officials urged the IAEA to secure the Zaporizhzhia nuclear plant.', ['ukraine:nuclear-safety']],
  // Second set
  [
    'Among Moscow’s demands are international recognition of its annexation of Crimea and a ban on Ukraine joining NATO.',
    ['russia:recognize-annexation', 'russia:neutrality-no-nato'],
  ],
  [
    'The memorandum lists Russia’s conditions:\n\n- Ukraine’s withdrawal from the four regions\n- neutral status\n- the lifting of sanctions',
    ['russia:withdraw-from-annexed-regions', 'russia:neutrality-no-nato', 'russia:lift-sanctions'],
  ],
  [
    'The US proposal envisages a ceasefire along the current front line. It would also require Kyiv to drop its NATO ambitions.',
    ['united-states:ceasefire', 'united-states:neutrality-no-nato'],
  ],
  [
    'Zelensky has set out a 10-point peace formula. It includes the withdrawal of Russian troops, the release of all prisoners and a special tribunal.',
    ['ukraine:russian-withdrawal', 'ukraine:prisoner-release', 'ukraine:war-crimes-tribunal'],
  ],
  ['Putin reiterated his call for Ukraine to be demilitarised.', ['russia:demilitarization']],
  ['The Russian president said Moscow would halt its offensive once Kyiv abandoned its plans to join NATO.', ['russia:neutrality-no-nato']],
  ['Ukraine’s negotiators pushed for a full exchange of prisoners, an all-for-all swap.', ['ukraine:prisoner-release']],
  [
    'Kremlin spokesman Dmitry Peskov said any peace agreement must address the root causes of the conflict, including NATO expansion.',
    ['russia:neutrality-no-nato'],
  ],
  ['Zelenskyy rejected calls to cede territory, saying Ukraine’s constitution forbids it.', []],
  ['The Kremlin has ruled out any deployment of European peacekeepers in Ukraine.', ['russia:no-foreign-troops']],
  ['“We demand the return of our children,” Zelensky told the assembly.', ['ukraine:prisoner-release']],
  [
    'Moscow also wants Western sanctions eased and Russia’s frozen central bank assets returned.',
    ['russia:lift-sanctions', 'russia:unfreeze-assets'],
  ],
  ['Officials in Kyiv say a durable peace requires security guarantees backed by the United States.', ['ukraine:security-guarantees']],
  ['Under the plan, Ukraine would cap its armed forces at 600,000 personnel and forgo long-range missiles.', []],
  ['Britain and France have said they are ready to send troops to Ukraine after a ceasefire.', []],
  ['The Kremlin said the talks in Istanbul had been useful.', []],
  ['Lavrov said the West must stop supplying weapons to Kyiv.', ['russia:demilitarization']],
  ['Kyiv and its allies have demanded that Moscow accept an unconditional 30-day truce.', ['ukraine:ceasefire']],
  ['India’s prime minister urged an end to the war through dialogue and diplomacy.', ['other:end-of-war-treaty', 'other:negotiations']],
  ['The Pope offered the Vatican as a venue for direct talks.', []],
  ['Trump wants a deal by Thanksgiving, Vance said.', []],
  ['In his speech, Putin demanded that Ukraine recognise “the new territorial realities”.', ['russia:recognize-annexation']],
  [
    'The Kremlin wants any agreement to bar Ukraine from ever joining NATO, a demand Kyiv and its allies reject.',
    ['russia:neutrality-no-nato'],
  ],
  ['China wants an end to the fighting and has called for a political settlement.', ['china:end-of-war-treaty']],
  // Parties by their capitals and institutions, speakers named at the end, refusals of a plan's terms.
  ['The White House wants both sides to sign a framework agreement by the end of the month.', ['united-states:end-of-war-treaty']],
  ['Downing Street said any settlement must include robust security guarantees for Ukraine.', ['other:security-guarantees']],
  ['Brussels has insisted that sanctions will remain until Russia withdraws its troops.', ['eu:russian-withdrawal']],
  ['Beijing urged all parties to exercise restraint and return to the negotiating table.', ['china:negotiations']],
  ['Ankara has repeatedly called for a ceasefire and offered to host a summit.', ['other:ceasefire']],
  ['The G7 demanded that Russia stop its attacks on Ukraine’s energy infrastructure.', ['g7:energy-security']],
  ['The coalition of the willing has pledged to deploy a reassurance force once a ceasefire is agreed.', []],
  ['Moscow is demanding full control of the Donetsk region as the price for a ceasefire.', ['russia:withdraw-from-annexed-regions']],
  ['The Russian side again raised the issue of lifting sanctions on its agricultural exports.', []],
  ['Kyiv wants Moscow to return the Zaporizhzhia nuclear plant to Ukrainian control.', ['ukraine:nuclear-safety']],
  ['He demanded that Ukraine withdraw from the regions, Peskov told reporters.', ['russia:withdraw-from-annexed-regions']],
  ['Putin spoke for an hour. He demanded that Ukraine drop its NATO bid.', ['russia:neutrality-no-nato']],
  [
    'Russia said it was ready for talks. But it wants Ukraine to recognise its annexation of four regions first.',
    ['russia:recognize-annexation'],
  ],
  [
    'The Kremlin’s key demands – that Ukraine stay out of NATO and cede the Donbas – have not changed.',
    ['russia:neutrality-no-nato', 'russia:recognize-annexation'],
  ],
  ['Zelensky has ruled out ceding any territory.', []],
  ['Ukraine has never agreed to give up Crimea.', []],
  ['Zelensky said Ukraine would not withdraw from the Donbas.', []],
  ['Zelensky said Ukraine needs security guarantees before any ceasefire.', ['ukraine:security-guarantees']],
  ['Witkoff said Russia had agreed to allow Western security guarantees for Ukraine.', []],
  ['Russian officials signalled they could accept a ceasefire if the front lines were frozen.', []],
  ['Trump has suggested Ukraine may have to give up territory.', []],
  ['Macron said Europe should be at the table when Ukraine’s future is discussed.', ['other:negotiations']],
  ['Moscow will not accept any peace deal that includes foreign troops in Ukraine, Lavrov said.', ['russia:no-foreign-troops']],
  ['Ukraine’s parliament passed a resolution calling for a special tribunal for the crime of aggression.', ['ukraine:war-crimes-tribunal']],
  ['The European Parliament called on member states to use frozen Russian assets to rebuild Ukraine.', ['eu:reparations']],
  ['Orban urged the EU to lift sanctions on Russian energy.', ['other:lift-sanctions']],
  ['Russia also insists that the rights of Russian speakers in Ukraine be protected.', ['russia:russian-speakers-rights']],
  ['Kremlin aide Yuri Ushakov said Moscow’s position on the territories was unchanged.', []],
  [
    'The plan drafted by Witkoff and Dmitriev would require Ukraine to hand over the parts of Donetsk it controls.',
    ['united-states:recognize-annexation', 'russia:recognize-annexation'],
  ],
  ['The Ukrainian president called on partners to press Russia into a ceasefire.', ['ukraine:ceasefire']],
  [
    'Russia’s chief negotiator Vladimir Medinsky demanded that Kyiv withdraw from Zaporizhzhia and Kherson.',
    ['russia:withdraw-from-annexed-regions'],
  ],
  ['Zelensky told the BBC that Russia must return the children it has deported.', ['ukraine:prisoner-release']],
  ['The UN secretary-general called for an immediate, full and unconditional ceasefire.', ['other:ceasefire']],
  [
    'Russia wants the West to stop expanding NATO and to pull its forces back from the alliance’s eastern flank.',
    ['russia:neutrality-no-nato'],
  ],
  ['“There can be no peace without justice,” Zelensky said, demanding that Putin be held accountable.', ['ukraine:war-crimes-tribunal']],
  ['A Kremlin spokesman said Russia was open to talks but would never accept Ukraine’s membership of NATO.', ['russia:neutrality-no-nato']],
  ['The ministers said Ukraine’s sovereignty and territorial integrity must be respected.', []],
  ['The US and Ukraine agreed on Tuesday on a 30-day ceasefire proposal, which now awaits Russia’s answer.', []],
  ['Kyiv has long demanded that Russia pay for the damage caused by its invasion.', ['ukraine:reparations']],
  // Headlines, positions and preconditions, holding out, contrasts, what a side only offers or floats.
  ['Putin demands Ukraine quit NATO bid', ['russia:neutrality-no-nato']],
  ['Zelensky calls on allies to seize Russian assets for reconstruction', ['ukraine:reparations']],
  ['Kremlin presses for recognition of annexed regions', ['russia:recognize-annexation']],
  ['Russia is seeking a guarantee that Ukraine will never join NATO.', ['russia:neutrality-no-nato']],
  ['Moscow has made the lifting of sanctions a precondition for any deal.', ['russia:lift-sanctions']],
  ['Putin is holding out for the whole of the Donbas.', ['russia:withdraw-from-annexed-regions']],
  ['Putin has said the war will not end until Ukraine gives up its claims to the four regions.', ['russia:recognize-annexation']],
  ['Point 7 of the plan: Ukraine agrees to enshrine in its constitution that it will not join NATO.', []],
  [
    'The 28-point plan, drafted by US and Russian officials, would require Ukraine to cede territory.',
    ['united-states:recognize-annexation', 'russia:recognize-annexation'],
  ],
  ['Kyiv is pressing Washington for Patriot systems and security guarantees.', ['ukraine:security-guarantees']],
  ['Zelensky wants a ceasefire first, not a deal that rewards Russia.', ['ukraine:ceasefire']],
  ['Russia insists on keeping the territory it has seized.', ['russia:recognize-annexation']],
  ['The Kremlin is demanding that Kyiv cut its army to 85,000 troops.', ['russia:demilitarization']],
  ['Ukraine has said the return of its deported children is a precondition for peace.', ['ukraine:prisoner-release']],
  ['EU leaders said any ceasefire must be followed by talks on a lasting peace.', ['eu:end-of-war-treaty', 'eu:negotiations']],
  [
    'Russia wants recognition of Crimea, while Ukraine wants its territory back.',
    ['russia:recognize-annexation', 'ukraine:russian-withdrawal'],
  ],
  ['For Moscow, the key demand remains Ukraine’s neutrality.', ['russia:neutrality-no-nato']],
  ['The main Russian condition is that Ukraine withdraw from Donetsk.', ['russia:withdraw-from-annexed-regions']],
  ['Russia’s position is that Ukraine must abandon its NATO ambitions.', ['russia:neutrality-no-nato']],
  ['Trump said he wanted the killing to stop.', ['united-states:ceasefire']],
  ['The Kremlin repeated that it wants a comprehensive settlement, not a temporary truce.', ['russia:end-of-war-treaty']],
  ['Zelensky said he was ready to meet Putin.', []],
  ['Moscow says it is open to talks.', []],
  ['The Ukrainian side handed over a memorandum with its proposals.', []],
  ['Ukraine proposed a ceasefire in the air and at sea.', []],
  ['Kellogg floated a plan that would split Ukraine into zones of control.', []],
  [
    'Russia has demanded that the West stop supplying Kyiv with weapons and that Ukraine halt its mobilisation.',
    ['russia:demilitarization'],
  ],
  ['The Ukrainian president insisted that no decisions about Ukraine be made without Ukraine.', []],
  // Lists in a relative clause and after a colon, sources, asides of attribution, negated demand verbs.
  [
    'Moscow’s demands, which include Ukraine’s neutrality and the lifting of sanctions, have not changed.',
    ['russia:neutrality-no-nato', 'russia:lift-sanctions'],
  ],
  [
    'Russia has set three conditions: Ukraine must withdraw from four regions, drop its NATO bid and accept limits on its army.',
    ['russia:withdraw-from-annexed-regions', 'russia:neutrality-no-nato', 'russia:demilitarization'],
  ],
  ['Neutrality and the lifting of sanctions are among Russia’s demands.', ['russia:neutrality-no-nato', 'russia:lift-sanctions']],
  ['Ukraine’s red lines include any recognition of Russian sovereignty over occupied land.', []],
  ['The Kremlin has stuck to its demand that Ukraine cede the rest of the Donetsk region.', ['russia:recognize-annexation']],
  ['Russia continues to insist on the demilitarisation of Ukraine.', ['russia:demilitarization']],
  ['Under the proposal, Russia would return the Zaporizhzhia nuclear plant to Ukraine, according to a draft seen by Reuters.', []],
  ['The draft says Ukraine should not join NATO and that NATO should not station troops in Ukraine.', []],
  ['Officials familiar with the talks said Moscow wants sanctions relief in any deal.', ['russia:lift-sanctions']],
  ['Russia wants sanctions eased, sources said.', ['russia:lift-sanctions']],
  ['Zelensky has proposed an exchange of all prisoners of war. Moscow has not responded.', []],
  ['Kyiv says any deal must include the return of all Ukrainian territory, including Crimea.', ['ukraine:russian-withdrawal']],
  ['The sticking points are the fate of the Donbas and the Zaporizhzhia nuclear plant.', []],
  [
    'Putin repeated his demands. Ukraine, he said, must leave the four regions and give up NATO membership.',
    ['russia:withdraw-from-annexed-regions', 'russia:neutrality-no-nato'],
  ],
  ['Peskov said the Kremlin’s position had not changed: Ukraine must be neutral.', ['russia:neutrality-no-nato']],
  ['“Our position is clear: no NATO troops in Ukraine,” Lavrov told reporters.', ['russia:no-foreign-troops']],
  ['The Russian side insisted on including a clause on the rights of Russian speakers.', ['russia:russian-speakers-rights']],
  [
    'Russia’s negotiators reportedly demanded that Ukraine pull its troops out of Kherson and Zaporizhzhia as a condition for a ceasefire.',
    ['russia:withdraw-from-annexed-regions'],
  ],
  ['The Ukrainian leader said he would not cede an inch of territory.', []],
  ['Europeans want a seat at the table in any talks on Ukraine.', ['other:negotiations']],
  ['Washington is also pushing Kyiv to hold elections.', []],
  ['The US wants Ukraine to sign a minerals deal.', []],
  ['Putin called on Ukrainian soldiers to lay down their arms.', []],
  ['Medinsky told the Ukrainian delegation that Russia wanted all four regions.', ['russia:withdraw-from-annexed-regions']],
  ['Trump said Ukraine would have to make concessions on territory.', ['united-states:recognize-annexation']],
  ['Rubio said both sides would have to give something up.', []],
  ['Kyiv has demanded that any agreement be backed by Western guarantees.', ['ukraine:security-guarantees']],
  [
    'Ukraine wants a tribunal for the crime of aggression and compensation from Russia.',
    ['ukraine:war-crimes-tribunal', 'ukraine:reparations'],
  ],
  ['Russia does not want foreign troops in Ukraine.', ['russia:no-foreign-troops']],
  ['Britain and France want talks.', ['other:negotiations']],
  // Wire-service sentences: dashes, asides, relative clauses on the speaker, carried subjects, conditions set out before.
  [
    'Russia has demanded that Ukraine withdraw from the four regions it claims as its own — Donetsk, Luhansk, Zaporizhzhia and Kherson — and renounce its bid to join NATO, conditions Kyiv has rejected as tantamount to surrender.',
    ['russia:withdraw-from-annexed-regions', 'russia:neutrality-no-nato'],
  ],
  [
    'The Kremlin has said any peace deal must take into account the “new territorial realities”, a euphemism for the land Russia has seized.',
    ['russia:recognize-annexation'],
  ],
  ['Zelenskyy, who has repeatedly said Ukraine will not cede territory, called on allies to increase pressure on Moscow.', []],
  ['Trump, who has pushed for a quick end to the war, said he would speak with Putin on Tuesday.', ['united-states:end-of-war-treaty']],
  [
    'European officials, meanwhile, have insisted that Ukraine must be at the negotiating table and that any settlement include robust security guarantees.',
    ['other:negotiations', 'other:security-guarantees'],
  ],
  ['Russian officials have said they will not agree to a ceasefire until their demands are met.', []],
  [
    'Speaking in Moscow, Putin said Russia would only agree to halt hostilities if Kyiv gave up its claim to Crimea.',
    ['russia:recognize-annexation'],
  ],
  ['Kyiv and European capitals have pushed back, saying borders cannot be changed by force.', []],
  ['A senior Ukrainian official said Kyiv was prepared to discuss a freeze along the current line of contact.', []],
  [
    'The Russian leader has repeatedly said he wants Ukraine to be “neutral” and “demilitarised”.',
    ['russia:neutrality-no-nato', 'russia:demilitarization'],
  ],
  [
    'Moscow also wants restrictions on the size of Ukraine’s army, a ban on Western troops and the protection of the Russian language.',
    ['russia:demilitarization', 'russia:no-foreign-troops', 'russia:russian-speakers-rights'],
  ],
  [
    'On Sunday, Zelenskyy again urged the US to impose tougher sanctions on Russia and demanded the return of Ukrainian children.',
    ['ukraine:prisoner-release'],
  ],
  [
    'China and Brazil have proposed a six-point plan that calls for de-escalation and direct talks.',
    ['china:negotiations', 'other:negotiations'],
  ],
  ['Pope Leo XIV has offered the Vatican as a venue and called for the exchange of all prisoners.', ['other:prisoner-release']],
  ['Erdogan’s spokesman said Turkey was ready to host the next round.', []],
  ['The Group of Seven demanded that Russia end its war and withdraw its forces.', ['g7:end-of-war-treaty', 'g7:russian-withdrawal']],
  ['In exchange, the US would provide Ukraine with security guarantees modelled on NATO’s Article 5, the document says.', []],
  ['The proposal calls for Ukraine to withdraw from the parts of Donetsk it still holds.', []],
  [
    'Putin’s conditions, set out in June 2024, were that Ukraine withdraw from the four regions and abandon its NATO ambitions.',
    ['russia:withdraw-from-annexed-regions', 'russia:neutrality-no-nato'],
  ],
  [
    'Ukraine and its European allies want an unconditional 30-day ceasefire to be agreed before any talks on a settlement.',
    ['ukraine:ceasefire'],
  ],
  ['“We will never recognise the occupation,” Zelenskyy said.', []],
  [
    'The Kremlin reiterated that Kyiv must pull its troops out of the Donbas before any ceasefire.',
    ['russia:withdraw-from-annexed-regions'],
  ],
  [
    'Moscow has insisted that any deal address what it calls the root causes of the war, including NATO’s eastward expansion.',
    ['russia:neutrality-no-nato'],
  ],
  ['Ukrainian officials say Russia is using the talks to buy time.', []],
  ['Zelensky stressed the need for security guarantees backed by the United States.', ['ukraine:security-guarantees']],
];

/** The same in German: separable verbs, verb-final clauses, the Konjunktiv of reported speech, compounds. */
const CASES_DE: [text: string, want: string[]][] = [
  [
    'Russland fordert den Abzug der ukrainischen Truppen aus den Regionen Donezk, Luhansk, Saporischschja und Cherson.',
    ['russia:withdraw-from-annexed-regions'],
  ],
  ['Moskau verlangt zudem, dass die Ukraine auf einen NATO-Beitritt verzichtet.', ['russia:neutrality-no-nato']],
  ['Selenskyj pocht auf Sicherheitsgarantien des Westens.', ['ukraine:security-guarantees']],
  ['Die EU fordert eine bedingungslose Waffenruhe von 30 Tagen.', ['eu:ceasefire']],
  ['Kremlsprecher Peskow sagte, Russland sei zu Verhandlungen bereit.', []],
  ['Putin lehnte eine Waffenruhe ab.', []],
  ['Die Ukraine lehnt Gebietsabtretungen kategorisch ab.', []],
  ['Trump drängt die Ukraine zu Zugeständnissen bei den Gebieten.', ['united-states:recognize-annexation']],
  [
    'Zu den russischen Forderungen gehören die Neutralität der Ukraine und die Anerkennung der Annexion der Krim.',
    ['russia:neutrality-no-nato', 'russia:recognize-annexation'],
  ],
  ['Die Bundesregierung forderte Russland auf, seine Truppen aus der Ukraine abzuziehen.', ['other:russian-withdrawal']],
  ['China ruft zu Friedensgesprächen auf.', ['china:negotiations']],
  ['Russland besteht auf der Anerkennung der annektierten Gebiete.', ['russia:recognize-annexation']],
  ['Selenskyj forderte von den Verbündeten mehr Luftabwehr.', []],
  ['Die Ukraine verlangt die Rückgabe der verschleppten Kinder.', ['ukraine:prisoner-release']],
  ['Russland macht die Aufhebung von Sanktionen zur Bedingung für eine Waffenruhe im Schwarzen Meer.', ['russia:lift-sanctions']],
  ['Lawrow sagte, der Westen müsse die Waffenlieferungen an Kiew einstellen.', ['russia:demilitarization']],
  ['Putin will, dass die Ukraine ihre Armee verkleinert.', ['russia:demilitarization']],
  ['Nach Ansicht Moskaus muss die Ukraine neutral bleiben.', ['russia:neutrality-no-nato']],
  ['Selenskyj forderte ein Sondertribunal für die Verbrechen der Aggression.', ['ukraine:war-crimes-tribunal']],
  ['Die Ukraine will Reparationen aus eingefrorenen russischen Vermögen.', ['ukraine:reparations']],
  ['Der Papst rief zu einem Gefangenenaustausch auf.', ['other:prisoner-release']],
  ['Ein Friedensabkommen müsse die territoriale Integrität der Ukraine achten, sagte Kallas.', ['eu:russian-withdrawal']],
  ['Russland hat wiederholt gefordert, dass keine westlichen Truppen in der Ukraine stationiert werden.', ['russia:no-foreign-troops']],
  ['Die Ukraine fordert den vollständigen Rückzug der russischen Truppen.', ['ukraine:russian-withdrawal']],
];

describe.each([
  ['en', CASES],
  ['de', CASES_DE],
] as const)('demand constructions (%s)', (lang, cases) => {
  it.each(cases)('%s', (text, want) => {
    const got = new Set(
      engines
        .forLanguage(lang)!
        .demands.find(text, lang, splitSentences(text, lang))
        .filter((d) => d.topic)
        .map((d) => `${d.party}:${d.topic}`),
    );
    expect([...got].sort()).toEqual([...want].sort());
  });
});
