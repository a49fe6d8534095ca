import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app.css';
import { Center, createTheme, DirectionProvider, Loader, MantineProvider, useDirection } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ComponentType, lazy, StrictMode, Suspense, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate } from 'react-router';
import { type RouteMap, RouteTable } from './components/routes.tsx';
import './i18n/index.ts';
import { direction } from './i18n/index.ts';
import { Layout, landingFor } from './Layout.tsx';
import { Dashboard } from './pages/Dashboard.tsx';
import { Login } from './pages/Login.tsx';
import { SessionProvider, useSession } from './session.tsx';

const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans Arabic", sans-serif',
});
/**
 * Every page but the dashboard (the first one seen) is its own chunk, fetched when first opened: the first load over
 * a customs post's slow link carries the dashboard only (docs/decisions/0027-web-weight.md). Link analysis brings
 * Cytoscape.js, the case pages their forms, and so on. The layout shows a loader while a page's chunk arrives.
 */
function lazyPage<M>(load: () => Promise<M>, pick: (module: M) => ComponentType): ComponentType {
  return lazy(() => load().then((module) => ({ default: pick(module) })));
}

/** The address of the app itself: each user's landing page, chosen by their permissions (Layout.tsx). */
function Home() {
  const { can } = useSession();
  return <Navigate to={landingFor(can)} replace />;
}

const ROUTES: RouteMap = {
  '/': Home,
  '/dashboard': Dashboard,
  '/declarations': lazyPage(
    () => import('./pages/Declarations.tsx'),
    (m) => m.Declarations,
  ),
  '/declarations/:reference': lazyPage(
    () => import('./pages/Declaration.tsx'),
    (m) => m.Declaration,
  ),
  '/imports': lazyPage(
    () => import('./pages/Imports.tsx'),
    (m) => m.Imports,
  ),
  '/selection': lazyPage(
    () => import('./pages/risk/Selection.tsx'),
    (m) => m.Selection,
  ),
  '/rules/*': lazyPage(
    () => import('./pages/rules/index.tsx'),
    (m) => m.RulesAndCampaigns,
  ),
  '/models': lazyPage(
    () => import('./pages/Models.tsx'),
    (m) => m.Models,
  ),
  '/osint/*': lazyPage(
    () => import('./pages/osint/index.tsx'),
    (m) => m.OnlineMonitoring,
  ),
  '/graph/*': lazyPage(
    () => import('./pages/graph/index.tsx'),
    (m) => m.default,
  ),
  '/cases/*': lazyPage(
    () => import('./pages/cases/index.tsx'),
    (m) => m.Cases,
  ),
  '/operations/*': lazyPage(
    () => import('./pages/cases/Operations.tsx'),
    (m) => m.Operations,
  ),
  '/figures': lazyPage(
    () => import('./pages/cases/Figures.tsx'),
    (m) => m.Figures,
  ),
  '/parcels/*': lazyPage(
    () => import('./pages/parcels/index.tsx'),
    (m) => m.Parcels,
  ),
  '/targeting/*': lazyPage(
    () => import('./pages/targeting/index.tsx'),
    (m) => m.Targeting,
  ),
  '/sharing/*': lazyPage(
    () => import('./pages/sharing/index.tsx'),
    (m) => m.Sharing,
  ),
  '/register/*': lazyPage(
    () => import('./pages/register/index.tsx'),
    (m) => m.Register,
  ),
  '/admin/*': lazyPage(
    () => import('./pages/admin/index.tsx'),
    (m) => m.Administration,
  ),
  '/account': lazyPage(
    () => import('./pages/admin/Account.tsx'),
    (m) => m.Account,
  ),
};
const client = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });

function App() {
  const { user, loading } = useSession();
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  useEffect(() => {
    document.documentElement.lang = i18n.language;
    setDirection(direction(i18n.language));
  }, [i18n.language, setDirection]);
  if (loading) {
    return (
      <Center mih="100vh">
        <Loader />
      </Center>
    );
  }
  if (!user) return <Login />;
  return (
    <Layout>
      <Suspense fallback={<Loader />}>
        <RouteTable routes={ROUTES} fallback="/" />
      </Suspense>
    </Layout>
  );
}

function Root() {
  const { i18n } = useTranslation();
  return (
    <DirectionProvider initialDirection={direction(i18n.language)}>
      <MantineProvider theme={theme}>
        <Notifications position="top-right" />
        <QueryClientProvider client={client}>
          <BrowserRouter>
            <SessionProvider>
              <App />
            </SessionProvider>
          </BrowserRouter>
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
