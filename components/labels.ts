/** Words the views share for categories, voices and export formats, in the browser's language. */
import type { ExportFormat } from '../lib/export/export';
import { t, type MessageKey } from '../lib/i18n';
import type { Category } from '../lib/lexicon/types';
import type { Voice } from '../lib/match/matcher';

const CATEGORY_PLURAL: Record<Category, MessageKey> = {
  name: 'category_name_plural',
  region: 'category_region_plural',
  loaded: 'category_loaded_plural',
};
const CATEGORY_SINGULAR: Record<Category, MessageKey> = { name: 'category_name', region: 'category_region', loaded: 'category_loaded' };
const VOICE: Record<Voice, MessageKey> = { author: 'voice_author', quoted: 'voice_quoted' };
const FORMAT_LABEL: Record<ExportFormat, MessageKey> = { markdown: 'format_markdown', text: 'format_text', json: 'format_json' };
const FORMAT_NAME: Record<ExportFormat, MessageKey> = {
  markdown: 'format_name_markdown',
  text: 'format_name_text',
  json: 'format_name_json',
};

/** A category, plural: "Names", "Places", "Loaded phrases". */
export const categoryLabel = (c: Category) => t(CATEGORY_PLURAL[c]);
/** A category, singular: "Name", "Place", "Loaded phrase". */
export const categorySingular = (c: Category) => t(CATEGORY_SINGULAR[c]);
/** Whose voice a term is in. */
export const voiceLabel = (v: Voice) => t(VOICE[v]);
/** An export format on its button: "Markdown", "Plain text", "JSON". */
export const exportFormatLabel = (f: ExportFormat) => t(FORMAT_LABEL[f]);
/** An export format inside a sentence: "Markdown", "plain text", "JSON". */
export const exportFormatName = (f: ExportFormat) => t(FORMAT_NAME[f]);
