/**
 * The composed tree: the page as the reader sees it. An open shadow root stands in for its host's
 * children (the host's own children show only through its <slot>s), and a same-origin frame's body
 * stands where the frame sits. Closed shadow roots and cross-origin frames are out of reach: skipped.
 * A page with neither has no Composition (null): its light DOM is the composed tree, and its
 * serialisation stays outerHTML.
 */

export interface Composition {
  /** Open shadow roots, by host. */
  shadows: Map<Element, ShadowRoot>;
  /** The bodies of same-origin frames that hold text, by frame element. */
  frames: Map<Element, HTMLElement>;
  /**
   * Nodes whose composed subtree is not their light one: hosts, frames, slots, and
   * their ancestors. Everything else serialises as its own outerHTML.
   */
  detours: Set<Node>;
}

const ELEMENT = 1;
const TEXT = 3;
const FRAGMENT = 11;

export const emptyComposition = (): Composition => ({ shadows: new Map(), frames: new Map(), detours: new Set() });

/** Marks a node and its ancestors up to the top (through shadow roots to their hosts) as detours. */
function detour(c: Composition, node: Node): void {
  // A frame's document ends the climb: the frame element is marked when found.
  for (let n: Node | null = node; n && !c.detours.has(n); n = n.nodeType === FRAGMENT ? (n as ShadowRoot).host : n.parentNode)
    c.detours.add(n);
}

/**
 * What the composed tree shows at a live element in place of its light children (a host's shadow
 * root, a frame's body, a slot's assigned nodes), recorded in `found`; null where the light children
 * are what shows. The live text walk finds the composition with it, element by element: no API lists
 * shadow roots, and the walk visits every element anyway.
 */
export function discoverChildren(el: Element, found: Composition, name = el.localName): ArrayLike<Node> | null {
  const shadow = el.shadowRoot;
  if (shadow) {
    found.shadows.set(el, shadow);
    detour(found, el);
    return shadow.childNodes;
  }
  if (name === 'iframe') {
    const body = frameBody(el as HTMLIFrameElement);
    if (!body) return null;
    found.frames.set(el, body);
    detour(found, el);
    return body.childNodes;
  }
  if (name === 'slot') {
    detour(found, el);
    const assigned = (el as HTMLSlotElement).assignedNodes();
    // No assigned nodes: the slot shows its own children, its fallback.
    if (assigned.length) return assigned;
  }
  return null;
}

/** A frame's body if the frame is same-origin and has text to read. */
export function frameBody(frame: HTMLIFrameElement): HTMLElement | null {
  try {
    const body = frame.contentDocument?.body;
    return body && /\S/.test(body.textContent ?? '') ? body : null;
  } catch {
    // Cross-origin: simply not ours to read.
    return null;
  }
}

/** The composed children of an element as `c` found them (null: its light children). */
function childrenIn(c: Composition, el: Element): ArrayLike<Node> | null {
  const shadow = c.shadows.get(el);
  if (shadow) return shadow.childNodes;
  const body = c.frames.get(el);
  if (body) return body.childNodes;
  if (el.localName === 'slot') {
    const assigned = (el as HTMLSlotElement).assignedNodes();
    if (assigned.length) return assigned;
  }
  return null;
}

/** Whether two compositions hold the same shadow roots and frames (null: none). */
export function sameComposition(a: Composition | null, b: Composition | null): boolean {
  if (!a || !b) return a === b;
  const same = <K, V>(x: Map<K, V>, y: Map<K, V>) => x.size === y.size && [...x].every(([k, v]) => y.get(k) === v);
  return same(a.shadows, b.shadows) && same(a.frames, b.frames);
}

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const VOID = new Set('area base br col embed hr img input link meta source track wbr'.split(' '));

/**
 * The page's HTML as the composed tree renders it, for a parser that knows no shadow roots (DOMParser
 * ignores declarative ones): a host's shadow content in place of its children, a slot replaced by
 * what it shows, a frame by a <div> holding its body's children. Subtrees with no detour are their own
 * outerHTML. Reads the page, never writes it.
 */
export function serializeComposed(doc: Document, c: Composition): string {
  const out: string[] = [];
  const emit = (node: Node) => {
    // Text here is never a script's or a style's: those hold no hosts, so they are never detours.
    if (node.nodeType === TEXT) out.push(escapeText(node.nodeValue ?? ''));
    if (node.nodeType !== ELEMENT) return; // comments and the like: nothing a reader sees
    const el = node as Element;
    if (!c.detours.has(el)) {
      // eslint-disable-next-line no-restricted-properties -- read, never written
      out.push(el.outerHTML);
      return;
    }
    const children = childrenIn(c, el) ?? el.childNodes;
    const slot = el.localName === 'slot';
    const name = c.frames.has(el) ? 'div' : el.namespaceURI === HTML_NS ? el.localName : el.tagName;
    if (!slot) out.push(c.frames.has(el) ? '<div>' : startTag(name, el));
    for (let i = 0; i < children.length; i++) emit(children[i]);
    if (!slot && !VOID.has(name)) out.push(`</${name}>`);
  };
  emit(doc.documentElement);
  return out.join('');
}

function startTag(name: string, el: Element): string {
  let tag = `<${name}`;
  for (let i = 0; i < el.attributes.length; i++) tag += ` ${el.attributes[i].name}="${escapeAttribute(el.attributes[i].value)}"`;
  return `${tag}>`;
}

const escapeText = (s: string) =>
  s.replace(/[&<>\u00a0]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&nbsp;'));
const escapeAttribute = (s: string) => s.replace(/[&"\u00a0]/g, (c) => (c === '&' ? '&amp;' : c === '"' ? '&quot;' : '&nbsp;'));

/**
 * All the text the page holds, light DOM, open shadow roots and frames: compared between two moments
 * it says whether the text changed (not in what order it reads).
 */
export function composedTextContent(doc: Document, c: Composition | null): string {
  let text = doc.body?.textContent ?? '';
  if (c) {
    for (const shadow of c.shadows.values()) text += shadow.textContent ?? '';
    for (const body of c.frames.values()) text += body.textContent ?? '';
  }
  return text;
}

/** The shadow roots and frame documents whose changes a page-level observer does not see. */
export function composedRoots(c: Composition | null): Node[] {
  return c ? [...c.shadows.values(), ...[...c.frames.values()].map((body) => body.ownerDocument)] : [];
}
