/** The frame of every page: header with language and sign-out, a menu showing only what the role allows. */
import {
  AppShell,
  Burger,
  Group,
  NavLink,
  SegmentedControl,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { SearchBox } from './components/tools/SearchBox.tsx';
import { LANGUAGES, type Language, setLanguage } from './i18n/index.ts';
import { useSession } from './session.tsx';

/** Menu entries and the permission each needs; pages added by later modules join this list. */
export const MENU: { path: string; label: string; permission: string }[] = [
  { path: '/', label: 'nav.dashboard', permission: 'declarations:read' },
  { path: '/selection', label: 'nav.selection', permission: 'risk:read' },
  { path: '/declarations', label: 'nav.declarations', permission: 'declarations:read' },
  { path: '/rules', label: 'nav.rules', permission: 'risk:read' },
  { path: '/imports', label: 'nav.imports', permission: 'jobs:read' },
  { path: '/models', label: 'nav.models', permission: 'models:read' },
  { path: '/osint', label: 'nav.osint', permission: 'osint:read' },
  { path: '/graph', label: 'nav.graph', permission: 'graph:read' },
  { path: '/cases', label: 'nav.cases', permission: 'cases:read' },
  { path: '/operations', label: 'nav.operations', permission: 'cases:read' },
  { path: '/figures', label: 'nav.figures', permission: 'reports:read' },
];

export function Layout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { user, can, signOut } = useSession();
  const [opened, { toggle }] = useDisclosure();
  const location = useLocation();
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="menu" />
            <Title order={3} c="blue.8">
              {t('app.name')}
            </Title>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {t('app.tagline')}
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            {user && <SearchBox />}
            <SegmentedControl
              size="xs"
              aria-label={t('language.choose')}
              value={i18n.language}
              onChange={(value) => setLanguage(value as Language)}
              data={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
            />
            {user && (
              <Text size="sm" visibleFrom="sm" data-testid="user-name">
                {user.display_name}
              </Text>
            )}
            <UnstyledButton onClick={() => void signOut()} fz="sm" c="blue.8">
              {t('nav.signOut')}
            </UnstyledButton>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="main">
        {MENU.filter((entry) => can(entry.permission)).map((entry) => (
          <NavLink
            key={entry.path}
            component={Link}
            to={entry.path}
            label={t(entry.label)}
            active={entry.path === '/' ? location.pathname === '/' : location.pathname.startsWith(entry.path)}
            onClick={() => opened && toggle()}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
