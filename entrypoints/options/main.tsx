import '@/components/summary.css';
import '@/components/options.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { categoryLabel } from '@/components/labels';
import { TermEditor } from '@/components/TermEditor';
import { ImportOutcome } from '@/components/ImportFile';
import { History } from '@/components/History';
import { PackFile } from '@/components/PackFile';
import { AlwaysOnSites } from '@/components/AlwaysOnSites';
import { save } from '@/components/save';
import { BUILTIN_PACKS, loadPacks, packEnabled } from '@/lib/lexicon/builtin';
import { languageName } from '@/lib/lexicon/language';
import type { Pack } from '@/lib/lexicon/types';
import { disableAlwaysOn } from '@/lib/always-on';
import { alwaysOnItem, emptyUserPack, settingsItem, userPackItem, write, type Settings } from '@/lib/storage';
import { t } from '@/lib/i18n';

const BUILTIN = loadPacks(BUILTIN_PACKS);

document.title = t('options_title');

function Options() {
  const [settings, setSettings] = useState<Settings>();
  const [pack, setPack] = useState<Pack>(emptyUserPack());
  const [sites, setSites] = useState<string[]>([]);
  /** Why the last change of a setting was not stored, shown in the section the user changed it in. */
  const [settingsError, setSettingsError] = useState<{ section: 'categories' | 'packs'; message: string } | null>(null);

  useEffect(() => {
    void settingsItem.getValue().then(setSettings);
    void userPackItem.getValue().then((p) => p && setPack(p));
    void alwaysOnItem.getValue().then(setSites);
    const unwatch = [alwaysOnItem.watch((v) => setSites(v ?? [])), userPackItem.watch((p) => setPack(p ?? emptyUserPack()))];
    return () => unwatch.forEach((u) => u());
  }, []);

  const saveSettings = async (section: 'categories' | 'packs', next: Settings) => {
    const message = await save(write(settingsItem, next));
    setSettingsError(message ? { section, message } : null);
    if (!message) setSettings(next);
  };
  const settingsOutcome = (section: 'categories' | 'packs') =>
    settingsError?.section === section ? { ok: false, lines: [settingsError.message] } : null;
  const savePack = async (next: Pack) => {
    const error = await save(write(userPackItem, next));
    if (!error) setPack(next);
    return error;
  };

  if (!settings) return <p>{t('options_loading')}</p>;
  return (
    <main class="options">
      <h1>{t('options_title')}</h1>

      <section aria-labelledby="categories">
        <h2 id="categories">{t('options_categories')}</h2>
        {(['name', 'region', 'loaded'] as const).map((c) => (
          <label class="check">
            <input
              type="checkbox"
              checked={!settings.hiddenCategories.includes(c)}
              onChange={(e) =>
                void saveSettings('categories', {
                  ...settings,
                  hiddenCategories: e.currentTarget.checked
                    ? settings.hiddenCategories.filter((x) => x !== c)
                    : [...settings.hiddenCategories, c],
                })
              }
            />{' '}
            {categoryLabel(c)}
          </label>
        ))}
        <ImportOutcome outcome={settingsOutcome('categories')} />
      </section>

      <section aria-labelledby="packs">
        <h2 id="packs">{t('options_packs')}</h2>
        {BUILTIN.map((p) => (
          <label class="check">
            <input
              type="checkbox"
              checked={packEnabled(p, settings.packs)}
              onChange={(e) => void saveSettings('packs', { ...settings, packs: { ...settings.packs, [p.id]: e.currentTarget.checked } })}
            />{' '}
            {p.name}{' '}
            <span class="muted">{t('options_pack_detail', p.entries.length, p.version, p.languages.map(languageName).join(', '))}</span>
          </label>
        ))}
        <ImportOutcome outcome={settingsOutcome('packs')} />
      </section>

      <section aria-labelledby="mine">
        <h2 id="mine">{t('options_my_terms')}</h2>
        <TermEditor pack={pack} onSave={savePack} />
      </section>

      <PackFile pack={pack} onSave={savePack} />

      <History />

      <AlwaysOnSites sites={sites} onRemove={(origin) => void disableAlwaysOn(origin)} />
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
