/**
 * Open a case: by hand, or from what found it (a declaration's outcome, an online alert…), whose page sends here
 * with the origin and a title prefilled in the address (`/cases/new?origin_type=alert&origin_ref=5&title=…`).
 * The API's refusals are shown under the fields they name.
 */
import {
  Anchor,
  Button,
  Card,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, apiSend } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';
import { useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import {
  CASE_TYPES,
  type CaseType,
  fieldErrorsOf,
  ORIGIN_TYPES,
  type OriginType,
  PRIORITIES,
  type Priority,
} from './shared.tsx';

const pick = <T extends string>(list: readonly T[], value: string | null, fallback: T): T =>
  (list as readonly string[]).includes(value ?? '') ? (value as T) : fallback;

/** Where the "back" link goes: the page the case is opened from. */
function originPage(type: OriginType, ref: string): string | null {
  if (type === 'declaration') return `/declarations/${encodeURIComponent(ref)}`;
  if (type === 'alert') return '/osint/alerts';
  if (type === 'osint_seller') return `/osint/sellers/${encodeURIComponent(ref)}`;
  if (type === 'osint_item') return `/osint/feed?post=${encodeURIComponent(ref)}`;
  return null;
}

export function NewCase() {
  const { t } = useLang();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { user } = useSession();
  const [params] = useSearchParams();
  const [title, setTitle] = useState(params.get('title') ?? '');
  const [type, setType] = useState<CaseType>(pick(CASE_TYPES, params.get('type'), 'customs_offence'));
  const [priority, setPriority] = useState<Priority>(pick(PRIORITIES, params.get('priority'), 'normal'));
  const [office, setOffice] = useState(params.get('office') ?? user?.office_code ?? '');
  const [assignee, setAssignee] = useState(params.get('assignee') ?? user?.username ?? '');
  const [originType, setOriginType] = useState<OriginType>(
    pick(ORIGIN_TYPES, params.get('origin_type'), 'manual'),
  );
  const [originRef, setOriginRef] = useState(params.get('origin_ref') ?? '');
  const [summary, setSummary] = useState(params.get('summary') ?? '');
  // The session may answer after the first render: the user's office and name fill what is still empty.
  useEffect(() => {
    if (!user) return;
    setOffice((o) => o || user.office_code || '');
    setAssignee((a) => a || user.username);
  }, [user]);
  const { busy, error, run } = useAction();
  const errors = fieldErrorsOf(error);
  if (error instanceof ApiError && error.code === 'case.origin_invalid') errors.origin_ref ??= error.message;
  const shownElsewhere = Object.keys(errors).length > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const created = await apiSend('post', '/api/cases', {
        json: {
          title: title.trim(),
          type,
          office: office.trim(),
          priority,
          assignee: assignee.trim() || null,
          origin_type: originType,
          ...(originRef.trim() ? { origin_ref: originRef.trim() } : {}),
          ...(summary.trim() ? { summary: summary.trim() } : {}),
        },
      });
      await client.invalidateQueries({ queryKey: ['cases'] });
      navigate(`/cases/${created.id}`);
    });
  };
  const from = originPage(originType, originRef);
  return (
    <Stack maw={900}>
      <Anchor component={Link} to={from ?? '/cases'} size="sm">
        ← {t(from ? 'cases.new.backToOrigin' : 'cases.back')}
      </Anchor>
      <Title order={2}>{t('cases.new.title')}</Title>
      {originType !== 'manual' && originRef && (
        <Text size="sm" c="dimmed" data-testid="case-origin">
          {t('cases.new.openedFrom', { origin: t(`cases.origins.${originType}`), ref: originRef })}
        </Text>
      )}
      <Card withBorder>
        <form onSubmit={submit} noValidate aria-label={t('cases.new.title')}>
          <Stack gap="md">
            <TextInput
              label={t('cases.fields.title')}
              required
              maxLength={300}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={errors.title}
              dir="auto"
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label={t('cases.fields.type')}
                value={type}
                onChange={(e) => setType(e.currentTarget.value as CaseType)}
                data={CASE_TYPES.map((v) => ({ value: v, label: t(`cases.types.${v}`) }))}
                error={errors.type}
              />
              <NativeSelect
                label={t('cases.fields.priority')}
                value={priority}
                onChange={(e) => setPriority(e.currentTarget.value as Priority)}
                data={PRIORITIES.map((v) => ({ value: v, label: t(`cases.priority.${v}`) }))}
                error={errors.priority}
              />
              <TextInput
                label={t('cases.fields.office')}
                required
                value={office}
                onChange={(e) => setOffice(e.currentTarget.value)}
                error={errors.office}
              />
              <TextInput
                label={t('cases.fields.assignee')}
                value={assignee}
                onChange={(e) => setAssignee(e.currentTarget.value)}
                error={errors.assignee}
              />
              <NativeSelect
                label={t('cases.fields.originType')}
                value={originType}
                onChange={(e) => setOriginType(e.currentTarget.value as OriginType)}
                data={ORIGIN_TYPES.map((v) => ({ value: v, label: t(`cases.origins.${v}`) }))}
                error={errors.origin_type}
              />
              <TextInput
                label={t('cases.fields.originRef')}
                value={originRef}
                onChange={(e) => setOriginRef(e.currentTarget.value)}
                error={errors.origin_ref}
              />
            </SimpleGrid>
            <Textarea
              label={t('cases.fields.summary')}
              autosize
              minRows={3}
              maxLength={10000}
              value={summary}
              onChange={(e) => setSummary(e.currentTarget.value)}
              error={errors.summary}
              dir="auto"
            />
            {error !== null && !shownElsewhere && <ErrorAlert error={error} />}
            <Group justify="flex-end">
              <Button type="submit" loading={busy}>
                {t('cases.new.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
