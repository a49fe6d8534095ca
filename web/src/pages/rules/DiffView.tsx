/**
 * The readable difference between two profile versions (GET /api/risk/profiles/:id/diff, and inside an activation
 * request): rules added, removed, changed field by field old → new, and the scoring settings that changed. Every
 * value is React text: a hostile rule title shows as written.
 */
import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TableHead } from '../../components/table.tsx';
import { localText, type ProfileDiff } from './types.ts';

type Change = ProfileDiff['diff']['scoring'][number];
type LocalTitle = ProfileDiff['diff']['rules']['added'][number]['title'];

function valueText(value: unknown, lang: string): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && value !== null && 'en' in value && 'fr' in value)
    return localText(value as LocalTitle, lang);
  return JSON.stringify(value);
}

function ChangeRow({ change, label }: { change: Change; label: string }) {
  const { i18n } = useTranslation();
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {label}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c="red.8" td="line-through" dir="auto" style={{ wordBreak: 'break-word' }}>
          {valueText(change.old, i18n.language)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c="green.8" dir="auto" style={{ wordBreak: 'break-word' }}>
          {valueText(change.new, i18n.language)}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

export function DiffView({ diff }: { diff: ProfileDiff }) {
  const { t, i18n } = useTranslation();
  const d = diff.diff;
  const field = (name: string) => t(`approvals.fields.${name}`, { defaultValue: name });
  const nothing =
    !d.description &&
    d.scoring.length === 0 &&
    d.rules.added.length + d.rules.removed.length + d.rules.changed.length === 0;
  return (
    <Stack gap="sm" data-testid="profile-diff">
      <Text size="sm" c="dimmed">
        {diff.from
          ? t('approvals.diffAgainst', { name: diff.from.name, version: diff.from.version })
          : t('approvals.diffFirst')}{' '}
        · {t('approvals.unchanged', { count: d.rules.unchanged })}
      </Text>
      {nothing && <Text size="sm">{t('approvals.noChange')}</Text>}
      {(d.rules.added.length > 0 || d.rules.removed.length > 0) && (
        <Stack gap={4}>
          {d.rules.added.map((r) => (
            <Group key={`+${r.id}`} gap="xs" wrap="nowrap">
              <Badge color="green" variant="light">
                {t('approvals.added')}
              </Badge>
              <Text size="sm" ff="monospace">
                {r.id}
              </Text>
              <Text size="sm" dir="auto">
                {localText(r.title, i18n.language)}
              </Text>
            </Group>
          ))}
          {d.rules.removed.map((r) => (
            <Group key={`-${r.id}`} gap="xs" wrap="nowrap">
              <Badge color="red" variant="light">
                {t('approvals.removed')}
              </Badge>
              <Text size="sm" ff="monospace">
                {r.id}
              </Text>
              <Text size="sm" dir="auto">
                {localText(r.title, i18n.language)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
      {d.rules.changed.map((r) => (
        <Stack key={`~${r.id}`} gap={4}>
          <Group gap="xs" wrap="nowrap">
            <Badge color="yellow" variant="light">
              {t('approvals.changed')}
            </Badge>
            <Text size="sm" ff="monospace">
              {r.id}
            </Text>
            <Text size="sm" dir="auto">
              {localText(r.title, i18n.language)}
            </Text>
          </Group>
          <Table withTableBorder fz="sm">
            <TableHead columns={[t('approvals.field'), t('approvals.old'), t('approvals.new')]} />
            <Table.Tbody>
              {r.fields.map((f) => (
                <ChangeRow key={f.field} change={f} label={field(f.field)} />
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ))}
      {(d.scoring.length > 0 || d.description) && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('approvals.scoring')}
          </Text>
          <Table withTableBorder fz="sm">
            <TableHead columns={[t('approvals.field'), t('approvals.old'), t('approvals.new')]} />
            <Table.Tbody>
              {d.description && <ChangeRow change={d.description} label={field('description')} />}
              {d.scoring.map((s) => (
                <ChangeRow key={s.field} change={s} label={s.field} />
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Stack>
  );
}
