/**
 * A table of routes: each path with the page it shows, and where any other path goes. The workbench and its areas
 * (online monitoring, rules and campaigns) declare their pages this way instead of each writing out the same
 * `<Route path element>` list.
 */
import type { ComponentType } from 'react';
import { Navigate, Route, Routes } from 'react-router';

/** Path (relative to the enclosing route; '' for its index) → the page, or a path to redirect to. */
export type RouteMap = Record<string, ComponentType | { redirect: string }>;

function elementOf(Page: RouteMap[string]) {
  return 'redirect' in Page ? <Navigate to={Page.redirect} replace /> : <Page />;
}

export function RouteTable({ routes, fallback }: { routes: RouteMap; fallback: string }) {
  return (
    <Routes>
      {Object.entries(routes).map(([path, page]) =>
        path === '' ? (
          <Route key="" index element={elementOf(page)} />
        ) : (
          <Route key={path} path={path} element={elementOf(page)} />
        ),
      )}
      <Route path="*" element={<Navigate to={fallback} replace />} />
    </Routes>
  );
}
