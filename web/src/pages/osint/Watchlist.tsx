/**
 * The watchlist (brands, products, keywords, phone numbers: a match raises an alert from the next collection) and
 * the form where an investigator submits URLs found by hand, collected and kept as evidence like any source.
 */
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet, apiSend } from '../../api.ts';
import { ErrorAlert, QueryStatus } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';
import { formatDate } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import { JobProgress, WATCH_KINDS, type WatchKind, type WatchTerm } from './shared.tsx';

const KIND_COLOURS: Record<WatchKind, string> = {
  brand: 'red',
  product: 'grape',
  keyword: 'blue',
  phone: 'teal',
};

function AddTerm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [kind, setKind] = useState<WatchKind>('brand');
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const { busy, error, run } = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run(async () => {
      await apiSend('post', '/api/osint/watchlist', {
        json: { kind, value: value.trim(), ...(note.trim() ? { note: note.trim() } : {}) },
      });
      setValue('');
      setNote('');
      await client.invalidateQueries({ queryKey: ['osint', 'watchlist'] });
    });
  };
  return (
    <Card withBorder padding="sm" component="form" onSubmit={submit} aria-label={t('osint.watchlist.add')}>
      <Text fw={600} mb="xs">
        {t('osint.watchlist.add')}
      </Text>
      <Group align="end" gap="sm" wrap="wrap">
        <Select
          label={t('osint.watchlist.kind')}
          w={150}
          value={kind}
          allowDeselect={false}
          onChange={(v) => setKind((v as WatchKind) ?? 'brand')}
          data={WATCH_KINDS.map((k) => ({ value: k, label: t(`osint.watchKinds.${k}`) }))}
        />
        <TextInput
          label={t('osint.watchlist.value')}
          placeholder={t(`osint.watchlist.placeholders.${kind}`)}
          w={240}
          required
          maxLength={200}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          dir="auto"
        />
        <TextInput
          label={t('osint.watchlist.note')}
          style={{ flex: 1, minWidth: 200 }}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          dir="auto"
        />
        <Button type="submit" loading={busy} disabled={!value.trim()}>
          {t('osint.watchlist.addButton')}
        </Button>
      </Group>
      <ErrorAlert error={error} mt={8} />
    </Card>
  );
}

function SubmitUrls() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const { busy, error, run } = useAction();
  const [job, setJob] = useState<string | null>(null);
  const urls = text
    .split(/\s+/)
    .map((u) => u.trim())
    .filter(Boolean);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run(async () => {
      const answer = await apiSend('post', '/api/osint/submissions', { json: { urls } });
      setJob(answer.job.id);
      setText('');
    });
  };
  return (
    <Card withBorder padding="sm" component="form" onSubmit={submit} aria-label={t('osint.submit.title')}>
      <Text fw={600}>{t('osint.submit.title')}</Text>
      <Text size="xs" c="dimmed" mb="xs">
        {t('osint.submit.hint')}
      </Text>
      <Textarea
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        placeholder="https://…"
        autosize
        minRows={3}
        maxRows={10}
        aria-label={t('osint.submit.urls')}
      />
      <Group justify="space-between" mt="xs">
        <Text size="xs" c="dimmed">
          {t('osint.submit.count', { count: urls.length })}
        </Text>
        <Button type="submit" loading={busy} disabled={!urls.length || urls.length > 100}>
          {t('osint.submit.button')}
        </Button>
      </Group>
      <ErrorAlert error={error} mt={8} />
      {job && (
        <div style={{ marginTop: 8 }}>
          <JobProgress id={job} />
        </div>
      )}
    </Card>
  );
}

function TermBadge({ term, canDelete }: { term: WatchTerm; canDelete: boolean }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await apiSend('delete', '/api/osint/watchlist/{id}', { path: { id: term.id } });
      await client.invalidateQueries({ queryKey: ['osint', 'watchlist'] });
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <Stack gap={2} data-testid="watch-term">
      <Group gap={6} wrap="nowrap" justify="space-between">
        <Tooltip
          label={`${term.note ?? ''}${term.note ? ' — ' : ''}${t('osint.watchlist.since', { date: formatDate(i18n.language, term.created_at) })}`}
          multiline
          maw={320}
        >
          <Text size="sm" fw={600} dir="auto">
            {term.value}
            {term.normalized !== term.value.toLowerCase() && (
              <Text span size="xs" c="dimmed" ms={6}>
                {term.normalized}
              </Text>
            )}
          </Text>
        </Tooltip>
        {canDelete && (
          <ActionIcon
            size="sm"
            variant="subtle"
            color="red"
            onClick={() => void remove()}
            loading={busy}
            aria-label={t('osint.watchlist.delete', { value: term.value })}
          >
            ×
          </ActionIcon>
        )}
      </Group>
      {term.note && (
        <Text size="xs" c="dimmed" lineClamp={1} dir="auto">
          {term.note}
        </Text>
      )}
      {error !== null && <ErrorAlert error={error} />}
    </Stack>
  );
}

export function Watchlist() {
  const { t } = useTranslation();
  const { can } = useSession();
  const manage = can('osint:manage');
  const list = useQuery({
    queryKey: ['osint', 'watchlist'],
    queryFn: () => apiGet('/api/osint/watchlist'),
  });
  return (
    <Stack gap="sm">
      {manage && <AddTerm />}
      <QueryStatus query={list} />
      {list.data && (
        <Grid>
          {WATCH_KINDS.map((kind) => {
            const terms = list.data.items.filter((w) => w.kind === kind);
            return (
              <Grid.Col key={kind} span={{ base: 12, sm: 6, lg: 3 }}>
                <Card withBorder padding="sm" h="100%">
                  <Group justify="space-between" mb="xs">
                    <Badge color={KIND_COLOURS[kind]} variant="light">
                      {t(`osint.watchKinds.${kind}`)}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {terms.length}
                    </Text>
                  </Group>
                  <Stack gap="xs">
                    {terms.map((term) => (
                      <TermBadge key={term.id} term={term} canDelete={manage} />
                    ))}
                    {terms.length === 0 && (
                      <Text size="sm" c="dimmed">
                        {t('osint.watchlist.none')}
                      </Text>
                    )}
                  </Stack>
                </Card>
              </Grid.Col>
            );
          })}
        </Grid>
      )}
      {manage && <SubmitUrls />}
    </Stack>
  );
}
