import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../components/ErrorAlert.tsx';
import { useAction } from '../components/useAction.ts';
import { useSession } from '../session.tsx';

export function Login() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const message = useErrorMessage();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run(async () => {
      await signIn(username, password);
    });
  };
  return (
    <Center mih="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={380} component="form" onSubmit={submit}>
        <Stack>
          <Title order={2}>{t('app.name')}</Title>
          <Text c="dimmed" size="sm">
            {t('app.tagline')}
          </Text>
          <Title order={4}>{t('login.title')}</Title>
          {error !== null && (
            <Alert color="red" role="alert">
              {message(error)}
            </Alert>
          )}
          <TextInput
            label={t('login.username')}
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            autoComplete="username"
            required
            autoFocus
          />
          <PasswordInput
            label={t('login.password')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            autoComplete="current-password"
            required
          />
          <Button type="submit" loading={busy}>
            {t('login.submit')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('login.demoHint')}
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}
