import { useState } from 'preact/hooks';
import { ImportFile, ImportOutcome, type Outcome } from './ImportFile';
import { download } from './save';
import type { Pack } from '../lib/lexicon/types';
import { formatLexiconError, parsePack } from '../lib/lexicon/validate';
import { t } from '../lib/i18n';

export interface PackFileProps {
  pack: Pack;
  /** Stores the pack; null when stored, else why not. */
  onSave(pack: Pack): Promise<string | null>;
}

/** Your terms to and from a file: an import that names the line and field of every error and changes nothing then. */
export function PackFile({ pack, onSave }: PackFileProps) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const importFile = async (file: File) => {
    const result = parsePack(await file.text());
    if (!result.ok) {
      // The current lexicon stays as it is.
      setOutcome({
        ok: false,
        lines: [
          t('options_import_failed', file.name),
          ...result.errors.slice(0, 8).map(formatLexiconError),
          ...(result.errors.length > 8 ? [t('options_import_more', result.errors.length - 8)] : []),
        ],
      });
      return;
    }
    const error = await onSave(result.pack);
    setOutcome(
      error
        ? { ok: false, lines: [t('options_import_failed', file.name), error] }
        : { ok: true, lines: [t('options_imported', result.pack.entries.length, file.name)] },
    );
  };

  return (
    <section aria-labelledby="io">
      <h2 id="io">{t('options_io')}</h2>
      <ImportFile id="import" label={t('options_import')} onFile={(file) => void importFile(file)} />{' '}
      <button type="button" onClick={() => download(`${pack.id}.json`, JSON.stringify(pack, null, 2) + '\n')}>
        {t('options_export')}
      </button>
      <ImportOutcome outcome={outcome} />
    </section>
  );
}
