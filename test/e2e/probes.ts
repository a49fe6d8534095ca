/**
 * What the hostile-data browser test watches in the page, and how it hovers charts. A script installed before any
 * page script records, as the DOM changes: elements that could run script (an event-handler attribute, an inline
 * <script>, a frame or plugin, a javascript: address, an <img src=x> of a payload), every text a chart tooltip
 * shows, and every Content-Security-Policy refusal. Charts are hovered on each of their coloured marks (bars,
 * slices, points: found in the canvas's pixels), so that every item's tooltip is rendered. All of it is behaviour:
 * no timing is measured or assumed.
 *
 * The page code is plain JavaScript in strings: the tests are compiled without the DOM library.
 */
import type { Page } from 'playwright-core';

export const PROBE_SCRIPT = `(() => {
  const probe = { injected: [], tooltips: new Set(), violations: [] };
  const flag = (el, why) => probe.injected.push(why + ': ' + el.outerHTML.slice(0, 300));
  const check = (el) => {
    if (el.nodeType !== 1) return;
    for (const e of [el, ...el.querySelectorAll('*')]) {
      for (const name of e.getAttributeNames()) {
        const value = (e.getAttribute(name) || '').trim().toLowerCase();
        if (name.toLowerCase().startsWith('on')) flag(e, 'handler attribute ' + name);
        if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(name) && value.startsWith('javascript:'))
          flag(e, 'javascript: address');
      }
      const tag = e.tagName;
      if (tag === 'SCRIPT' && !e.src) flag(e, 'inline script');
      if (tag === 'SCRIPT' && e.src && new URL(e.src).origin !== location.origin) flag(e, 'foreign script');
      if (['IFRAME', 'FRAME', 'OBJECT', 'EMBED'].includes(tag)) flag(e, 'frame or plugin');
      if (tag === 'IMG' && /\\/x$/.test(e.src)) flag(e, 'payload image');
    }
  };
  const tooltipOf = (node) => {
    const el = node && (node.nodeType === 1 ? node : node.parentElement);
    const tip = el && el.closest('[role=img] > div');
    return tip && !tip.querySelector('canvas') ? tip : null;
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') check(r.target);
      for (const n of r.addedNodes) check(n);
      const tip = tooltipOf(r.target);
      if (tip && tip.textContent) probe.tooltips.add(tip.textContent);
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  document.addEventListener('securitypolicyviolation', (e) =>
    probe.violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')),
  );
  /** Where to hover a chart: the middle of each run of coloured pixels, every few rows of its canvas. */
  probe.marks = (chart) => {
    chart.scrollIntoView({ block: 'center' });
    const canvas = chart.querySelector('canvas');
    const rect = canvas.getBoundingClientRect();
    const sx = canvas.width / rect.width;
    const sy = canvas.height / rect.height;
    const { data, width, height } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    const coloured = (i) => data[i + 3] > 128 && Math.max(data[i], data[i + 1], data[i + 2]) - Math.min(data[i], data[i + 1], data[i + 2]) > 40;
    const points = [];
    for (let y = 2; y < height; y += Math.max(1, Math.round(5 * sy))) {
      let start = -1;
      for (let x = 0; x <= width; x++) {
        const on = x < width && coloured((y * width + x) * 4);
        if (on && start < 0) start = x;
        if (!on && start >= 0) {
          points.push({ x: rect.left + (start + x - 1) / 2 / sx, y: rect.top + y / sy });
          start = -1;
        }
      }
    }
    const step = Math.ceil(points.length / 300);
    return points.filter((_, i) => i % step === 0);
  };
  probe.report = () => ({
    injected: probe.injected,
    tooltips: [...probe.tooltips],
    violations: probe.violations,
    xss: window.__xss,
  });
  window.__probe = probe;
})();`;

export interface ProbeReport {
  injected: string[];
  tooltips: string[];
  violations: string[];
  xss: unknown;
}

/** The probe as the page has it (the tests are compiled without the DOM library). */
interface ProbeGlobals {
  __probe: { report(): ProbeReport; marks(chart: unknown): { x: number; y: number }[] };
}

export const report = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as ProbeGlobals).__probe.report());

/** Hovers every coloured mark of every chart on the page; answers how many charts it hovered. */
export async function hoverEveryChart(page: Page): Promise<number> {
  // Each chart scrolled into view and read just before it is hovered (its marks are where the screen shows them
  // then). Through `evaluateAll`, so that a chart that went away meanwhile (drawn again when its data arrived on a
  // busy machine) gives no marks instead of leaving a locator waiting for an element that is no longer there.
  const charts = page.locator('[role=img]:has(canvas)');
  const count = await charts.count();
  for (let i = 0; i < count; i++) {
    const points = await charts.evaluateAll(
      (all, n) => (n < all.length ? (globalThis as unknown as ProbeGlobals).__probe.marks(all[n]) : []),
      i,
    );
    for (const p of points) await page.mouse.move(p.x, p.y);
  }
  await page.mouse.move(1, 1);
  return count;
}
