/**
 * One profile version: its rules (title and rationale in the user's language), its YAML source, and what may be
 * done with it — activate or retire with a reason, write a new version, back-test it; with four-eyes on, activation
 * is requested (a second person approves it on the approvals page) — and what changed against the active version.
 */
import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  ScrollArea,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { apiGet, apiSend } from '../../api.ts';
import { Pending } from '../../components/ErrorAlert.tsx';
import { TableHead } from '../../components/table.tsx';
import { formatDateTime, formatNumber, useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import { useFourEyes } from './Approvals.tsx';
import { DiffView } from './DiffView.tsx';
import { StatusBadge, Validity } from './Profiles.tsx';
import { ReasonModal } from './ReasonModal.tsx';
import { backArrow, CHANNEL_COLOURS, type Channel, localText, type Profile, type Rule } from './types.ts';

function ChannelCell({ channel }: { channel: Rule['effect']['channel'] }) {
  const { t, i18n } = useTranslation();
  if (!channel) return <Text c="dimmed">—</Text>;
  if (typeof channel === 'string')
    return (
      <Badge color={CHANNEL_COLOURS[channel] ?? 'gray'} variant="light">
        {t(`rules.channels.${channel}`, { defaultValue: channel })}
      </Badge>
    );
  return (
    <Stack gap={2}>
      {Object.entries(channel).map(([c, share]) => (
        <Text
          key={c}
          size="xs"
          c={`${CHANNEL_COLOURS[c as Channel] ?? 'gray'}.8`}
          fw={600}
          style={{ whiteSpace: 'nowrap' }}
        >
          {t(`rules.channels.${c}`, { defaultValue: c })} {formatNumber(i18n.language, share * 100)} %
        </Text>
      ))}
    </Stack>
  );
}

export function RulesTable({ rules }: { rules: Rule[] }) {
  const { t, lang } = useLang();
  if (rules.length === 0)
    return (
      <Text c="dimmed" ta="center" py="lg">
        {t('rules.noRules')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing={6} fz="sm" striped aria-label={t('rules.rulesTable')}>
        <TableHead
          columns={[
            t('rules.ruleId'),
            t('rules.title'),
            { label: t('rules.channel'), w: 110 },
            { label: t('rules.points'), w: 70, style: { textAlign: 'end' } },
            { label: t('rules.probability'), w: 80, style: { textAlign: 'end' } },
            t('rules.rationale'),
          ]}
        />
        <Table.Tbody>
          {rules.map((rule) => (
            <Table.Tr key={rule.id} opacity={rule.enabled ? 1 : 0.55}>
              <Table.Td>
                <Text size="xs" ff="monospace">
                  {rule.id}
                </Text>
                <Group gap={4} mt={2}>
                  {rule.critical && (
                    <Badge color="red" size="xs" variant="filled">
                      {t('rules.critical')}
                    </Badge>
                  )}
                  {!rule.enabled && (
                    <Badge color="gray" size="xs">
                      {t('rules.disabled')}
                    </Badge>
                  )}
                  {rule.effect.campaign && (
                    <Badge color="grape" size="xs" variant="light">
                      {rule.effect.campaign}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td fw={500} dir="auto">
                {localText(rule.title, lang)}
              </Table.Td>
              <Table.Td>
                <ChannelCell channel={rule.effect.channel} />
              </Table.Td>
              <Table.Td
                style={{ textAlign: 'end' }}
                c={rule.effect.points < 0 ? 'teal.7' : undefined}
                fw={600}
                dir="ltr"
              >
                {rule.effect.points > 0 ? '+' : ''}
                {formatNumber(lang, rule.effect.points)}
              </Table.Td>
              <Table.Td style={{ textAlign: 'end' }}>
                {rule.probability === undefined ? '—' : `${formatNumber(lang, rule.probability * 100)} %`}
              </Table.Td>
              <Table.Td maw={480}>
                <Text size="sm" dir="auto">
                  {localText(rule.rationale, lang)}
                </Text>
                {rule.instructions && (
                  <Text size="xs" c="dimmed" mt={2}>
                    {t('rules.instructions')}
                    {t('rules.colon')}
                    <bdi>{localText(rule.instructions, lang)}</bdi>
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Source text with line numbers, read only. */
export function SourceView({ text }: { text: string }) {
  const lines = text.split('\n');
  const width = String(lines.length).length + 1;
  return (
    <ScrollArea.Autosize mah={560} type="auto">
      <Box
        component="pre"
        dir="ltr"
        m={0}
        p="sm"
        fz={12}
        lh="18px"
        ff="monospace"
        bg="var(--mantine-color-gray-0)"
        style={{ whiteSpace: 'pre', textAlign: 'left' }}
      >
        {lines.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines are identified by their number
          <div key={i}>
            <span style={{ color: 'var(--mantine-color-gray-5)', userSelect: 'none' }}>
              {String(i + 1).padStart(width, ' ')}{' '}
            </span>
            {line}
          </div>
        ))}
      </Box>
    </ScrollArea.Autosize>
  );
}

/** Activate or retire: both need a reason, kept in the audit trail. */
function ActionModal({
  action,
  profile,
  onClose,
}: {
  action: 'activate' | 'retire' | null;
  profile: Profile;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  return (
    <ReasonModal
      opened={action !== null}
      title={action ? t(`rules.${action}Title`, { name: profile.name, version: profile.version }) : ''}
      hint={action === 'activate' && t('rules.activateHint')}
      submitLabel={action ? t(`rules.${action}`) : ''}
      submitColor={action === 'retire' ? 'red' : 'green'}
      onClose={onClose}
      send={async (reason) => {
        if (!action) return;
        await apiSend('post', `/api/risk/profiles/{id}/${action}`, {
          path: { id: profile.id },
          json: { reason },
        });
        await client.invalidateQueries({ queryKey: ['risk-profiles'] });
        await client.invalidateQueries({ queryKey: ['risk-profile'] });
      }}
    />
  );
}

/** With four-eyes on: ask for the activation, resting on the newest back-test of this version. */
function RequestModal({
  opened,
  profile,
  days,
  onClose,
}: {
  opened: boolean;
  profile: Profile;
  days: number;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  return (
    <ReasonModal
      opened={opened}
      title={t('approvals.requestActivationTitle', { name: profile.name, version: profile.version })}
      hint={t('approvals.requestHint', { count: days })}
      submitLabel={t('approvals.requestActivation')}
      submitColor="green"
      onClose={onClose}
      send={async (reason) => {
        const made = await apiSend('post', '/api/risk/approvals', {
          json: { profile_id: profile.id, reason },
        });
        await client.invalidateQueries({ queryKey: ['risk-approvals'] });
        navigate(`/rules/approvals/${made.id}`);
      }}
    />
  );
}

function ChangesTab({ id }: { id: number }) {
  const diff = useQuery({
    queryKey: ['risk-profile-diff', id],
    queryFn: () => apiGet('/api/risk/profiles/{id}/diff', { path: { id } }),
  });
  if (!diff.data) return <Pending query={diff} />;
  return <DiffView diff={diff.data} />;
}

export function ProfileDetail() {
  const { t, i18n, lang } = useLang();
  const { id } = useParams();
  const { can } = useSession();
  const [action, setAction] = useState<'activate' | 'retire' | null>(null);
  const [requesting, setRequesting] = useState(false);
  const fourEyes = useFourEyes();
  const detail = useQuery({
    queryKey: ['risk-profile', Number(id)],
    queryFn: () => apiGet('/api/risk/profiles/{id}', { path: { id: Number(id) } }),
  });
  const p = detail.data;
  if (!p)
    return (
      <Pending
        query={detail}
        back={
          <Anchor component={Link} to="/rules/profiles" size="sm">
            {backArrow(i18n.language)} {t('rules.backToProfiles')}
          </Anchor>
        }
      />
    );
  const activeRules = p.document.rules.filter((r) => r.enabled).length;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/rules/profiles" size="sm">
        {backArrow(i18n.language)} {t('rules.backToProfiles')}
      </Anchor>
      <Card withBorder>
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={4}>
            <Group gap="sm">
              <Title order={3} ff="monospace">
                {p.name} v{p.version}
              </Title>
              <StatusBadge status={p.status} />
            </Group>
            {p.document.description && (
              <Text size="sm" maw={820} dir="auto">
                {p.document.description}
              </Text>
            )}
          </Stack>
          <Group gap="xs">
            {can('risk:manage') && (
              <Button variant="light" component={Link} to={`/rules/profiles/${p.id}/backtest`}>
                {t('rules.backtest')}
              </Button>
            )}
            {can('risk:manage') && (
              <Button variant="default" component={Link} to={`/rules/profiles/${p.id}/edit`}>
                {t('rules.newVersion')}
              </Button>
            )}
            {fourEyes.loaded && !fourEyes.on && can('risk:activate') && p.status === 'draft' && (
              <Button color="green" onClick={() => setAction('activate')}>
                {t('rules.activate')}
              </Button>
            )}
            {fourEyes.on && can('risk:manage') && p.status === 'draft' && (
              <Button color="green" onClick={() => setRequesting(true)}>
                {t('approvals.requestActivation')}
              </Button>
            )}
            {can('risk:activate') && p.status !== 'retired' && (
              <Button color="red" variant="light" onClick={() => setAction('retire')}>
                {t('rules.retire')}
              </Button>
            )}
          </Group>
        </Group>
        <Group gap="xl" mt="md" wrap="wrap">
          <Meta label={t('rules.validity')}>
            <Validity from={p.valid_from} to={p.valid_to} />
          </Meta>
          <Meta label={t('rules.author')}>{p.author}</Meta>
          <Meta label={t('rules.created')}>{formatDateTime(lang, p.created_at)}</Meta>
          {p.activated_at && (
            <Meta label={t('rules.activated')}>
              {formatDateTime(lang, p.activated_at)} · {p.activated_by}
            </Meta>
          )}
          {p.retired_at && (
            <Meta label={t('rules.retired')}>
              {formatDateTime(lang, p.retired_at)} · {p.retired_by}
            </Meta>
          )}
          <Meta label={t('rules.ruleCount')}>
            {t('rules.enabledOf', { enabled: activeRules, total: p.document.rules.length })}
          </Meta>
        </Group>
        <Text size="sm" mt="sm">
          <Text span c="dimmed">
            {t('rules.reason')}
            {t('rules.colon')}
          </Text>
          <bdi>{p.reason}</bdi>
        </Text>
      </Card>
      <Card withBorder p={0}>
        <Tabs defaultValue="rules" keepMounted={false}>
          <Tabs.List px="sm">
            <Tabs.Tab value="rules">
              {t('rules.rulesTab')} ({p.document.rules.length})
            </Tabs.Tab>
            <Tabs.Tab value="source">{t('rules.source')}</Tabs.Tab>
            <Tabs.Tab value="changes">{t('approvals.changes')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="changes" p="sm">
            <ChangesTab id={p.id} />
          </Tabs.Panel>
          <Tabs.Panel value="rules" p="sm">
            <RulesTable rules={p.document.rules} />
          </Tabs.Panel>
          <Tabs.Panel value="source" p="sm">
            {p.source_text !== null ? (
              <SourceView text={p.source_text} />
            ) : (
              <Alert color="gray">{t('rules.sourceHidden')}</Alert>
            )}
          </Tabs.Panel>
        </Tabs>
      </Card>
      <ActionModal action={action} profile={p} onClose={() => setAction(null)} />
      <RequestModal
        opened={requesting}
        profile={p}
        days={fourEyes.days}
        onClose={() => setRequesting(false)}
      />
    </Stack>
  );
}

function Meta({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </Stack>
  );
}
