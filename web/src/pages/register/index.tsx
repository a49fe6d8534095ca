/**
 * The partner data as imported (nested routes under /register): the company register, port and airport manifests,
 * foreign-exchange payments. Read-only (`partners:read`); each list filtered and paged on the server, filters in the
 * address; a linked declaration opens its page.
 */
import { Stack, Tabs } from '@mantine/core';
import { useLocation, useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { type RouteMap, RouteTable } from '../../components/routes.tsx';
import { useLang } from '../../i18n/index.ts';
import { Companies } from './Companies.tsx';
import { Manifests } from './Manifests.tsx';
import { Payments } from './Payments.tsx';

const ROUTES: RouteMap = {
  '': { redirect: 'companies' },
  companies: Companies,
  manifests: Manifests,
  payments: Payments,
};
const TABS = ['companies', 'manifests', 'payments'] as const;

export function Register() {
  const { t } = useLang();
  const location = useLocation();
  const navigate = useNavigate();
  const segment = location.pathname.replace(/^\/register\/?/, '').split('/')[0] ?? '';
  const tab = (TABS as readonly string[]).includes(segment) ? segment : 'companies';
  return (
    <Stack gap="sm">
      <PageHeader title={t('register.title')} subtitle={t('register.subtitle')} />
      <Tabs value={tab} onChange={(v) => v && navigate(`/register/${v}`)}>
        <Tabs.List>
          {TABS.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {t(`register.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <RouteTable routes={ROUTES} fallback="/register/companies" />
    </Stack>
  );
}
