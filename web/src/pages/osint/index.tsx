/** Online monitoring: sources and their health, the analysed feed, sellers, alerts, evidence (nested routes). */
import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function OnlineMonitoring() {
  const { t } = useTranslation();
  return <Title order={2}>{t('nav.osint')}</Title>;
}
