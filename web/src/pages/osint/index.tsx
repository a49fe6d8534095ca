/**
 * Online monitoring: an overview, the analysed feed, alerts and decisions, sellers across platforms, sources and
 * their health, the watchlist and submitted URLs (nested routes under /osint). Any post opens in a drawer
 * (`?post=ID`) with its evidence.
 */
import { Badge, Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { type RouteMap, RouteTable } from '../../components/routes.tsx';
import { Alerts, useAlertCounts } from './Alerts.tsx';
import { Feed } from './Feed.tsx';
import { Overview } from './Overview.tsx';
import { PostDrawer } from './PostDetail.tsx';
import { SellerPage, Sellers } from './Sellers.tsx';
import { SourceRuns, Sources } from './Sources.tsx';
import { Watchlist } from './Watchlist.tsx';

const ROUTES: RouteMap = {
  '': Overview,
  feed: Feed,
  alerts: Alerts,
  sellers: Sellers,
  'sellers/:id': SellerPage,
  sources: Sources,
  'sources/:id': SourceRuns,
  watchlist: Watchlist,
};

const TABS = ['overview', 'feed', 'alerts', 'sellers', 'sources', 'watchlist'] as const;

export function OnlineMonitoring() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const { counts } = useAlertCounts();
  const segment = location.pathname.replace(/^\/osint\/?/, '').split('/')[0] || 'overview';
  const tab = (TABS as readonly string[]).includes(segment) ? segment : 'overview';
  return (
    <Stack gap="sm">
      <PageHeader title={t('nav.osint')} subtitle={t('osint.subtitle')}></PageHeader>
      <Tabs value={tab} onChange={(v) => v && navigate(v === 'overview' ? '/osint' : `/osint/${v}`)}>
        <Tabs.List>
          {TABS.map((name) => (
            <Tabs.Tab
              key={name}
              value={name}
              rightSection={
                name === 'alerts' && counts.open ? (
                  <Badge size="xs" color="red" circle={counts.open < 10}>
                    {counts.open}
                  </Badge>
                ) : undefined
              }
            >
              {t(`osint.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <RouteTable routes={ROUTES} fallback="/osint" />
      <PostDrawer />
    </Stack>
  );
}
