import { useState } from 'preact/hooks';
import type { Category, Entry, Pack } from '../lib/lexicon/types';
import { validatePack, type LexiconError } from '../lib/lexicon/validate';
import { t } from '../lib/i18n';
import { categorySingular } from './labels';

export interface TermEditorProps {
  pack: Pack;
  /** Stores the pack; null when stored, else why not (storage full), shown in the form with the draft kept. */
  onSave(pack: Pack): Promise<string | null>;
}

interface Draft {
  category: Category;
  concept: string;
  note: string;
  presumes: string;
  neutral: string;
  variants: { form: string; also: string; note: string }[];
}

const EMPTY: Draft = { category: 'loaded', concept: '', note: '', presumes: '', neutral: '', variants: [{ form: '', also: '', note: '' }] };

const kebab = (s: string) =>
  s
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'term';

function toEntry(d: Draft, taken: ReadonlySet<string>): Entry {
  let id = `my-${kebab(d.concept)}`;
  for (let n = 2; taken.has(id); n++) id = `my-${kebab(d.concept)}-${n}`;
  return {
    id,
    category: d.category,
    concept: d.concept.trim(),
    note: d.note.trim(),
    variants: d.variants.map((v) => ({
      form: v.form.trim(),
      note: v.note.trim(),
      ...(v.also.trim() && { also: v.also.split(',').map((a) => a.trim()) }),
    })),
    ...(d.category === 'loaded' && { presumes: d.presumes.trim(), neutral: d.neutral.trim() }),
  };
}

/** The user's own terms: a list with remove, and a form that validates as you type. */
export function TermEditor({ pack, onSave }: TermEditorProps) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [touched, setTouched] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const entry = toEntry(draft, new Set(pack.entries.map((e) => e.id)));
  const candidate: Pack = { ...pack, entries: [...pack.entries, entry] };
  const result = validatePack(candidate);
  const at = `entries[${pack.entries.length}]`;
  const errors = result.ok ? [] : result.errors.filter((e) => e.path.startsWith(at));
  const errorFor = (field: string) => errors.find((e: LexiconError) => e.path === `${at}.${field}`)?.message;

  const set = (patch: Partial<Draft>) => {
    setTouched(true);
    setDraft({ ...draft, ...patch });
  };
  const setVariant = (k: number, patch: Partial<Draft['variants'][number]>) =>
    set({ variants: draft.variants.map((v, i) => (i === k ? { ...v, ...patch } : v)) });
  const field = (label: string, name: keyof Draft, path: string, multiline = false) => {
    const id = `term-${name}`;
    const error = touched ? errorFor(path) : undefined;
    const props = {
      id,
      value: draft[name] as string,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': error ? `${id}-error` : undefined,
      onInput: (e: Event) => set({ [name]: (e.currentTarget as HTMLInputElement).value }),
    };
    return (
      <div class="field">
        <label for={id}>{label}</label>
        {multiline ? <textarea rows={2} {...props} /> : <input type="text" {...props} />}
        {error && (
          <span class="error" id={`${id}-error`}>
            {error}
          </span>
        )}
      </div>
    );
  };

  return (
    <div class="terms">
      {pack.entries.length ? (
        <ul class="term-list">
          {pack.entries.map((e) => (
            <li>
              <strong>{e.variants.map((v) => v.form).join(' / ')}</strong>{' '}
              <span class="muted">{t('term_detail', categorySingular(e.category), e.concept)}</span>{' '}
              <button
                type="button"
                aria-label={t('term_remove_label', e.concept)}
                onClick={() => void onSave({ ...pack, entries: pack.entries.filter((x) => x !== e) }).then(setSaveError)}
              >
                {t('term_remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('term_none')}</p>
      )}

      <form
        class="term-form"
        aria-label={t('term_form_label')}
        onSubmit={async (e) => {
          e.preventDefault();
          setTouched(true);
          if (!result.ok) return;
          const error = await onSave(candidate);
          setSaveError(error);
          if (error) return;
          setDraft(EMPTY);
          setTouched(false);
        }}
      >
        <div class="field">
          <label for="term-category">{t('term_category')}</label>
          <select id="term-category" value={draft.category} onChange={(e) => set({ category: e.currentTarget.value as Category })}>
            {(['name', 'region', 'loaded'] as const).map((c) => (
              <option value={c}>{categorySingular(c)}</option>
            ))}
          </select>
        </div>
        {field(t('term_concept'), 'concept', 'concept')}
        {field(t('term_note'), 'note', 'note', true)}
        {draft.category === 'loaded' && field(t('term_presumes'), 'presumes', 'presumes')}
        {draft.category === 'loaded' && field(t('term_neutral'), 'neutral', 'neutral')}
        {draft.variants.map((v, k) => {
          const formError = touched ? errorFor(`variants[${k}].form`) : undefined;
          const noteError = touched ? errorFor(`variants[${k}].note`) : undefined;
          return (
            <fieldset class="variant">
              <legend>{t('term_variant', k + 1)}</legend>
              <label for={`variant-${k}-form`}>{t('term_variant_form')}</label>
              <input
                id={`variant-${k}-form`}
                type="text"
                value={v.form}
                aria-invalid={formError ? true : undefined}
                onInput={(e) => setVariant(k, { form: e.currentTarget.value })}
              />
              {formError && <span class="error">{formError}</span>}
              <label for={`variant-${k}-also`}>{t('term_variant_also')}</label>
              <input id={`variant-${k}-also`} type="text" value={v.also} onInput={(e) => setVariant(k, { also: e.currentTarget.value })} />
              <label for={`variant-${k}-note`}>{t('term_variant_note')}</label>
              <input
                id={`variant-${k}-note`}
                type="text"
                value={v.note}
                aria-invalid={noteError ? true : undefined}
                onInput={(e) => setVariant(k, { note: e.currentTarget.value })}
              />
              {noteError && <span class="error">{noteError}</span>}
            </fieldset>
          );
        })}
        <button type="button" onClick={() => set({ variants: [...draft.variants, { form: '', also: '', note: '' }] })}>
          {t('term_add_variant')}
        </button>
        <button type="submit">{t('term_add')}</button>
        {touched && errors.length > 0 && (
          <p class="error" role="alert">
            {t(errors.length > 1 ? 'term_errors_other' : 'term_errors_one', errors.length)}
          </p>
        )}
        {saveError && (
          <p class="error" role="alert">
            {saveError}
          </p>
        )}
      </form>
    </div>
  );
}
