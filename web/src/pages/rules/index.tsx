/** Rules and campaigns: rule profiles and their versions, editing with located errors, back-tests, campaigns. */
import { Group, SegmentedControl, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { Backtest } from './Backtest.tsx';
import { CampaignDetail } from './CampaignDetail.tsx';
import { Campaigns } from './Campaigns.tsx';
import { ProfileEditor } from './Editor.tsx';
import { ProfileDetail } from './ProfileDetail.tsx';
import { Profiles } from './Profiles.tsx';

export function RulesAndCampaigns() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const section = location.pathname.startsWith('/rules/campaigns') ? 'campaigns' : 'profiles';
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
            { value: 'campaigns', label: t('campaigns.title') },
          ]}
        />
      </Group>
      <Routes>
        <Route index element={<Navigate to="profiles" replace />} />
        <Route path="profiles" element={<Profiles />} />
        <Route path="profiles/new" element={<ProfileEditor />} />
        <Route path="profiles/:id" element={<ProfileDetail />} />
        <Route path="profiles/:id/edit" element={<ProfileEditor />} />
        <Route path="profiles/:id/backtest" element={<Backtest />} />
        <Route path="campaigns" element={<Campaigns />} />
        <Route path="campaigns/:id" element={<CampaignDetail />} />
        <Route path="*" element={<Navigate to="/rules/profiles" replace />} />
      </Routes>
    </Stack>
  );
}
