/**
 * One's own account, for everyone signed in: who the workbench thinks you are (roles, office, what they allow),
 * your API tokens for scripts, a new one (your password again; the token is shown once), and revoking one.
 */
import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  Group,
  NumberInput,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiGet, apiSend } from '../../api.ts';
import { ErrorAlert, QueryStatus } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';
import { formatDateTime, useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import { TokenTable } from './tokens.tsx';

function NewToken() {
  const { t, lang } = useLang();
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [days, setDays] = useState<number | string>(30);
  const [password, setPassword] = useState('');
  const [created, setCreated] = useState<{ token: string; expires_at: string } | null>(null);
  const { busy, error, run } = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const answer = await apiSend('post', '/api/auth/tokens', {
        json: { name: name.trim(), days: Number(days) || 30, password },
      });
      setCreated({ token: answer.token, expires_at: answer.expires_at });
      setName('');
      setPassword('');
      await client.invalidateQueries({ queryKey: ['account', 'tokens'] });
    });
  };
  return (
    <Card withBorder padding="sm" component="form" onSubmit={submit} aria-label={t('admin.account.newToken')}>
      <Text fw={600} mb="xs">
        {t('admin.account.newToken')}
      </Text>
      <Group align="end" gap="sm" wrap="wrap">
        <TextInput
          label={t('admin.tokens.name')}
          w={220}
          required
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          dir="auto"
        />
        <NumberInput
          label={t('admin.account.days')}
          w={120}
          min={1}
          max={3650}
          value={days}
          onChange={setDays}
        />
        <PasswordInput
          label={t('admin.account.password')}
          w={220}
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          autoComplete="current-password"
        />
        <Button type="submit" loading={busy} disabled={!name.trim() || !password}>
          {t('admin.account.create')}
        </Button>
      </Group>
      <ErrorAlert error={error} mt={8} />
      {created && (
        <Alert color="yellow" mt="sm" title={t('admin.account.shownOnce')} data-testid="new-token">
          <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
            {created.token}
          </Code>
          <Text size="xs" mt={4}>
            {t('admin.tokens.expires')} : {formatDateTime(lang, created.expires_at)}
          </Text>
        </Alert>
      )}
    </Card>
  );
}

export function Account() {
  const { t } = useLang();
  const { user } = useSession();
  const client = useQueryClient();
  const tokens = useQuery({ queryKey: ['account', 'tokens'], queryFn: () => apiGet('/api/auth/tokens') });
  const revoke = async (id: number) => {
    await apiSend('delete', '/api/auth/tokens/{id}', { path: { id } });
    await client.invalidateQueries({ queryKey: ['account', 'tokens'] });
  };
  if (!user) return null;
  return (
    <Stack>
      <Title order={2}>{t('admin.account.title')}</Title>
      <Card withBorder padding="sm">
        <Text fw={600} dir="auto" data-testid="account-name">
          {user.display_name}
        </Text>
        <Text size="sm" c="dimmed">
          {user.username}
          {user.office_code ? ` · ${t('admin.users.office')} ${user.office_code}` : ''}
        </Text>
        <Group gap={6} mt="xs">
          {user.roles.map((role) => (
            <Badge tt="none" key={role} variant="light">
              {t(`admin.roles.${role}`)}
            </Badge>
          ))}
        </Group>
        <Text size="xs" c="dimmed" mt="xs">
          {t('admin.account.permissions', { count: user.permissions.length })}
        </Text>
        <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
          {user.permissions.join(' · ')}
        </Text>
      </Card>
      <Title order={3}>{t('admin.tokens.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('admin.account.tokensHint')}
      </Text>
      <NewToken />
      <QueryStatus query={tokens} />
      {tokens.data && <TokenTable items={tokens.data.items} revoke={revoke} />}
    </Stack>
  );
}
