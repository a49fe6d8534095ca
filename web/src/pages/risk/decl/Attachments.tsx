/** Photos and documents attached to a declaration and its outcomes, with their fingerprint (SHA-256). */
import { Badge, Button, Card, CopyButton, Group, Loader, Table, Text, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../api.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { TableHead } from '../../../components/table.tsx';
import { formatDateTime, useLang } from '../../../i18n/index.ts';
import { formatBytes } from './OutcomeForm.tsx';
import { type Attachment, keys } from './types.ts';

const href = (a: Attachment) => `/api/risk/attachments/${a.id}`;

export function AttachmentsCard({ reference }: { reference: string }) {
  const { t, lang } = useLang();
  const list = useQuery({
    queryKey: keys.attachments(reference),
    queryFn: () => apiGet('/api/risk/declarations/{reference}/attachments', { path: { reference } }),
  });
  const items = list.data?.items ?? [];
  return (
    <Card withBorder data-testid="risk-attachments">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>
          {t('declarationRisk.attachments.title')}
          {list.data ? ` (${items.length})` : ''}
        </Text>
        {list.isFetching && <Loader size="xs" aria-label={t('common.loading')} />}
      </Group>
      {list.error ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? null : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('declarationRisk.attachments.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={4} fz="sm" highlightOnHover>
            <TableHead
              columns={[
                { label: '', w: 64 },
                t('declarationRisk.attachments.name'),
                t('declarationRisk.attachments.addedAt'),
                'SHA-256',
                '',
              ]}
            />
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    {a.content_type.startsWith('image/') ? (
                      <a href={href(a)} target="_blank" rel="noreferrer" aria-label={a.file_name}>
                        <img
                          src={href(a)}
                          alt={a.file_name}
                          loading="lazy"
                          width={48}
                          height={48}
                          style={{ objectFit: 'cover', borderRadius: 4, display: 'block' }}
                        />
                      </a>
                    ) : (
                      <Badge variant="outline" color="gray" size="sm">
                        {a.content_type.split('/')[1]?.toUpperCase() ?? a.content_type}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500} style={{ wordBreak: 'break-all' }}>
                      {a.file_name}
                    </Text>
                    <Group gap={6} mt={2}>
                      <Badge variant="light" size="sm" color={a.kind === 'photo' ? 'teal' : 'gray'}>
                        {t(`declarationRisk.attachments.kinds.${a.kind}`)}
                      </Badge>
                      <Text size="xs" c="dimmed">
                        {[
                          formatBytes(lang, a.bytes),
                          a.outcome_id !== null
                            ? t('declarationRisk.attachments.outcome', { id: a.outcome_id })
                            : null,
                          a.note,
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{formatDateTime(lang, a.added_at)}</Text>
                    <Text size="xs" c="dimmed">
                      {a.added_by}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <CopyButton value={a.sha256}>
                      {({ copied, copy }) => (
                        <Tooltip
                          label={copied ? t('declarationRisk.attachments.copied') : a.sha256}
                          withArrow
                        >
                          <Text
                            component="button"
                            type="button"
                            onClick={copy}
                            size="xs"
                            ff="monospace"
                            title={a.sha256}
                            aria-label={t('declarationRisk.attachments.copy', { sha: a.sha256 })}
                            style={{ background: 'none', border: 0, padding: 0, cursor: 'copy' }}
                            c={copied ? 'green' : undefined}
                          >
                            {a.sha256.slice(0, 12)}…
                          </Text>
                        </Tooltip>
                      )}
                    </CopyButton>
                  </Table.Td>
                  <Table.Td>
                    <Button component="a" href={href(a)} download={a.file_name} size="xs" variant="light">
                      {t('declarationRisk.attachments.download')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
