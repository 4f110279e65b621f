import { describe, expect, it } from 'vitest';
import { placeCard } from '../../lib/layout/place-card';

const viewport = { width: 1280, height: 900 };

describe('placeCard', () => {
  it.each([
    { why: 'a term near the top opens below it', term: { top: 100, bottom: 120, left: 200 }, top: 128, bottom: undefined, maxHeight: 760 },
    {
      why: 'a term in the middle still has room below',
      term: { top: 530, bottom: 550, left: 500 },
      top: 558,
      bottom: undefined,
      maxHeight: 330,
    },
    {
      why: 'a term near the bottom opens above it',
      term: { top: 800, bottom: 820, left: 500 },
      top: undefined,
      bottom: 108,
      maxHeight: 780,
    },
    {
      why: 'with little room either way, the larger side wins',
      term: { top: 300, bottom: 320, left: 0 },
      top: 328,
      bottom: undefined,
      maxHeight: 560,
    },
  ])('$why', ({ term, top, bottom, maxHeight }) => {
    const p = placeCard(term, viewport, 360);
    expect(p.top).toBe(top);
    expect(p.bottom).toBe(bottom);
    expect(p.maxHeight).toBe(maxHeight);
  });

  it.each([
    { left: -40, expected: 12 },
    { left: 400, expected: 400 },
    { left: 1200, expected: 1280 - 360 - 12 },
  ])('keeps the card inside the viewport horizontally (term at $left)', ({ left, expected }) => {
    expect(placeCard({ top: 100, bottom: 120, left }, viewport, 360).left).toBe(expected);
  });

  it('never lets the card run past either edge', () => {
    for (let top = 0; top <= 880; top += 20) {
      const p = placeCard({ top, bottom: top + 20, left: 0 }, viewport, 360);
      const start = p.top ?? viewport.height - p.bottom! - p.maxHeight;
      expect(start, `term at ${top}`).toBeGreaterThanOrEqual(p.top === undefined ? 12 : top + 20);
      expect(start + p.maxHeight, `term at ${top}`).toBeLessThanOrEqual(p.top === undefined ? top : 900 - 12);
    }
  });
});
