import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { Center, createTheme, DirectionProvider, Loader, MantineProvider, useDirection } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, StrictMode, Suspense, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { type RouteMap, RouteTable } from './components/routes.tsx';
import './i18n/index.ts';
import { direction } from './i18n/index.ts';
import { Layout } from './Layout.tsx';
import { Figures } from './pages/cases/Figures.tsx';
import { Cases } from './pages/cases/index.tsx';
import { Operations } from './pages/cases/Operations.tsx';
import { Dashboard } from './pages/Dashboard.tsx';
import { Declaration } from './pages/Declaration.tsx';
import { Declarations } from './pages/Declarations.tsx';
import { Imports } from './pages/Imports.tsx';
import { Login } from './pages/Login.tsx';
import { Models } from './pages/Models.tsx';
import { OnlineMonitoring } from './pages/osint/index.tsx';
import { Selection } from './pages/risk/Selection.tsx';
import { RulesAndCampaigns } from './pages/rules/index.tsx';
import { SessionProvider, useSession } from './session.tsx';

const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans Arabic", sans-serif',
});
// Link analysis brings Cytoscape.js: fetched when first opened, not with the first page.
const LinkAnalysis = lazy(() => import('./pages/graph/index.tsx'));
function Graph() {
  return (
    <Suspense fallback={<Loader />}>
      <LinkAnalysis />
    </Suspense>
  );
}

const ROUTES: RouteMap = {
  '/': Dashboard,
  '/declarations': Declarations,
  '/declarations/:reference': Declaration,
  '/imports': Imports,
  '/selection': Selection,
  '/rules/*': RulesAndCampaigns,
  '/models': Models,
  '/osint/*': OnlineMonitoring,
  '/graph/*': Graph,
  '/cases/*': Cases,
  '/operations/*': Operations,
  '/figures': Figures,
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
      <RouteTable routes={ROUTES} fallback="/" />
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
