/**
 * Closed user groups: the list with their agreement on nominal data and their members, a group's page with its
 * members and its inbox/outbox link; those with `sharing:write` create a group, add or remove members and change
 * the agreement (every change audited on the server).
 */
import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  NativeSelect,
  Group as Row,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { apiGet, apiSend } from '../../api.ts';
import { ErrorAlert, Pending, QueryStatus } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RemoveButton } from '../../components/RemoveButton.tsx';
import { OpenableRow, TableHead } from '../../components/table.tsx';
import { useAction } from '../../components/useAction.ts';
import { formatDateTime, useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import { type Group, MEMBER_ROLES, MEMBER_TYPES, type MemberRole, type MemberType } from './shared.tsx';

function NominalBadge({ allowed }: { allowed: boolean }) {
  const { t } = useLang();
  return (
    <Badge color={allowed ? 'orange' : 'teal'} variant="light" tt="none" data-testid="nominal">
      {t(allowed ? 'sharing.groups.nominalAllowed' : 'sharing.groups.nominalExcluded')}
    </Badge>
  );
}

function NewGroup() {
  const { t } = useLang();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [nominal, setNominal] = useState(false);
  const { busy, error, run } = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const created = await apiSend('post', '/api/sharing/groups', {
        json: { code: code.trim(), name: name.trim(), nominal_data_allowed: nominal },
      });
      await client.invalidateQueries({ queryKey: ['sharing', 'groups'] });
      navigate(`/sharing/groups/${encodeURIComponent(created.code)}`);
    });
  };
  return (
    <Card withBorder padding="sm" component="form" onSubmit={submit} aria-label={t('sharing.groups.new')}>
      <Text fw={600} mb="xs">
        {t('sharing.groups.new')}
      </Text>
      <Row align="end" gap="sm">
        <TextInput
          label={t('sharing.groups.code')}
          w={140}
          required
          maxLength={32}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
        />
        <TextInput
          label={t('sharing.groups.name')}
          style={{ flex: 1, minWidth: 200 }}
          required
          maxLength={300}
          dir="auto"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <Checkbox
          label={t('sharing.groups.nominalAllowed')}
          checked={nominal}
          onChange={(e) => setNominal(e.currentTarget.checked)}
          mb={8}
        />
        <Button type="submit" loading={busy} disabled={!code.trim() || !name.trim()}>
          {t('sharing.groups.create')}
        </Button>
      </Row>
      <ErrorAlert error={error} mt={8} />
    </Card>
  );
}

export function Groups() {
  const { t } = useLang();
  const navigate = useNavigate();
  const { can } = useSession();
  const groups = useQuery({
    queryKey: ['sharing', 'groups'],
    queryFn: () => apiGet('/api/sharing/groups'),
  });
  return (
    <Stack>
      <PageHeader title={t('sharing.groups.title')} subtitle={t('sharing.groups.subtitle')} />
      {can('sharing:write') && <NewGroup />}
      <QueryStatus query={groups} />
      {groups.data && (
        <Table.ScrollContainer minWidth={700}>
          <Table striped highlightOnHover aria-label={t('sharing.groups.title')}>
            <TableHead
              columns={[
                t('sharing.groups.code'),
                t('sharing.groups.name'),
                t('sharing.groups.agreement'),
                t('sharing.groups.members'),
              ]}
            />
            <Table.Tbody>
              {groups.data.items.map((g) => (
                <OpenableRow
                  key={g.code}
                  onOpen={() => navigate(`/sharing/groups/${encodeURIComponent(g.code)}`)}
                  data-testid="group-row"
                >
                  <Table.Td fw={600}>{g.code}</Table.Td>
                  <Table.Td dir="auto">{g.name}</Table.Td>
                  <Table.Td>
                    <NominalBadge allowed={g.nominal_data_allowed} />
                  </Table.Td>
                  <Table.Td dir="auto">{g.members.map((m) => m.name ?? m.ref).join(', ') || '—'}</Table.Td>
                </OpenableRow>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {groups.data?.items.length === 0 && <Text c="dimmed">{t('sharing.groups.empty')}</Text>}
    </Stack>
  );
}

function AddMember({ group }: { group: Group }) {
  const { t } = useLang();
  const client = useQueryClient();
  const partners = useQuery({
    queryKey: ['sharing', 'partners'],
    queryFn: () => apiGet('/api/sharing/partners'),
  });
  const [type, setType] = useState<MemberType>('partner');
  const [ref, setRef] = useState('');
  const [role, setRole] = useState<MemberRole>('member');
  const { busy, error, run } = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const updated = await apiSend('post', '/api/sharing/groups/{code}/members', {
        path: { code: group.code },
        json: { member_type: type, ref: ref.trim(), role },
      });
      client.setQueryData(['sharing', 'group', group.code], updated);
      await client.invalidateQueries({ queryKey: ['sharing', 'groups'] });
      setRef('');
    });
  };
  return (
    <Card
      withBorder
      padding="sm"
      component="form"
      onSubmit={submit}
      aria-label={t('sharing.groups.addMember')}
    >
      <Row align="end" gap="sm">
        <NativeSelect
          label={t('sharing.groups.memberType')}
          w={200}
          value={type}
          onChange={(e) => {
            setType(e.currentTarget.value as MemberType);
            setRef('');
          }}
          data={MEMBER_TYPES.map((m) => ({ value: m, label: t(`sharing.groups.memberTypes.${m}`) }))}
        />
        {type === 'partner' ? (
          <NativeSelect
            label={t('sharing.groups.member')}
            w={260}
            value={ref}
            onChange={(e) => setRef(e.currentTarget.value)}
            data={[
              { value: '', label: '—' },
              ...(partners.data?.items ?? []).map((p) => ({ value: p.code, label: `${p.code} — ${p.name}` })),
            ]}
          />
        ) : (
          <TextInput
            label={t('sharing.groups.office')}
            w={140}
            maxLength={32}
            value={ref}
            onChange={(e) => setRef(e.currentTarget.value)}
          />
        )}
        <NativeSelect
          label={t('sharing.groups.role')}
          w={150}
          value={role}
          onChange={(e) => setRole(e.currentTarget.value as MemberRole)}
          data={MEMBER_ROLES.map((r) => ({ value: r, label: t(`sharing.groups.roles.${r}`) }))}
        />
        <Button type="submit" loading={busy} disabled={!ref.trim()}>
          {t('sharing.groups.addMember')}
        </Button>
      </Row>
      <ErrorAlert error={error} mt={8} />
    </Card>
  );
}

function RemoveMember({ group, type, memberRef }: { group: Group; type: MemberType; memberRef: string }) {
  const { t } = useLang();
  const client = useQueryClient();
  return (
    <RemoveButton
      label={t('sharing.groups.remove', { member: memberRef })}
      remove={async () => {
        const updated = await apiSend('delete', '/api/sharing/groups/{code}/members/{member_type}/{ref}', {
          path: { code: group.code, member_type: type, ref: memberRef },
        });
        client.setQueryData(['sharing', 'group', group.code], updated);
        await client.invalidateQueries({ queryKey: ['sharing', 'groups'] });
      }}
    />
  );
}

function Agreement({ group }: { group: Group }) {
  const { t } = useLang();
  const client = useQueryClient();
  const { busy, error, run } = useAction();
  return (
    <Stack gap={4}>
      <Checkbox
        label={t('sharing.groups.nominalAllowed')}
        description={t('sharing.groups.nominalHint')}
        checked={group.nominal_data_allowed}
        disabled={busy}
        onChange={(e) => {
          const allowed = e.currentTarget.checked;
          void run(async () => {
            const updated = await apiSend('patch', '/api/sharing/groups/{code}', {
              path: { code: group.code },
              json: { nominal_data_allowed: allowed },
            });
            client.setQueryData(['sharing', 'group', group.code], updated);
            await client.invalidateQueries({ queryKey: ['sharing', 'groups'] });
          });
        }}
      />
      <ErrorAlert error={error} />
    </Stack>
  );
}

export function GroupPage() {
  const { t, lang } = useLang();
  const { can } = useSession();
  const manage = can('sharing:write');
  const code = useParams().code ?? '';
  const group = useQuery({
    queryKey: ['sharing', 'group', code],
    queryFn: () => apiGet('/api/sharing/groups/{code}', { path: { code } }),
  });
  const back = (
    <Anchor component={Link} to="/sharing/groups" size="sm">
      ← {t('sharing.groups.back')}
    </Anchor>
  );
  if (!group.data) return <Pending query={group} back={back} />;
  const g = group.data;
  return (
    <Stack>
      {back}
      <Row gap="sm">
        <Title order={2} dir="auto" data-testid="group-title">
          {g.name}
        </Title>
        <Badge variant="light" tt="none">
          {g.code}
        </Badge>
        <NominalBadge allowed={g.nominal_data_allowed} />
      </Row>
      {g.description && (
        <Text size="sm" dir="auto">
          {g.description}
        </Text>
      )}
      <Row gap="sm">
        <Button
          variant="light"
          component={Link}
          to={`/sharing?group=${encodeURIComponent(g.code)}&direction=incoming`}
        >
          {t('sharing.groups.inbox')}
        </Button>
        <Button
          variant="light"
          component={Link}
          to={`/sharing?group=${encodeURIComponent(g.code)}&direction=outgoing`}
        >
          {t('sharing.groups.outbox')}
        </Button>
        {manage && (
          <Button component={Link} to={`/sharing/compose?group=${encodeURIComponent(g.code)}`}>
            {t('sharing.messages.compose')}
          </Button>
        )}
      </Row>
      {manage && <Agreement group={g} />}
      <Table.ScrollContainer minWidth={600}>
        <Table striped aria-label={t('sharing.groups.members')}>
          <TableHead
            columns={[
              t('sharing.groups.member'),
              t('sharing.groups.memberType'),
              t('sharing.groups.role'),
              t('sharing.groups.addedBy'),
              manage && '',
            ]}
          />
          <Table.Tbody>
            {g.members.map((m) => (
              <Table.Tr key={`${m.member_type}:${m.ref}`} data-testid="member-row">
                <Table.Td dir="auto">
                  <Text span fw={600}>
                    {m.ref}
                  </Text>{' '}
                  {m.name && `— ${m.name}`}
                </Table.Td>
                <Table.Td>{t(`sharing.groups.memberTypes.${m.member_type}`)}</Table.Td>
                <Table.Td>{t(`sharing.groups.roles.${m.role}`)}</Table.Td>
                <Table.Td>
                  {m.added_by} · {formatDateTime(lang, m.added_at)}
                </Table.Td>
                {manage && (
                  <Table.Td>
                    <RemoveMember group={g} type={m.member_type} memberRef={m.ref} />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {g.members.length === 0 && <Text c="dimmed">{t('sharing.groups.noMembers')}</Text>}
      {manage && <AddMember group={g} />}
    </Stack>
  );
}
