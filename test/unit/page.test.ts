/**
 * The page side's parts that hold things in a page, in jsdom: each lets go of all it holds, and the
 * count of what is held (the e2e test of tear-down reads it) comes back to nought.
 */
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Held, liveCount } from '../../lib/page/held';
import { createInteraction, type Cards } from '../../lib/page/interact';
import { watchPage } from '../../lib/page/watch';
import { timed } from '../../lib/timing';

const page = () => {
  const { window } = new JSDOM('<!doctype html><body><article><p>Kyiv said.</p></article><framing-lens-ui></framing-lens-ui></body>');
  // What the page side reads from the global scope in a browser.
  Object.assign(globalThis, { Node: window.Node, HTMLIFrameElement: window.HTMLIFrameElement, MutationObserver: window.MutationObserver });
  return window.document;
};

afterEach(() => expect(liveCount()).toBe(0));

describe('Held', () => {
  it('counts what it holds and lets go of all of it at once', () => {
    const held = new Held();
    const target = new EventTarget();
    const heard = vi.fn();
    held.listen(target, 'ping', heard);
    const timers = {
      setTimeout: vi.fn(() => 7),
      clearTimeout: vi.fn(),
      requestAnimationFrame: vi.fn(() => 9),
      cancelAnimationFrame: vi.fn(),
    };
    held.timeout(timers, () => undefined, 100);
    held.everyFrame(timers, () => undefined);
    const ended = vi.fn();
    held.add(ended);
    expect(liveCount()).toBe(4);
    target.dispatchEvent(new Event('ping'));
    expect(heard).toHaveBeenCalledTimes(1);

    held.release();
    target.dispatchEvent(new Event('ping'));
    expect(heard).toHaveBeenCalledTimes(1);
    expect(timers.clearTimeout).toHaveBeenCalledWith(7);
    expect(timers.cancelAnimationFrame).toHaveBeenCalledWith(9);
    expect(ended).toHaveBeenCalledTimes(1);
    held.release();
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('counts a timeout only while it is pending, and a frame loop checks every frame', () => {
    const held = new Held();
    let fire = () => undefined as void;
    let frame = () => undefined as void;
    const timers = {
      setTimeout: (run: () => void) => ((fire = run), 1),
      clearTimeout: vi.fn(),
      requestAnimationFrame: (run: () => void) => ((frame = run), 2),
      cancelAnimationFrame: vi.fn(),
    };
    const ran = vi.fn();
    held.timeout(timers, ran, 10);
    expect(liveCount()).toBe(1);
    fire();
    expect(ran).toHaveBeenCalledTimes(1);
    expect(liveCount()).toBe(0);
    const check = vi.fn();
    held.everyFrame(timers, check);
    frame();
    frame();
    expect(check).toHaveBeenCalledTimes(2);
    held.release();
  });
});

describe('timed', () => {
  it('adds a stage’s time, for work that returns and for work that settles later', async () => {
    const timings: Partial<Record<'a' | 'b', number>> = {};
    expect(timed(timings, 'a', () => 1)).toBe(1);
    timed(timings, 'a', () => 2);
    expect(await timed(timings, 'b', () => new Promise((r) => setTimeout(() => r('late'), 5)))).toBe('late');
    expect(timings.a).toBeGreaterThanOrEqual(0);
    expect(timings.b).toBeGreaterThan(0);
  });

  it('reads no clock when nothing is kept', () => {
    const now = vi.spyOn(performance, 'now');
    expect(timed(undefined, 'a', () => 'x')).toBe('x');
    expect(now).not.toHaveBeenCalled();
    now.mockRestore();
  });
});

describe('watchPage', () => {
  it('hears the page change, settles, leaves our own UI alone, and stops when destroyed', async () => {
    const doc = page();
    const onChange = vi.fn();
    const onSettled = vi.fn();
    const watch = watchPage(
      doc,
      (n) => n instanceof doc.defaultView!.Element && n.closest('framing-lens-ui') !== null,
      onChange,
      onSettled,
    );
    doc.querySelector('framing-lens-ui')!.append(doc.createElement('div'));
    await Promise.resolve();
    expect(onChange).not.toHaveBeenCalled();
    doc.querySelector('p')!.append(' More news.');
    await vi.waitFor(() => expect(onSettled).toHaveBeenCalledWith(false), { timeout: 5_000 });
    expect(onChange).toHaveBeenCalledTimes(1);

    doc.querySelector('p')!.append(' Later.');
    watch.destroy();
    await new Promise((r) => setTimeout(r, 10));
    expect(onSettled).toHaveBeenCalledTimes(1);
  });
});

describe('createInteraction', () => {
  it('opens a card on a click on a term, closes it with Esc, steps with Alt+Shift+N, and hears nothing once destroyed', () => {
    const doc = page();
    const view = doc.defaultView!;
    let open: number | null = null;
    const cards: Cards = {
      termAt: () => 3,
      openIndex: () => open,
      open: vi.fn((i: number | null) => void (open = i)),
      step: vi.fn(),
      fromOurUi: () => false,
    };
    const interaction = createInteraction(cards);
    interaction.listen(doc);
    interaction.listen(doc);
    doc.body.dispatchEvent(new view.MouseEvent('click', { bubbles: true }));
    expect(cards.open).toHaveBeenCalledWith(3);
    doc.body.dispatchEvent(new view.KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(open).toBeNull();
    doc.body.dispatchEvent(new view.KeyboardEvent('keydown', { code: 'KeyN', altKey: true, shiftKey: true, bubbles: true }));
    expect(cards.step).toHaveBeenCalledWith(1);

    interaction.destroy();
    doc.body.dispatchEvent(new view.MouseEvent('click', { bubbles: true }));
    expect(cards.open).toHaveBeenCalledTimes(2);
  });
});
