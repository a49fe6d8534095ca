/**
 * The link chart with 2,000 nodes (issue 13: no frame over 100 ms when dragging), in headless Chromium
 * (playwright-core, /usr/bin/chromium or VIGIE_CHROMIUM): Cytoscape.js as the workbench draws it (the style of
 * web/src/pages/graph/chart.ts, the rings layout of a large chart, a 1,200 × 560 canvas), the network of the e2e test
 * (one company, 200 managers, 9 phones each: 2,001 nodes, 2,000 links). Frames are the gaps between
 * requestAnimationFrame callbacks while a node is dragged (the company, with its 200 links, then a leaf) and while
 * the chart is panned. Each renderer configuration is measured in the same run, alternately, so that the machine's
 * load weighs on both: "before" is the chart's options before decision 0034 (a snapshot while panning), "canvas"
 * the options it uses now (shapes redrawn each frame, without edges or labels), "webgl" Cytoscape's WebGL renderer.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import type { BenchContext, BenchSuite } from '../harness.ts';

const CHROMIUM = process.env.VIGIE_CHROMIUM ?? '/usr/bin/chromium';

/** Renderer options by configuration (`canvas` is what `makeCanvas(true)` of LinkChart.tsx passes now). */
const CONFIGS: Record<string, Record<string, unknown>> = {
  before: {
    pixelRatio: 1,
    textureOnViewport: true,
    hideEdgesOnViewport: true,
    hideLabelsOnViewport: true,
  },
  // The canvas redrawn at each frame of a pan without edges or labels, instead of a snapshot made at its start.
  canvas: {
    pixelRatio: 1,
    textureOnViewport: false,
    hideEdgesOnViewport: true,
    hideLabelsOnViewport: true,
    motionBlur: false,
  },
  // Cytoscape's WebGL renderer (3.31+; software WebGL here: no GPU).
  webgl: {
    pixelRatio: 1,
    webgl: true,
    hideEdgesOnViewport: true,
    hideLabelsOnViewport: true,
    motionBlur: false,
  },
};

const PAGE_SCRIPT = (config: string, options: Record<string, unknown>, extra: unknown[]) => `(() => {
  const colours = { company: '#1c7ed6', person: '#37b24d', phone: '#f59f00' };
  const shapes = { company: 'round-rectangle', person: 'ellipse', phone: 'diamond' };
  const elements = [];
  const node = (id, type, label) => elements.push({ group: 'nodes', data: { id, label, type, color: colours[type], shape: shapes[type] } });
  node('c', 'company', 'Stress Import');
  for (let p = 0; p < 200; p++) {
    node('p' + p, 'person', 'Manager ' + p);
    elements.push({ group: 'edges', data: { id: 'ep' + p, source: 'p' + p, target: 'c' } });
    for (let k = 0; k < 9; k++) {
      const id = 'f' + p + '_' + k;
      node(id, 'phone', '+2126' + String(p * 10 + k).padStart(8, '0'));
      elements.push({ group: 'edges', data: { id: 'e' + id, source: 'p' + p, target: id } });
    }
  }
  const style = [
    { selector: 'node', style: { 'background-color': 'data(color)', shape: 'data(shape)', label: 'data(label)', width: 22, height: 22,
      'font-size': 10, color: '#212529', 'text-valign': 'bottom', 'text-margin-y': 3, 'min-zoomed-font-size': 7, 'border-width': 0 } },
    { selector: 'node.center', style: { width: 34, height: 34, 'font-weight': 'bold' } },
    { selector: 'edge', style: { width: 1.5, 'line-color': '#adb5bd', 'curve-style': 'haystack', 'haystack-radius': 0 } },
    ...${JSON.stringify(extra)},
  ];
  const div = document.createElement('div');
  div.id = 'chart';
  div.style.cssText = 'width:1200px;height:560px;position:absolute;left:0;top:0;background:#fff';
  document.body.style.margin = '0';
  document.body.append(div);
  const cy = window.cytoscape({ container: div, elements, style, minZoom: 0.05, maxZoom: 4, ...${JSON.stringify(options)} });
  cy.getElementById('c').addClass('center');
  cy.layout({ name: 'concentric', animate: false, fit: true, minNodeSpacing: 4,
    concentric: (n) => (n.id() === 'c' ? 100 : n.degree(false) > 1 ? 50 : 1), levelWidth: () => 1 }).run();
  cy.fit(undefined, 30);
  window.__cy = cy;
  window.__config = ${JSON.stringify(config)};
})()`;

interface Frames {
  drag: number[];
  leaf: number[];
  pan: number[];
}

const quantile = (sorted: number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]! : 0;

async function measure(browserPath: string, config: string, steps: number): Promise<Frames> {
  const require = createRequire(import.meta.url);
  const browser = await chromium.launch({ executablePath: browserPath, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: require.resolve('cytoscape/dist/cytoscape.min.js') });
    await page.evaluate(PAGE_SCRIPT(config, CONFIGS[config]!, []));
    const record = () =>
      page.evaluate(`(() => {
        const w = window; w.__frames = []; let last = performance.now(); w.__recording = true;
        const tick = (now) => { w.__frames.push(now - last); last = now; if (w.__recording) requestAnimationFrame(tick); };
        requestAnimationFrame(tick);
      })()`);
    const stop = async () =>
      (await page.evaluate(
        `(() => { window.__recording = false; return window.__frames.slice(1); })()`,
      )) as number[];
    const at = async (id: string) =>
      (await page.evaluate(
        `(() => window.__cy.getElementById(${JSON.stringify(id)}).renderedPosition())()`,
      )) as {
        x: number;
        y: number;
      };
    const drag = async (x0: number, y0: number) => {
      await page.mouse.move(x0, y0);
      await page.mouse.down();
      for (let i = 1; i <= steps; i++) await page.mouse.move(x0 + i * 5, y0 + i * 2);
      await page.mouse.up();
    };
    // A first drag builds the renderer's caches (not counted), then the company with its 200 links, a leaf, and
    // the background (panning all 2,001 nodes).
    const centre = await at('c');
    await drag(centre.x, centre.y);
    const moved = await at('c');
    await record();
    await drag(moved.x, moved.y);
    const dragFrames = await stop();
    const leaf = await at('f17_3');
    await record();
    await drag(leaf.x, leaf.y);
    const leafFrames = await stop();
    await record();
    await drag(8, 8);
    const panFrames = await stop();
    return { drag: dragFrames, leaf: leafFrames, pan: panFrames };
  } finally {
    await browser.close();
  }
}

function reportFrames(ctx: BenchContext, config: string, what: string, before: number[], after: number[]) {
  const b = [...before].sort((x, y) => x - y);
  const a = [...after].sort((x, y) => x - y);
  const text = (s: number[]) =>
    `p50 ${quantile(s, 0.5).toFixed(1)} ms, p99 ${quantile(s, 0.99).toFixed(1)} ms, max ${(s.at(-1) ?? 0).toFixed(1)} ms over ${s.length} frames`;
  ctx.report({
    name: `link chart, 2,001 nodes: ${what}, longest frame (${config})`,
    value: a.at(-1) ?? 0,
    unit: 'ms',
    baseline: { name: `the same, before (${text(b)})`, value: b.at(-1) ?? 0, unit: 'ms' },
    ratio: (b.at(-1) ?? 0) / Math.max(a.at(-1) ?? 0, 0.001),
    target: '< 100 ms',
    note: `${config}: ${text(a)}`,
  });
}

const suite: BenchSuite = {
  name: 'graph-chart',
  description: 'the link chart with 2,000 nodes in headless Chromium: frame times while dragging and panning',
  async run(ctx) {
    if (!existsSync(CHROMIUM)) return ctx.skip(`no Chromium at ${CHROMIUM} (VIGIE_CHROMIUM)`);
    const rounds = ctx.quick ? 1 : 3;
    const steps = ctx.quick ? 30 : 60;
    const names = Object.keys(CONFIGS);
    const all: Record<string, Frames> = Object.fromEntries(
      names.map((n) => [n, { drag: [], leaf: [], pan: [] }]),
    );
    for (let round = 0; round < rounds; round++)
      for (const config of round % 2 ? [...names].reverse() : names) {
        const frames = await measure(CHROMIUM, config, steps);
        ctx.log(
          `${config}, round ${round + 1}: drag max ${Math.round(Math.max(...frames.drag))} ms, leaf ${Math.round(Math.max(...frames.leaf))} ms, pan ${Math.round(Math.max(...frames.pan))} ms`,
        );
        for (const k of ['drag', 'leaf', 'pan'] as const) all[config]![k].push(...frames[k]);
      }
    for (const config of names.filter((n) => n !== 'before')) {
      reportFrames(ctx, config, 'dragging the company (200 links)', all.before!.drag, all[config]!.drag);
      reportFrames(ctx, config, 'dragging a leaf', all.before!.leaf, all[config]!.leaf);
      reportFrames(ctx, config, 'panning', all.before!.pan, all[config]!.pan);
    }
  },
};

export default suite;
