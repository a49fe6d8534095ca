/** The frame of every page: header with language and sign-out, a menu showing only what the role allows. */
import {
  AppShell,
  Burger,
  Group,
  NavLink,
  ScrollArea,
  SegmentedControl,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { LiveEvents } from './components/tools/LiveEvents.tsx';
import { SearchBox } from './components/tools/SearchBox.tsx';
import { LANGUAGES, type Language, setLanguage } from './i18n/index.ts';
import { useSession } from './session.tsx';

/** The menu's groups, in order; an entry without one joins the first. */
export const SECTIONS = [
  'work',
  'targeting',
  'data',
  'investigation',
  'cooperation',
  'administration',
] as const;
export type Section = (typeof SECTIONS)[number];

/** A menu entry: where it goes, its label's message key, the permission it needs, and its group. */
export interface MenuEntry {
  path: string;
  label: string;
  permission: string;
  section?: Section;
}

/**
 * Menu entries and the permission each needs; pages added by later modules join this list. A user sees an entry
 * when the session's permissions include its permission (never by role name), and the server checks every call
 * again.
 */
export const MENU: MenuEntry[] = [
  { path: '/dashboard', label: 'nav.dashboard', permission: 'declarations:read' },
  { path: '/selection', label: 'nav.selection', permission: 'risk:read' },
  { path: '/declarations', label: 'nav.declarations', permission: 'declarations:read' },
  { path: '/parcels', label: 'parcels.nav.queue', permission: 'parcels:read' },
  { path: '/parcels/mine', label: 'parcels.nav.mine', permission: 'parcels:read' },
  { path: '/rules', label: 'nav.rules', permission: 'risk:read', section: 'targeting' },
  {
    path: '/targeting/capacities',
    label: 'targeting.nav.capacities',
    permission: 'risk:read',
    section: 'targeting',
  },
  {
    path: '/targeting/lists',
    label: 'targeting.nav.lists',
    permission: 'risk:intelligence',
    section: 'targeting',
  },
  {
    path: '/targeting/valuation',
    label: 'targeting.nav.findings',
    permission: 'valuation:read',
    section: 'targeting',
  },
  {
    path: '/targeting/integrity',
    label: 'targeting.nav.integrity',
    permission: 'risk:integrity',
    section: 'targeting',
  },
  {
    path: '/parcels/examiners',
    label: 'parcels.nav.examiners',
    permission: 'parcels:read',
    section: 'targeting',
  },
  { path: '/models', label: 'nav.models', permission: 'models:read', section: 'targeting' },
  { path: '/register', label: 'register.nav', permission: 'partners:read', section: 'data' },
  { path: '/imports', label: 'nav.imports', permission: 'jobs:read', section: 'data' },
  { path: '/osint', label: 'nav.osint', permission: 'osint:read', section: 'investigation' },
  { path: '/graph', label: 'nav.graph', permission: 'graph:read', section: 'investigation' },
  { path: '/cases', label: 'nav.cases', permission: 'cases:read', section: 'investigation' },
  { path: '/operations', label: 'nav.operations', permission: 'cases:read', section: 'investigation' },
  { path: '/figures', label: 'nav.figures', permission: 'reports:read', section: 'investigation' },
  { path: '/sharing', label: 'sharing.nav.messages', permission: 'sharing:read', section: 'cooperation' },
  {
    path: '/sharing/assistance',
    label: 'sharing.nav.assistance',
    permission: 'assistance:read',
    section: 'cooperation',
  },
  {
    path: '/sharing/groups',
    label: 'sharing.nav.groups',
    permission: 'sharing:read',
    section: 'cooperation',
  },
  {
    path: '/sharing/partners',
    label: 'sharing.nav.partners',
    permission: 'sharing:read',
    section: 'cooperation',
  },
  {
    path: '/sharing/ledger',
    label: 'sharing.nav.ledger',
    permission: 'sharing:read',
    section: 'cooperation',
  },
  { path: '/admin/users', label: 'admin.nav.users', permission: 'users:manage', section: 'administration' },
  { path: '/admin/audit', label: 'admin.nav.audit', permission: 'audit:read', section: 'administration' },
  { path: '/account', label: 'admin.nav.account', permission: 'session', section: 'administration' },
];

/** The entries a user with these permissions sees, in menu order. */
export function menuFor(can: (permission: string) => boolean): MenuEntry[] {
  return MENU.filter((entry) => can(entry.permission));
}

/**
 * Where each kind of work starts, by the permission that marks it (first match wins): whoever manages users starts
 * with them, whoever reads the audit trail with it, whoever runs the selection with the dashboard, whoever records
 * outcomes with the selection queue, whoever runs cases with them, whoever shares with partners with sharing.
 */
export const LANDINGS: { permission: string; path: string }[] = [
  { permission: 'users:manage', path: '/admin/users' },
  { permission: 'audit:read', path: '/admin/audit' },
  { permission: 'risk:select', path: '/dashboard' },
  { permission: 'risk:decide', path: '/selection' },
  { permission: 'cases:manage', path: '/cases' },
  { permission: 'sharing:read', path: '/sharing' },
];

/** The landing page of a user: the first landing whose page is in their menu, else the first entry of their menu. */
export function landingFor(can: (permission: string) => boolean): string {
  const menu = menuFor(can);
  const landing = LANDINGS.find((l) => can(l.permission) && menu.some((entry) => entry.path === l.path));
  return landing?.path ?? menu[0]?.path ?? '/account';
}

/** The menu entry a path belongs to: the longest menu path it starts with. */
function activeEntry(pathname: string, entries: readonly MenuEntry[]): string | undefined {
  return entries
    .filter((entry) => pathname === entry.path || pathname.startsWith(`${entry.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0]?.path;
}

/** The menu, grouped by section (a heading above each group but the first). */
function Menu({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const location = useLocation();
  const entries = menuFor(can);
  const active = activeEntry(location.pathname, entries);
  return (
    <>
      {SECTIONS.map((section) => {
        const group = entries.filter((entry) => (entry.section ?? 'work') === section);
        if (!group.length) return null;
        return (
          <div key={section} data-section={section}>
            {section !== 'work' && (
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="sm" pb={4}>
                {t(`nav.sections.${section}`)}
              </Text>
            )}
            {group.map((entry) => (
              <NavLink
                key={entry.path}
                component={Link}
                to={entry.path}
                label={t(entry.label)}
                active={entry.path === active}
                onClick={onNavigate}
              />
            ))}
          </div>
        );
      })}
    </>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { user, signOut } = useSession();
  const [opened, { toggle }] = useDisclosure();
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
            {user && <LiveEvents />}
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
        <AppShell.Section grow component={ScrollArea}>
          <Menu onNavigate={() => opened && toggle()} />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
