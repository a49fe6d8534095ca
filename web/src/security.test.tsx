// @vitest-environment happy-dom
/**
 * What keeps imported text from running as script in the workbench (docs/decisions/security-escaping.md): React
 * renders text, the chart tooltips (ECharts' only HTML) go through `Chart`, and nothing else builds HTML. These
 * tests read the sources so that a new HTML sink, or a chart drawn around `Chart`, fails here first.
 */
import { MantineProvider } from '@mantine/core';
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { escapeHtml, html } from './components/chart-html.ts';
import i18n from './i18n/index.ts';

const SOURCES = Object.entries(
  import.meta.glob<string>(['./**/*.{ts,tsx}', '!./**/*.test.{ts,tsx}', '!./test/**'], {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
);

afterEach(cleanup);

describe('escaping in the workbench', () => {
  it('has no HTML sink but the chart tooltips, and every chart goes through Chart', () => {
    expect(SOURCES.length).toBeGreaterThan(30);
    const sinks =
      /innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write|new Function|\beval\(/;
    // chart-html.ts names innerHTML in its explanation: it is where tooltips are made safe.
    const withSinks = SOURCES.filter(
      ([file, text]) => file !== './components/chart-html.ts' && sinks.test(text),
    );
    expect(withSinks.map(([file]) => file)).toEqual([]);
    const echarts = SOURCES.filter(([, text]) => /from 'echarts/.test(text)).map(([file]) => file);
    expect(echarts).toEqual(['./components/Chart.tsx']);
  });

  it('escapes what html interpolates and keeps its own markup', () => {
    expect(escapeHtml(`<a href="x">R&D's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;R&amp;D&#39;s&lt;/a&gt;');
    expect(escapeHtml(null)).toBe('');
    const name = '<img src=x onerror=alert(1)>';
    const rows = [1, 2].map((n) => html`${name} <b>${n}</b><br/>`);
    expect(html`<div>${rows}${html`<i>${'&'}</i>`}</div>`.markup).toBe(
      '<div>&lt;img src=x onerror=alert(1)&gt; <b>1</b><br/>&lt;img src=x onerror=alert(1)&gt; <b>2</b><br/>' +
        '<i>&amp;</i></div>',
    );
  });

  it('leaves translated messages as text: React escapes them, so a value shows as it is, never double-escaped', async () => {
    await i18n.changeLanguage('fr');
    const value = `R&D <img src=x onerror="window.__xss=1">`;
    const message = i18n.t('declarationRisk.why.modelLabel', { name: value });
    expect(message).toBe(`Modèle ${value}`);
    const { container } = render(
      <MantineProvider>
        <p title={message}>{message}</p>
      </MantineProvider>,
    );
    expect(container.querySelector('p')!.textContent).toBe(`Modèle ${value}`);
    expect(container.querySelector('p')!.title).toBe(`Modèle ${value}`);
    expect(container.querySelector('img')).toBeNull();
    // In a tooltip, a message is a value like any other: escaped by html.
    expect(html`${message}`.markup).toBe(
      'Modèle R&amp;D &lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;',
    );
  });
});
