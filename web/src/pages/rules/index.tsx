/** Rules and campaigns: rule profiles and their versions, editing with located errors, back-tests, campaigns. */
import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function RulesAndCampaigns() {
  const { t } = useTranslation();
  return <Title order={2}>{t('nav.rules')}</Title>;
}
