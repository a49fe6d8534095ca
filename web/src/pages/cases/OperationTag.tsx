/**
 * The operation a case counts for, linked to the operation's page; `cases:manage` may tag or untag it (a final case
 * too: operations are counted after their cases close). Its seizures not tagged elsewhere follow (the server's rule).
 */
import { Anchor, Group, NativeSelect, Stack } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { apiGet, apiSend } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';
import { useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import { type Case, caseKeys } from './shared.tsx';

export function OperationTag({ kase }: { kase: Case }) {
  const { t } = useLang();
  const { can } = useSession();
  const client = useQueryClient();
  const operations = useQuery({
    queryKey: caseKeys.operations(),
    queryFn: () => apiGet('/api/operations'),
    enabled: can('cases:manage') || kase.operation_id !== null,
  });
  const { busy, error, run } = useAction();
  const items = operations.data?.items ?? [];
  const current = items.find((o) => o.id === kase.operation_id);
  const tag = (value: string) =>
    run(async () => {
      await apiSend('put', '/api/cases/{id}/operation', {
        path: { id: kase.id },
        json: { operation_id: value ? Number(value) : null },
      });
      await client.invalidateQueries({ queryKey: ['cases'] });
    });
  const link =
    kase.operation_id === null ? (
      '—'
    ) : (
      <Anchor component={Link} to={`/operations/${kase.operation_id}`} size="sm" dir="auto">
        {current ? `${current.code} · ${current.name}` : `#${kase.operation_id}`}
      </Anchor>
    );
  if (!can('cases:manage')) return link;
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="nowrap">
        {link}
        <NativeSelect
          size="xs"
          aria-label={t('cases.operationTag.choose')}
          value={kase.operation_id === null ? '' : String(kase.operation_id)}
          disabled={busy || !operations.data}
          onChange={(e) => void tag(e.currentTarget.value)}
          data={[
            { value: '', label: t('cases.operationTag.none') },
            ...items.map((o) => ({ value: String(o.id), label: `${o.code} · ${o.name}` })),
          ]}
          data-testid="operation-tag"
        />
      </Group>
      {(error !== null || operations.error) && <ErrorAlert error={error ?? operations.error} />}
    </Stack>
  );
}
