/** Page tests' setup beyond test/harness.tsx: pages at their routes, and the browser APIs happy-dom lacks. */
import type { ReactElement } from 'react';
import { Route, Routes } from 'react-router';
import { beforeAll } from 'vitest';
import { renderPage } from './harness.tsx';

/** Renders `pages` (route pattern → element, as the app's router has them) at `route`, through `renderPage`. */
export function renderRoutes(route: string, pages: Record<string, ReactElement>) {
  return renderPage(
    <Routes>
      {Object.entries(pages).map(([path, element]) => (
        <Route key={path} path={path} element={element} />
      ))}
    </Routes>,
    { route },
  );
}

/**
 * Before the file's tests, defines what Mantine's components ask of the browser and happy-dom lacks: `matchMedia`,
 * and `document.fonts` (a textarea's autosize listens for fonts loading) unless `fonts: false` (the link chart's
 * tests run without it: its search fails to show its results with the stand-in).
 */
export function stubMissingBrowserApis({ fonts = true } = {}) {
  beforeAll(() => {
    if (!window.matchMedia)
      Object.defineProperty(window, 'matchMedia', {
        value: () => ({ matches: false, addEventListener() {}, removeEventListener() {} }),
      });
    if (fonts && !('fonts' in document))
      Object.defineProperty(document, 'fonts', {
        value: { addEventListener() {}, removeEventListener() {} },
      });
  });
}
