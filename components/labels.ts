/** Words the views share for categories and voices. */
import type { Category } from '../lib/lexicon/types';
import type { Voice } from '../lib/match/matcher';

export const CATEGORY_LABELS: Record<Category, string> = { name: 'Names', region: 'Places', loaded: 'Loaded phrases' };
export const CATEGORY_SINGULAR: Record<Category, string> = { name: 'Name', region: 'Place', loaded: 'Loaded phrase' };
export const VOICE_LABELS: Record<Voice, string> = { author: "Outlet's own voice", quoted: 'Quoted speaker' };
