/**
 * Validates a pack: first against pack.schema.json (the one description of the format), then the
 * rules a schema cannot say (unique ids, one entry per surface form, loaded phrases explained).
 * Every error names the entry, the field and why, and the line when the JSON text is known.
 */
import schemaJson from './pack.schema.json';
import { JsonSyntaxError, parseJsonWithPositions, type Located } from '../text/json';
import type { Pack } from './types';
import { foldPhrase } from '../match/fold';
import { counterpointProblems, descriptiveTerm } from './policy';

export interface LexiconError {
  /** JSON path of the offending value, e.g. "entries[3].variants[0].note". */
  path: string;
  /** The entry (or party, or topic) id the value belongs to, when there is one. */
  entry?: string;
  message: string;
  line?: number;
  column?: number;
}

export type PackResult = { ok: true; pack: Pack } | { ok: false; errors: LexiconError[] };

interface Schema {
  type?: 'object' | 'array' | 'string' | 'boolean';
  $ref?: string;
  const?: unknown;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  minItems?: number;
  required?: string[];
  additionalProperties?: boolean;
  properties?: Record<string, Schema>;
  items?: Schema;
  $defs?: Record<string, Schema>;
}

const ROOT = schemaJson as Schema;
const describe = (v: unknown) =>
  Array.isArray(v) ? 'an array' : v === null ? 'null' : typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`;

function checkSchema(value: unknown, schema: Schema, path: string, errors: LexiconError[]): void {
  if (schema.$ref) return checkSchema(value, ROOT.$defs![schema.$ref.replace('#/$defs/', '')], path, errors);
  const err = (message: string, at = path): void => void errors.push({ path: at, message });
  if ('const' in schema && value !== schema.const) return err(`must be ${JSON.stringify(schema.const)}, found ${describe(value)}`);
  if (schema.enum && !schema.enum.includes(value))
    return err(`must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}, found ${describe(value)}`);
  if (schema.type === 'string' || schema.pattern || schema.minLength) {
    if (typeof value !== 'string') return err(`must be a string, found ${describe(value)}`);
    if (schema.minLength && value.length < schema.minLength) return err('must not be empty');
    if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value))
      return err(schema.pattern === '\\S' ? 'must not be blank' : `${JSON.stringify(value)} does not match the pattern ${schema.pattern}`);
  }
  if (schema.type === 'boolean' && typeof value !== 'boolean') return err(`must be true or false, found ${describe(value)}`);
  if (schema.type === 'array') {
    if (!Array.isArray(value)) return err(`must be an array, found ${describe(value)}`);
    if (schema.minItems && value.length < schema.minItems) return err(`must have at least ${schema.minItems} item(s)`);
    value.forEach((item, k) => checkSchema(item, schema.items!, `${path}[${k}]`, errors));
  }
  if (schema.type === 'object') {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return err(`must be an object, found ${describe(value)}`);
    const obj = value as Record<string, unknown>;
    const at = (key: string) => (path ? `${path}.${key}` : key);
    for (const key of schema.required ?? []) if (!Object.hasOwn(obj, key)) err(`"${key}" is required`, at(key));
    for (const [key, v] of Object.entries(obj)) {
      // Own properties only: a field named "__proto__" or "constructor" is unknown, not Object.prototype's.
      const sub = schema.properties && Object.hasOwn(schema.properties, key) ? schema.properties[key] : undefined;
      if (sub) checkSchema(v, sub, at(key), errors);
      else if (schema.additionalProperties === false) err(`unknown field "${key}"`, at(key));
    }
  }
}

/** A note's claim that a variant's inflected forms are matched too. */
const INFLECTED = /inflected forms[^.;]*included/iu;

/** Rules across entries that the schema cannot express. Runs only on schema-valid packs. */
function checkMeaning(pack: Pack, errors: LexiconError[]): void {
  const ids = new Map<string, string>();
  const surfaces = new Map<string, string>();
  pack.entries.forEach((entry, k) => {
    const path = `entries[${k}]`;
    if (ids.has(entry.id)) errors.push({ path: `${path}.id`, message: `duplicate id "${entry.id}" (also ${ids.get(entry.id)})` });
    ids.set(entry.id, path);
    if (entry.category === 'loaded') {
      for (const field of ['presumes', 'neutral'] as const)
        if (!entry[field]) errors.push({ path: `${path}.${field}`, message: `"${field}" is required for a loaded phrase` });
      for (const p of counterpointProblems(entry)) errors.push({ path: `${path}.${p.field}`, message: p.message });
      // The policy: a term that describes what happened is never flagged.
      entry.variants.forEach((variant, v) =>
        [variant.form, ...(variant.also ?? [])].forEach((form, f) => {
          const term = descriptiveTerm(form, variant.lang ?? entry.lang);
          if (term)
            errors.push({
              path: f === 0 ? `${path}.variants[${v}].form` : `${path}.variants[${v}].also[${f - 1}]`,
              message: `"${form}" is the descriptive term "${term.term}" (lib/lexicon/descriptive.json), which is never flagged as loaded`,
            });
        }),
      );
    }
    entry.variants.forEach((variant, v) => {
      // A note that promises inflected forms must list some: a reader trusts that "Порошенка" is found.
      if (INFLECTED.test(variant.note) && !variant.also?.length)
        errors.push({ path: `${path}.variants[${v}].also`, message: 'lists no inflected forms, which the note says are included' });
      [variant.form, ...(variant.also ?? [])].forEach((form, f) => {
        const key = `${variant.lang ?? entry.lang ?? ''}:${foldPhrase(form)}`;
        const where = f === 0 ? `${path}.variants[${v}].form` : `${path}.variants[${v}].also[${f - 1}]`;
        const other = surfaces.get(key);
        if (other && other !== entry.id) errors.push({ path: where, message: `"${form}" is already a form of entry "${other}"` });
        surfaces.set(key, entry.id);
      });
    });
  });
  const topics = new Set(pack.demands?.topics.map((t) => t.id));
  pack.demands?.topics.forEach((topic, k) => {
    if (topic.negatedTopic && !topics.has(topic.negatedTopic))
      errors.push({ path: `demands.topics[${k}].negatedTopic`, message: `no topic "${topic.negatedTopic}" in this pack` });
    topic.rules.forEach((rule, r) => {
      if (rule.negatedTopic && !topics.has(rule.negatedTopic))
        errors.push({ path: `demands.topics[${k}].rules[${r}].negatedTopic`, message: `no topic "${rule.negatedTopic}" in this pack` });
    });
  });
  const parties = new Set<string>();
  pack.parties.forEach((party, k) => {
    if (parties.has(party.id)) errors.push({ path: `parties[${k}].id`, message: `duplicate party "${party.id}"` });
    parties.add(party.id);
  });
  pack.demands?.topics.forEach((topic, k) => {
    if (topic.yieldedBy && !parties.has(topic.yieldedBy))
      errors.push({ path: `demands.topics[${k}].yieldedBy`, message: `no party "${topic.yieldedBy}" in this pack` });
  });
}

/** Adds the entry id and the line to each error, from the pack value and the JSON positions. */
function locate(errors: LexiconError[], value: unknown, positions?: Located['positions']): LexiconError[] {
  return errors.map((e) => {
    const owner = /^(entries|parties|demands\.topics)\[(\d+)\]/.exec(e.path);
    const root = value as Record<string, unknown>;
    let entry: string | undefined;
    if (owner) {
      const list = owner[1] === 'demands.topics' ? (root.demands as Record<string, unknown>)?.topics : root[owner[1]];
      const id = (list as { id?: unknown }[] | undefined)?.[Number(owner[2])]?.id;
      if (typeof id === 'string') entry = id;
    }
    // The nearest located ancestor: a missing field is reported where its object starts.
    let pos: { line: number; column: number } | undefined;
    for (let p = e.path, parent = ''; !pos && positions; p = parent) {
      pos = positions.get(p);
      parent = p.replace(/(?:^|\.)[^.[\]]+$|\[\d+\]$/, '');
      if (parent === p) break;
    }
    return { ...e, ...(entry ? { entry } : {}), ...(pos ?? {}) };
  });
}

export function validatePack(value: unknown, positions?: Located['positions']): PackResult {
  const errors: LexiconError[] = [];
  checkSchema(value, ROOT, '', errors);
  if (!errors.length) checkMeaning(value as Pack, errors);
  if (!errors.length) return { ok: true, pack: value as Pack };
  // In file order, so the first error is the first one the user meets.
  const located = locate(errors, value, positions);
  return { ok: false, errors: located.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)) };
}

/** Parses and validates a pack from JSON text, e.g. a file the user imports. */
export function parsePack(text: string): PackResult {
  let located: Located;
  try {
    // A byte order mark, as some editors save, is not part of the JSON.
    located = parseJsonWithPositions(text.startsWith('\ufeff') ? text.slice(1) : text);
  } catch (e) {
    if (e instanceof JsonSyntaxError)
      return {
        ok: false,
        errors: [{ path: '', message: `not valid JSON: ${e.reason} (column ${e.column})`, line: e.line, column: e.column }],
      };
    throw e;
  }
  return validatePack(located.value, located.positions);
}

/** One line per error: "line 12: entries[3] (id "kyiv") › variants[0].note: must not be empty". */
export function formatLexiconError(e: LexiconError): string {
  const where = e.line ? `line ${e.line}: ` : '';
  const owner = e.entry ? ` (id "${e.entry}")` : '';
  return `${where}${e.path ? `${e.path}${owner}: ` : ''}${e.message}`;
}
