/** The selection queue (placeholder while the page is built). */
import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function Selection() {
  const { t } = useTranslation();
  return <Title order={2}>{t('nav.selection')}</Title>;
}
