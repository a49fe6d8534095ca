/**
 * Rules and campaigns: rule profiles and their versions, editing with located errors, back-tests, four-eyes
 * approvals (activation requests with their diff and back-test; model promotion requests), campaigns.
 */
import { Group, SegmentedControl, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { type RouteMap, RouteTable } from '../../components/routes.tsx';
import { ApprovalRequest } from './ApprovalRequest.tsx';
import { Approvals } from './Approvals.tsx';
import { Backtest } from './Backtest.tsx';
import { CampaignDetail } from './CampaignDetail.tsx';
import { Campaigns } from './Campaigns.tsx';
import { ProfileEditor } from './Editor.tsx';
import { ProfileDetail } from './ProfileDetail.tsx';
import { Profiles } from './Profiles.tsx';

const ROUTES: RouteMap = {
  '': { redirect: 'profiles' },
  profiles: Profiles,
  'profiles/new': ProfileEditor,
  'profiles/:id': ProfileDetail,
  'profiles/:id/edit': ProfileEditor,
  'profiles/:id/backtest': Backtest,
  approvals: Approvals,
  'approvals/:id': ApprovalRequest,
  campaigns: Campaigns,
  'campaigns/:id': CampaignDetail,
};

export function RulesAndCampaigns() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const section = location.pathname.startsWith('/rules/campaigns')
    ? 'campaigns'
    : location.pathname.startsWith('/rules/approvals')
      ? 'approvals'
      : 'profiles';
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>{t('nav.rules')}</Title>
        <SegmentedControl
          aria-label={t('rules.sections')}
          value={section}
          onChange={(value) => navigate(`/rules/${value}`)}
          data={[
            { value: 'profiles', label: t('rules.profiles') },
            { value: 'approvals', label: t('approvals.title') },
            { value: 'campaigns', label: t('campaigns.title') },
          ]}
        />
      </Group>
      <RouteTable routes={ROUTES} fallback="/rules/profiles" />
    </Stack>
  );
}
