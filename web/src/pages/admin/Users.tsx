/**
 * Users and their API tokens (`users:manage`): every account with its roles, office, last sign-in and lock; create
 * one; change its name, roles and office or set a new password; disable or enable it; see and revoke its tokens.
 * The server refuses what must not happen (disabling yourself, taking away your own admin role) with its reason, and
 * audits every change.
 */
import {
  Badge,
  Button,
  Checkbox,
  Drawer,
  Group,
  Modal,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { ApiItem } from '../../api/types.ts';
import { apiGet, apiSend } from '../../api.ts';
import { ErrorAlert, QueryStatus } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TableHead } from '../../components/table.tsx';
import { useAction } from '../../components/useAction.ts';
import { formatDateTime, useLang } from '../../i18n/index.ts';
import { TokenTable } from './tokens.tsx';

type User = ApiItem<'/api/users'>;
type Role = User['roles'][number];
export const ROLES: readonly Role[] = ['admin', 'analyst', 'officer', 'investigator', 'liaison', 'auditor'];
const USERS = ['admin', 'users'] as const;

/** The six roles as boxes to tick (a user needs at least one). */
function RolePicker({ value, onChange }: { value: string[]; onChange: (roles: string[]) => void }) {
  const { t } = useLang();
  return (
    <Checkbox.Group label={t('admin.users.roles')} withAsterisk value={value} onChange={onChange}>
      <Group gap="sm" mt={4}>
        {ROLES.map((role) => (
          <Checkbox key={role} value={role} label={t(`admin.roles.${role}`)} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}

function NewUser({ onClose }: { onClose: () => void }) {
  const { t } = useLang();
  const client = useQueryClient();
  const [draft, setDraft] = useState({ username: '', display_name: '', password: '', office_code: '' });
  const [chosen, setChosen] = useState<string[]>([]);
  const { busy, error, run } = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await apiSend('post', '/api/users', {
        json: {
          username: draft.username.trim(),
          password: draft.password,
          roles: chosen as Role[],
          ...(draft.display_name.trim() ? { display_name: draft.display_name.trim() } : {}),
          office_code: draft.office_code.trim() || null,
        },
      });
      await client.invalidateQueries({ queryKey: USERS });
      onClose();
    });
  };
  const text = (name: keyof typeof draft, label: string, extra: object = {}) => (
    <TextInput
      label={label}
      value={draft[name]}
      onChange={(e) => setDraft({ ...draft, [name]: e.currentTarget.value })}
      {...extra}
    />
  );
  return (
    <Modal opened onClose={onClose} title={t('admin.users.new')}>
      <Stack component="form" onSubmit={submit} gap="sm" aria-label={t('admin.users.new')}>
        {text('username', t('admin.users.username'), { required: true, maxLength: 64 })}
        {text('display_name', t('admin.users.displayName'), { maxLength: 200, dir: 'auto' })}
        <PasswordInput
          label={t('admin.users.password')}
          description={t('admin.users.passwordHint')}
          required
          value={draft.password}
          onChange={(e) => setDraft({ ...draft, password: e.currentTarget.value })}
          autoComplete="new-password"
        />
        <RolePicker value={chosen} onChange={setChosen} />
        {text('office_code', t('admin.users.office'), { maxLength: 32 })}
        <ErrorAlert error={error} />
        <Group justify="end">
          <Button variant="subtle" onClick={onClose}>
            {t('admin.cancel')}
          </Button>
          <Button type="submit" loading={busy} disabled={!draft.username.trim() || !chosen.length}>
            {t('admin.users.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function EditUser({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useLang();
  const client = useQueryClient();
  const [name, setName] = useState(user.display_name);
  const [office, setOffice] = useState(user.office_code ?? '');
  const [chosen, setChosen] = useState<string[]>(user.roles);
  const [password, setPassword] = useState('');
  const save = useAction();
  const reset = useAction();
  const [passwordSet, setPasswordSet] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run(async () => {
      await apiSend('patch', '/api/users/{id}', {
        path: { id: user.id },
        json: {
          display_name: name.trim() || user.display_name,
          roles: chosen as Role[],
          office_code: office.trim() || null,
        },
      });
      await client.invalidateQueries({ queryKey: USERS });
      onClose();
    });
  };
  const setNewPassword = (event: FormEvent) => {
    event.preventDefault();
    void reset.run(async () => {
      await apiSend('post', '/api/users/{id}/password', { path: { id: user.id }, json: { password } });
      setPassword('');
      setPasswordSet(true);
    });
  };
  return (
    <Modal opened onClose={onClose} title={t('admin.users.editTitle', { username: user.username })}>
      <Stack component="form" onSubmit={submit} gap="sm" aria-label={t('admin.users.edit')}>
        <TextInput
          label={t('admin.users.displayName')}
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          dir="auto"
        />
        <RolePicker value={chosen} onChange={setChosen} />
        <TextInput
          label={t('admin.users.office')}
          maxLength={32}
          value={office}
          onChange={(e) => setOffice(e.currentTarget.value)}
        />
        <Text size="xs" c="dimmed">
          {t('admin.users.rolesHint')}
        </Text>
        <ErrorAlert error={save.error} />
        <Group justify="end">
          <Button variant="subtle" onClick={onClose}>
            {t('admin.cancel')}
          </Button>
          <Button type="submit" loading={save.busy} disabled={!chosen.length}>
            {t('admin.save')}
          </Button>
        </Group>
      </Stack>
      <Stack
        component="form"
        onSubmit={setNewPassword}
        gap="sm"
        mt="lg"
        aria-label={t('admin.users.setPassword')}
      >
        <PasswordInput
          label={t('admin.users.newPassword')}
          description={t('admin.users.passwordHint')}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          autoComplete="new-password"
        />
        <ErrorAlert error={reset.error} />
        {passwordSet && (
          <Text size="sm" c="green.8" role="status">
            {t('admin.users.passwordSet')}
          </Text>
        )}
        <Group justify="end">
          <Button type="submit" variant="light" loading={reset.busy} disabled={!password}>
            {t('admin.users.setPassword')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function UserTokens({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useLang();
  const client = useQueryClient();
  const key = ['admin', 'tokens', user.username];
  const tokens = useQuery({
    queryKey: key,
    queryFn: () => apiGet('/api/tokens', { query: { username: user.username } }),
  });
  const revoke = async (id: number) => {
    await apiSend('delete', '/api/tokens/{id}', { path: { id } });
    await client.invalidateQueries({ queryKey: key });
  };
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="xl"
      title={t('admin.users.tokensOf', { username: user.username })}
    >
      <QueryStatus query={tokens} />
      {tokens.data && <TokenTable items={tokens.data.items} revoke={revoke} />}
    </Drawer>
  );
}

function ToggleDisabled({ user }: { user: User }) {
  const { t } = useLang();
  const client = useQueryClient();
  const { busy, error, run } = useAction();
  return (
    <>
      <Button
        size="xs"
        variant="light"
        color={user.disabled ? 'green' : 'red'}
        loading={busy}
        aria-label={t(user.disabled ? 'admin.users.enableNamed' : 'admin.users.disableNamed', {
          username: user.username,
        })}
        onClick={() =>
          void run(async () => {
            await apiSend('patch', '/api/users/{id}', {
              path: { id: user.id },
              json: { disabled: !user.disabled },
            });
            await client.invalidateQueries({ queryKey: USERS });
          })
        }
      >
        {t(user.disabled ? 'admin.users.enable' : 'admin.users.disable')}
      </Button>
      <ErrorAlert error={error} />
    </>
  );
}

export function Users() {
  const { t, lang } = useLang();
  const users = useQuery({ queryKey: USERS, queryFn: () => apiGet('/api/users') });
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [tokensOf, setTokensOf] = useState<User | null>(null);
  const needle = q.trim().toLowerCase();
  const shown = (users.data?.items ?? []).filter(
    (u) =>
      !needle ||
      u.username.includes(needle) ||
      u.display_name.toLowerCase().includes(needle) ||
      u.roles.some((r) => r === needle),
  );
  return (
    <Stack>
      <PageHeader title={t('admin.users.title')} subtitle={t('admin.users.subtitle')}>
        <Button onClick={() => setCreating(true)}>{t('admin.users.new')}</Button>
      </PageHeader>
      <TextInput
        label={t('admin.users.search')}
        w={260}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
      />
      <QueryStatus query={users} />
      {users.data && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped aria-label={t('admin.users.title')}>
            <TableHead
              columns={[
                t('admin.users.username'),
                t('admin.users.displayName'),
                t('admin.users.roles'),
                t('admin.users.office'),
                t('admin.users.lastLogin'),
                t('admin.users.state'),
                '',
              ]}
            />
            <Table.Tbody>
              {shown.map((u) => (
                <Table.Tr key={u.id} data-testid="user-row" c={u.disabled ? 'dimmed' : undefined}>
                  <Table.Td fw={600}>{u.username}</Table.Td>
                  <Table.Td dir="auto">{u.display_name}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {u.roles.map((role) => (
                        <Badge key={role} variant="light" size="sm" tt="none" style={{ flexShrink: 0 }}>
                          {t(`admin.roles.${role}`)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{u.office_code ?? '—'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(lang, u.last_login_at)}
                  </Table.Td>
                  <Table.Td>
                    {u.disabled ? (
                      <Text size="sm" c="red.8" fw={600}>
                        {t('admin.users.disabled')}
                      </Text>
                    ) : u.locked_until && new Date(u.locked_until).getTime() > Date.now() ? (
                      <Text size="sm" c="orange.8" fw={600}>
                        {t('admin.users.locked', { until: formatDateTime(lang, u.locked_until) })}
                      </Text>
                    ) : (
                      <Text size="sm" c="green.8">
                        {t('admin.users.active')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setEditing(u)}
                        aria-label={t('admin.users.editNamed', { username: u.username })}
                      >
                        {t('admin.users.edit')}
                      </Button>
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setTokensOf(u)}
                        aria-label={t('admin.users.tokensOf', { username: u.username })}
                      >
                        {t('admin.users.tokens')}
                      </Button>
                      <ToggleDisabled user={u} />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {creating && <NewUser onClose={() => setCreating(false)} />}
      {editing && <EditUser user={editing} onClose={() => setEditing(null)} />}
      {tokensOf && <UserTokens user={tokensOf} onClose={() => setTokensOf(null)} />}
    </Stack>
  );
}
