/**
 * Link analysis (/graph): the link chart, the merge-suggestion queue, the map of premises and storage cities, hubs and exclusions, saved
 * networks, and an entity's page (/graph/entity/:id). Loaded on demand: Cytoscape.js is only fetched by those who open it.
 */
import { Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { type RouteMap, RouteTable } from '../../components/routes.tsx';
import { EntityPage } from './Entity.tsx';
import { GraphMap } from './GraphMap.tsx';
import { Hubs } from './Hubs.tsx';
import { LinkChart } from './LinkChart.tsx';
import { Networks } from './Networks.tsx';
import { Suggestions } from './Suggestions.tsx';

const ROUTES: RouteMap = {
  '': LinkChart,
  suggestions: Suggestions,
  map: GraphMap,
  hubs: Hubs,
  networks: Networks,
  'entity/:id': EntityPage,
};

const TABS = ['chart', 'networks', 'suggestions', 'map', 'hubs'] as const;

export default function LinkAnalysis() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const segment = location.pathname.replace(/^\/graph\/?/, '').split('/')[0] || 'chart';
  const tab = (TABS as readonly string[]).includes(segment) ? segment : null;
  return (
    <Stack gap="sm">
      <PageHeader title={t('nav.graph')} subtitle={t('graph.subtitle')} />
      <Tabs value={tab} onChange={(v) => v && navigate(v === 'chart' ? '/graph' : `/graph/${v}`)}>
        <Tabs.List>
          {TABS.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {t(`graph.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <RouteTable routes={ROUTES} fallback="/graph" />
    </Stack>
  );
}
