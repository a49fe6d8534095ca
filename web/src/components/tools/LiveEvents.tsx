/** The header's live-updates badge: unread count, the latest events in words, "mark all as read". */
import { ActionIcon, Indicator, Menu, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, useLang } from '../../i18n/index.ts';
import { type LiveEvent, useLiveEvents } from '../useLiveEvents.ts';

/** An event in words, in the user's language (text from the server is shown as React text). */
export function useDescribe(): (event: LiveEvent) => string {
  const { t } = useTranslation();
  return (event) => {
    const d = event.data;
    const text = (key: string) => String(d[key] ?? '—');
    if (event.type === 'osint.alert')
      return t('live.alerts', { count: Number(d.count ?? 1), source: text('source') });
    if (event.type === 'risk.selection')
      return t('live.selection', { office: text('office'), day: text('day') });
    return t('live.decision', {
      reference: text('reference'),
      channel: t(`dashboard.targeting.channel.${text('channel')}`, { defaultValue: text('channel') }),
      by: text('by'),
    });
  };
}

export function LiveEvents() {
  const { t, lang } = useLang();
  const describe = useDescribe();
  const { events, unread, connected, markRead } = useLiveEvents(true, describe);
  return (
    <Menu position="bottom-end" width={320} withinPortal onOpen={markRead}>
      <Menu.Target>
        <Indicator label={unread} size={16} disabled={unread === 0} color="red" data-testid="live-badge">
          <ActionIcon
            variant="subtle"
            aria-label={`${t('live.label')}${unread ? ` (${unread})` : ''} — ${connected ? t('live.connected') : t('live.offline')}`}
            c={connected ? 'blue.8' : 'gray'}
          >
            <span aria-hidden="true">🔔</span>
          </ActionIcon>
        </Indicator>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{connected ? t('live.connected') : t('live.offline')}</Menu.Label>
        {events.length === 0 && (
          <Text size="sm" c="dimmed" px="sm" py={4}>
            {t('live.none')}
          </Text>
        )}
        {events.map((event) => (
          <Menu.Item key={event.id} data-testid="live-event">
            <Text size="sm" dir="auto">
              {describe(event)}
            </Text>
            <Text size="xs" c="dimmed">
              {formatDate(lang, event.at)}
            </Text>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
