/**
 * Compose and share a message: choose its kind, the group, how far it may travel and its marking; for a seizure
 * report, the seizure by its reference (prefilled by the seizure's "share" action, `?seizure=REFERENCE`). "Preview" asks the server for
 * exactly what would leave — field by field, with what the group's agreement removes shown as removed — and only
 * that preview, unchanged since, may be sent.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { ApiBody, ApiResponse } from '../../api/types.ts';
import { apiGet, apiSend } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';
import { useLang } from '../../i18n/index.ts';
import {
  DISTRIBUTIONS,
  type Distribution,
  MARKINGS,
  type Marking,
  MESSAGE_KINDS,
  type MessageKind,
  PayloadTable,
} from './shared.tsx';

type Preview = ApiResponse<'/api/sharing/messages/preview', 'post'>;
type Input = ApiBody<'/api/sharing/messages', 'post'>;

export function Compose() {
  const { t } = useLang();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const seizureParam = params.get('seizure')?.trim() ?? '';
  const groups = useQuery({ queryKey: ['sharing', 'groups'], queryFn: () => apiGet('/api/sharing/groups') });
  const [kind, setKind] = useState<MessageKind>(seizureParam ? 'seizure_report' : 'warning');
  const [group, setGroup] = useState(params.get('group') ?? '');
  const [distribution, setDistribution] = useState<Distribution>('group');
  const [marking, setMarking] = useState<Marking>('amber');
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [seizure, setSeizure] = useState(seizureParam);
  const [preview, setPreview] = useState<{ for: string; answer: Preview } | null>(null);
  const previewing = useAction();
  const sending = useAction();

  const input: Input = {
    kind,
    distribution,
    marking,
    group: distribution === 'installation' || !group ? null : group,
    ...(title.trim() ? { title: title.trim() } : {}),
    ...(kind === 'seizure_report'
      ? seizure.trim()
        ? { seizure_reference: seizure.trim() }
        : {}
      : text.trim()
        ? { text: text.trim() }
        : {}),
  };
  const inputKey = JSON.stringify(input);
  const fresh = preview?.for === inputKey ? preview.answer : null;

  const askPreview = (event: FormEvent) => {
    event.preventDefault();
    sending.setError(null);
    void previewing.run(async () => {
      setPreview(null);
      const answer = await apiSend('post', '/api/sharing/messages/preview', { json: input });
      setPreview({ for: inputKey, answer });
    });
  };
  const send = () =>
    void sending.run(async () => {
      const message = await apiSend('post', '/api/sharing/messages', { json: input });
      await client.invalidateQueries({ queryKey: ['sharing'] });
      navigate(`/sharing/messages/${message.id}`);
    });

  return (
    <Stack>
      <Anchor component={Link} to="/sharing" size="sm">
        ← {t('sharing.messages.back')}
      </Anchor>
      <Title order={2}>{t('sharing.compose.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('sharing.compose.subtitle')}
      </Text>
      <Card withBorder component="form" onSubmit={askPreview} aria-label={t('sharing.compose.title')}>
        <Stack gap="sm">
          <Group grow align="start">
            <NativeSelect
              label={t('sharing.messages.kind')}
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value as MessageKind)}
              data={MESSAGE_KINDS.map((k) => ({ value: k, label: t(`sharing.messages.kinds.${k}`) }))}
            />
            <NativeSelect
              label={t('sharing.messages.distribution')}
              value={distribution}
              onChange={(e) => setDistribution(e.currentTarget.value as Distribution)}
              data={DISTRIBUTIONS.map((d) => ({ value: d, label: t(`sharing.messages.distributions.${d}`) }))}
            />
            <NativeSelect
              label={t('sharing.messages.marking')}
              value={marking}
              onChange={(e) => setMarking(e.currentTarget.value as Marking)}
              data={MARKINGS.map((m) => ({ value: m, label: `TLP:${m.toUpperCase()}` }))}
            />
          </Group>
          {distribution !== 'installation' && (
            <NativeSelect
              label={t('sharing.messages.group')}
              required
              value={group}
              onChange={(e) => setGroup(e.currentTarget.value)}
              data={[
                { value: '', label: '—' },
                ...(groups.data?.items ?? []).map((g) => ({ value: g.code, label: `${g.code} — ${g.name}` })),
              ]}
            />
          )}
          {kind === 'seizure_report' ? (
            <TextInput
              label={t('sharing.compose.seizure')}
              description={t('sharing.compose.seizureHint')}
              required
              maxLength={100}
              w={280}
              dir="ltr"
              value={seizure}
              onChange={(e) => setSeizure(e.currentTarget.value)}
            />
          ) : null}
          <TextInput
            label={t('sharing.messages.titleField')}
            description={t(
              kind === 'seizure_report' ? 'sharing.compose.titleAuto' : 'sharing.compose.titleHint',
            )}
            required={kind !== 'seizure_report'}
            maxLength={300}
            dir="auto"
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          {kind !== 'seizure_report' && (
            <Textarea
              label={t('sharing.compose.text')}
              required
              autosize
              minRows={4}
              maxLength={50_000}
              dir="auto"
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
          )}
          <Group>
            <Button type="submit" variant="light" loading={previewing.busy}>
              {t('sharing.compose.preview')}
            </Button>
          </Group>
          <ErrorAlert error={previewing.error} />
        </Stack>
      </Card>
      {preview && !fresh && (
        <Alert color="yellow" data-testid="preview-stale">
          {t('sharing.compose.stale')}
        </Alert>
      )}
      {fresh && (
        <Card withBorder data-testid="preview">
          <Stack gap="sm">
            <Group gap="sm">
              <Text fw={600}>{t('sharing.compose.leaves')}</Text>
              <Badge color={fresh.nominal ? 'orange' : 'teal'} variant="light" tt="none">
                {t(fresh.nominal ? 'sharing.compose.nominal' : 'sharing.compose.nonNominal')}
              </Badge>
              {fresh.group && (
                <Badge variant="outline" tt="none">
                  {fresh.group}
                </Badge>
              )}
            </Group>
            <Text dir="auto" data-testid="preview-title">
              {fresh.title}
            </Text>
            {fresh.removed.length > 0 && (
              <Text size="sm" c="red.8" data-testid="removed-count">
                {t('sharing.compose.removedCount', { count: fresh.removed.length })}
              </Text>
            )}
            <PayloadTable
              payload={fresh.payload}
              removed={fresh.removed}
              label={t('sharing.compose.leaves')}
            />
            <Group>
              <Button onClick={send} loading={sending.busy}>
                {t('sharing.compose.send')}
              </Button>
            </Group>
            <ErrorAlert error={sending.error} />
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
