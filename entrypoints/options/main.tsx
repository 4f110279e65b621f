import '@/components/summary.css';
import '@/components/options.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { CATEGORY_LABELS } from '@/components/labels';
import { TermEditor } from '@/components/TermEditor';
import { BUILTIN_PACKS, loadPacks } from '@/lib/lexicon/builtin';
import type { Pack } from '@/lib/lexicon/types';
import { formatLexiconError, parsePack } from '@/lib/lexicon/validate';
import { disableAlwaysOn } from '@/lib/always-on';
import { alwaysOnItem, emptyUserPack, settingsItem, userPackItem, type Settings } from '@/lib/storage';

const BUILTIN = loadPacks(BUILTIN_PACKS);

function Options() {
  const [settings, setSettings] = useState<Settings>();
  const [pack, setPack] = useState<Pack>(emptyUserPack());
  const [sites, setSites] = useState<string[]>([]);
  const [importMessage, setImportMessage] = useState<{ ok: boolean; lines: string[] } | null>(null);

  useEffect(() => {
    void settingsItem.getValue().then(setSettings);
    void userPackItem.getValue().then((p) => p && setPack(p));
    void alwaysOnItem.getValue().then(setSites);
    const unwatch = [alwaysOnItem.watch((v) => setSites(v ?? [])), userPackItem.watch((p) => setPack(p ?? emptyUserPack()))];
    return () => unwatch.forEach((u) => u());
  }, []);

  const saveSettings = (next: Settings) => {
    setSettings(next);
    void settingsItem.setValue(next);
  };
  const savePack = (next: Pack) => {
    setPack(next);
    void userPackItem.setValue(next);
  };

  const importFile = async (file: File) => {
    const result = parsePack(await file.text());
    if (!result.ok) {
      // The current lexicon stays as it is.
      setImportMessage({
        ok: false,
        lines: [
          `${file.name} was not imported:`,
          ...result.errors.slice(0, 8).map(formatLexiconError),
          ...(result.errors.length > 8 ? [`…and ${result.errors.length - 8} more`] : []),
        ],
      });
      return;
    }
    savePack(result.pack);
    setImportMessage({ ok: true, lines: [`Imported ${result.pack.entries.length} terms from ${file.name}.`] });
  };

  const exportPack = () => {
    const url = URL.createObjectURL(new Blob([JSON.stringify(pack, null, 2) + '\n'], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${pack.id}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  if (!settings) return <p>Loading…</p>;
  return (
    <main class="options">
      <h1>Framing Lens options</h1>

      <section aria-labelledby="categories">
        <h2 id="categories">Categories shown</h2>
        {(['name', 'region', 'loaded'] as const).map((c) => (
          <label class="check">
            <input
              type="checkbox"
              checked={!settings.hiddenCategories.includes(c)}
              onChange={(e) =>
                saveSettings({
                  ...settings,
                  hiddenCategories: e.currentTarget.checked
                    ? settings.hiddenCategories.filter((x) => x !== c)
                    : [...settings.hiddenCategories, c],
                })
              }
            />{' '}
            {CATEGORY_LABELS[c]}
          </label>
        ))}
      </section>

      <section aria-labelledby="packs">
        <h2 id="packs">Lexicon packs</h2>
        {BUILTIN.map((p) => (
          <label class="check">
            <input
              type="checkbox"
              checked={!settings.disabledPacks.includes(p.id)}
              onChange={(e) =>
                saveSettings({
                  ...settings,
                  disabledPacks: e.currentTarget.checked
                    ? settings.disabledPacks.filter((x) => x !== p.id)
                    : [...settings.disabledPacks, p.id],
                })
              }
            />{' '}
            {p.name}{' '}
            <span class="muted">
              ({p.entries.length} terms, version {p.version})
            </span>
          </label>
        ))}
      </section>

      <section aria-labelledby="mine">
        <h2 id="mine">My terms</h2>
        <TermEditor pack={pack} onSave={savePack} />
      </section>

      <section aria-labelledby="io">
        <h2 id="io">Import and export</h2>
        <label for="import">Import a lexicon (JSON)</label>{' '}
        <input
          id="import"
          type="file"
          accept="application/json,.json"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void importFile(file);
            e.currentTarget.value = '';
          }}
        />{' '}
        <button type="button" onClick={exportPack}>
          Export my terms
        </button>
        {importMessage && (
          <div class={importMessage.ok ? 'message' : 'message error'} role={importMessage.ok ? 'status' : 'alert'}>
            {importMessage.lines.map((l) => (
              <p>{l}</p>
            ))}
          </div>
        )}
      </section>

      <section aria-labelledby="sites">
        <h2 id="sites">Always on</h2>
        {sites.length ? (
          <ul>
            {sites.map((origin) => (
              <li>
                {origin}{' '}
                <button type="button" aria-label={`Stop annotating ${origin} automatically`} onClick={() => void disableAlwaysOn(origin)}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">No sites yet. Turn a site on from the popup while reading one of its articles.</p>
        )}
      </section>
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
