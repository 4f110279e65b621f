/** What a demand span enumerates: its items, split where the language's separators and connectors part them. */
import type { Grammar } from './grammar';

export interface Item {
  text: string;
  start: number;
  end: number;
}

/** The span's enumerated items: split at separators and connectors, never inside a dash or bracket aside. */
export function splitItems(grammar: Grammar, text: string, start: number, end: number): Item[] {
  end = demandedEnd(grammar, text, start, end);
  const span = text.slice(start, end);
  const asides: [number, number][] = [];
  for (const m of span.matchAll(/\s[\u2013\u2014-]\s[^\u2013\u2014]*?(?:\s[\u2013\u2014-](?=\s)|$)|\([^)]*\)/gu))
    asides.push([m.index, m.index + m[0].length]);
  const cuts: [number, number][] = [];
  for (const m of span.matchAll(grammar.separators))
    if (!asides.some(([a, b]) => m.index >= a && m.index < b)) cuts.push([m.index, m.index + m[0].length]);
  const items: Item[] = [];
  let from = 0;
  for (const [a, b] of [...cuts, [span.length, span.length] as [number, number]]) {
    const item = trimItem(grammar, text, start + from, start + a);
    if (item) items.push(item);
    from = b;
  }
  return items;
}

/** "guarantees before any ceasefire": what follows a time or reason clause is not demanded. */
export function demandedEnd(grammar: Grammar, text: string, start: number, end: number): number {
  const clause = grammar.clauseBreak.exec(text.slice(start, end));
  return clause ? start + clause.index : end;
}

/** The item without the connectors it starts with and the punctuation it ends with. */
export function trimItem(grammar: Grammar, text: string, start: number, end: number): Item | null {
  let s = text.slice(start, end);
  start += s.length - s.trimStart().length;
  s = s.trim();
  const conn = grammar.leading.exec(s);
  if (conn) {
    start += conn[0].length;
    s = s.slice(conn[0].length);
  }
  const tail = /[\s.,;:!?"”’'»)\u2013\u2014-]+$/u.exec(s);
  if (tail) s = s.slice(0, tail.index);
  return s ? { text: s, start, end: start + s.length } : null;
}
