/** The decision on a declaration: channel, basis, score, expected duties, when and by which run, explanation, overrides. */
import { Alert, Badge, Button, Card, Group, SimpleGrid, Spoiler, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { TableHead } from '../../../components/table.tsx';
import { formatDate, formatDateTime, formatMoney, formatNumber, useLang } from '../../../i18n/index.ts';
import { useSession } from '../../../session.tsx';
import { OverrideForm } from './OverrideForm.tsx';
import { CHANNEL_COLOURS, type Channel, type Decision, localText, type Score, useNarrow } from './types.ts';

/** A channel, by colour and by name (never by colour alone). */
export function ChannelBadge({
  channel,
  size = 'md',
  long = false,
}: {
  channel: Channel;
  size?: string;
  long?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Badge color={CHANNEL_COLOURS[channel]} size={size} variant="filled" autoContrast data-channel={channel}>
      {long ? t(`declarationRisk.channelLong.${channel}`) : t(`declarationRisk.channels.${channel}`)}
    </Badge>
  );
}

function Stat({ label, value, hint }: { label: string; value: React.ReactNode; hint?: string | undefined }) {
  return (
    <div title={hint}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="md" fw={600}>
        {value}
      </Text>
    </div>
  );
}

const BASIS_COLOURS: Record<string, string> = {
  forced: 'grape',
  ranked: 'indigo',
  random: 'violet',
  deferred: 'cyan',
  none: 'gray',
};

export function DecisionHeader({
  reference,
  decision,
  score,
  scoreError,
  onRetryScore,
  currency,
}: {
  reference: string;
  decision: Decision | undefined;
  score: Score | undefined;
  scoreError: unknown;
  onRetryScore: () => void;
  currency: string | null;
}) {
  const { t, lang } = useLang();
  const { can } = useSession();
  const [overriding, setOverriding] = useState(false);
  const narrow = useNarrow();
  const pct = (x: number) => `${formatNumber(lang, x * 100, x >= 0.9995 || x < 0.01 ? 2 : 1)} %`;
  const shown = decision ?? score;
  const channel: Channel | undefined = decision?.channel ?? score?.indicative_channel;
  const canOverride = Boolean(decision && !decision.superseded_at && can('risk:decide'));
  // A ranked decision's channel depends on the day's capacity, not on the score alone: compare the scores only.
  const liveDiffers = decision && score && Math.abs(score.score - decision.score) >= 0.5;

  return (
    <Card withBorder data-testid="risk-decision">
      <Group justify="space-between" align="flex-start" mb="sm" gap="sm">
        <Stack gap={6}>
          <Text fw={600}>{t('declarationRisk.title')}</Text>
          <Group gap="xs">
            {channel && <ChannelBadge channel={channel} size="lg" long={!narrow} />}
            {decision && (
              <Badge
                variant={decision.basis === 'random' ? 'filled' : 'light'}
                color={BASIS_COLOURS[decision.basis] ?? 'gray'}
                data-testid="risk-basis"
              >
                {t(`declarationRisk.basis.${decision.basis}`, { defaultValue: decision.basis })}
              </Badge>
            )}
            {!decision && score && (
              <Badge variant="outline" color="gray">
                {t('declarationRisk.indicative')}
              </Badge>
            )}
            {decision?.superseded_at && (
              <Badge variant="outline" color="gray">
                {t('declarationRisk.superseded', { date: formatDateTime(lang, decision.superseded_at) })}
              </Badge>
            )}
            {decision && decision.initial_channel !== decision.channel && (
              <Text size="sm" c="dimmed">
                {t('declarationRisk.initialChannel', {
                  channel: t(`declarationRisk.channels.${decision.initial_channel}`),
                })}
              </Text>
            )}
          </Group>
        </Stack>
        {canOverride && !overriding && (
          <Button variant="default" onClick={() => setOverriding(true)}>
            {t('declarationRisk.override.open')}
          </Button>
        )}
      </Group>

      {!decision && (
        <Alert
          color="gray"
          variant="light"
          mb="sm"
          title={t('declarationRisk.notSelected')}
          data-testid="risk-not-selected"
        >
          {t('declarationRisk.notSelectedHint')}
        </Alert>
      )}
      {!decision && scoreError ? <ErrorAlert error={scoreError} onRetry={onRetryScore} /> : null}

      {shown && (
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" verticalSpacing="xs" mb="sm">
          <Stat
            label={decision ? t('declarationRisk.score') : t('declarationRisk.liveScore')}
            value={formatNumber(lang, shown.score, 1)}
          />
          <Stat label={t('declarationRisk.probability')} value={pct(shown.probability)} />
          <Stat
            label={t('declarationRisk.expectedValue')}
            value={formatMoney(lang, shown.expected_value, currency)}
            hint={t('declarationRisk.expectedValueHint')}
          />
          {decision ? (
            <>
              <Stat
                label={t('declarationRisk.rank')}
                value={decision.rank === null ? '—' : formatNumber(lang, decision.rank)}
              />
              <Stat
                label={t('declarationRisk.decidedAt')}
                value={formatDateTime(lang, decision.decided_at)}
              />
              <Stat
                label={t('declarationRisk.run')}
                value={
                  decision.run_id === null
                    ? '—'
                    : t('declarationRisk.runValue', {
                        run: decision.run_id,
                        day: formatDate(lang, decision.lodged_on),
                        office: decision.office,
                      })
                }
                hint={decision.profile_versions.map((p) => `${p.name} v${p.version}`).join(', ')}
              />
            </>
          ) : (
            score && (
              <Stat
                label={t('declarationRisk.office')}
                value={`${score.office} · ${formatDate(lang, score.lodged_on)}`}
              />
            )
          )}
        </SimpleGrid>
      )}

      {liveDiffers && score && (
        <Text size="sm" c="dimmed" mb="xs" data-testid="risk-live-differs">
          {t('declarationRisk.liveDiffers', {
            score: formatNumber(lang, score.score, 1),
            channel: t(`declarationRisk.channels.${score.indicative_channel}`),
          })}
        </Text>
      )}

      {shown && (
        <>
          <Text size="sm" fw={600} mb={4}>
            {t('declarationRisk.explanation')}
          </Text>
          <Spoiler
            maxHeight={64}
            showLabel={t('declarationRisk.showMore')}
            hideLabel={t('declarationRisk.showLess')}
          >
            <Text size="sm" style={{ whiteSpace: 'pre-line' }} dir="auto" data-testid="risk-explanation">
              {localText(shown.explanation, lang)}
            </Text>
          </Spoiler>
        </>
      )}

      {decision && decision.overrides.length > 0 && (
        <>
          <Text size="sm" fw={600} mt="sm" mb={4}>
            {t('declarationRisk.overrides')}
          </Text>
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing={4} fz="sm" data-testid="risk-overrides">
              <TableHead
                columns={[
                  t('declarationRisk.overrideAt'),
                  t('declarationRisk.overrideBy'),
                  t('declarationRisk.overrideChange'),
                  t('declarationRisk.override.reason'),
                ]}
              />
              <Table.Tbody>
                {decision.overrides.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(lang, o.at)}</Table.Td>
                    <Table.Td>{o.officer}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Group gap={4} wrap="nowrap">
                        <ChannelBadge channel={o.from_channel} size="sm" />
                        <Text size="sm" aria-hidden>
                          {lang === 'ar' ? '←' : '→'}
                        </Text>
                        <ChannelBadge channel={o.to_channel} size="sm" />
                      </Group>
                    </Table.Td>
                    <Table.Td>{o.reason}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}

      {decision && canOverride && overriding && (
        <OverrideForm reference={reference} decision={decision} onDone={() => setOverriding(false)} />
      )}
    </Card>
  );
}
