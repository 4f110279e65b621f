/** `framing-lens stats --plot FILE.svg`: each contested spelling's share per outlet over time, drawn by Vega-Lite in Node. */
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { Stats } from './stats';

export async function plotSpellings(stats: Stats): Promise<string> {
  const values = stats.groups
    .filter((g) => g.month !== 'unknown')
    .flatMap((g) =>
      Object.entries(g.spellings).flatMap(([concept, byVariant]) =>
        Object.entries(byVariant).map(([spelling, v]) => ({ outlet: g.outlet, month: g.month, concept, spelling, share: v.share })),
      ),
    );
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: 'Spelling share per outlet, by month',
    data: { values },
    facet: {
      row: {
        field: 'concept',
        type: 'nominal',
        title: null,
        header: { labelAngle: 0, labelOrient: 'top', labelAlign: 'left', labelFontWeight: 'bold' },
      },
    },
    spec: {
      width: 480,
      height: 160,
      encoding: {
        x: { field: 'month', type: 'temporal', timeUnit: 'yearmonth', title: 'month' },
        y: {
          field: 'share',
          type: 'quantitative',
          scale: { domain: [0, 1.1] },
          axis: { format: '%', values: [0, 0.25, 0.5, 0.75, 1] },
          title: 'share of uses',
        },
        color: { field: 'outlet', type: 'nominal' },
        detail: { field: 'spelling' },
      },
      // One line per outlet and spelling, each point labelled with its spelling.
      layer: [
        { mark: { type: 'line', point: true } },
        { mark: { type: 'text', align: 'left', dx: 4, dy: -7, fontSize: 9 }, encoding: { text: { field: 'spelling' } } },
      ],
    },
  };
  // No renderer: the SVG is written as text; nothing is fetched (the data is inline).
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  return view.toSVG();
}
