/**
 * Valuation findings: declared unit values far under the reference values of their goods and origin, largest
 * duties at stake first (officers see their own office's only: the server decides). Filters in the address; those
 * with `risk:decide` confirm or dismiss an open finding with a justification (audited).
 */
import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import type { ApiItem } from '../../api/types.ts';
import { apiGet, apiSend } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { FilterBar, SelectFilter, TextFilter } from '../../components/FilterBar.tsx';
import { ListBody, useFilteredList } from '../../components/ListBody.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useAction } from '../../components/useAction.ts';
import { formatDate, formatMoney, formatNumber, useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';

type Finding = ApiItem<'/api/valuation/findings'>;
const FILTERS = ['status', 'reference', 'office'] as const;
const STATUSES = ['open', 'confirmed', 'dismissed'] as const;
const STATUS_COLOURS = { open: 'orange', confirmed: 'red', dismissed: 'gray' } as const;
const PAGE_SIZE = 25;

function Decide({ finding, onClose }: { finding: Finding; onClose: () => void }) {
  const { t } = useLang();
  const client = useQueryClient();
  const [status, setStatus] = useState<'confirmed' | 'dismissed'>('confirmed');
  const [justification, setJustification] = useState('');
  const { busy, error, run } = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await apiSend('post', '/api/valuation/findings/{id}/decision', {
        path: { id: finding.id },
        json: { status, justification: justification.trim() },
      });
      await client.invalidateQueries({ queryKey: ['targeting', 'findings'] });
      onClose();
    });
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('targeting.findings.decideTitle', { reference: finding.reference })}
    >
      <Stack component="form" onSubmit={submit} gap="sm" aria-label={t('targeting.findings.decide')}>
        <SegmentedControl
          value={status}
          onChange={(v) => setStatus(v as 'confirmed' | 'dismissed')}
          data={[
            { value: 'confirmed', label: t('targeting.findings.status.confirmed') },
            { value: 'dismissed', label: t('targeting.findings.status.dismissed') },
          ]}
        />
        <Textarea
          label={t('targeting.findings.justification')}
          description={t('targeting.findings.justificationHint')}
          required
          autosize
          minRows={3}
          maxLength={4000}
          value={justification}
          onChange={(e) => setJustification(e.currentTarget.value)}
          dir="auto"
        />
        <ErrorAlert error={error} />
        <Group justify="end">
          <Button variant="subtle" onClick={onClose}>
            {t('targeting.cancel')}
          </Button>
          <Button type="submit" loading={busy} disabled={justification.trim().length < 5}>
            {t('targeting.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function ValuationFindings() {
  const { t, lang } = useLang();
  const { can } = useSession();
  const decide = can('risk:decide');
  const [deciding, setDeciding] = useState<Finding | null>(null);
  const { form, filters, bar, body } = useFilteredList(
    FILTERS,
    ['targeting', 'findings'],
    PAGE_SIZE,
    (query) => apiGet('/api/valuation/findings', { query }),
  );
  return (
    <Stack>
      <PageHeader title={t('targeting.findings.title')} subtitle={t('targeting.findings.subtitle')}>
        <ExportButton path="/api/valuation/findings/export" filters={filters} />
      </PageHeader>
      <FilterBar
        {...bar}
        label={t('targeting.filters')}
        apply={t('targeting.apply')}
        reset={t('targeting.reset')}
      >
        <SelectFilter
          form={form}
          name="status"
          label={t('targeting.findings.statusLabel')}
          w={160}
          placeholder={t('targeting.any')}
          data={STATUSES.map((s) => ({ value: s, label: t(`targeting.findings.status.${s}`) }))}
        />
        <TextFilter form={form} name="reference" label={t('targeting.findings.reference')} w={170} />
        <TextFilter form={form} name="office" label={t('targeting.office')} w={100} />
      </FilterBar>
      <ListBody
        {...body}
        label={t('targeting.findings.title')}
        countKey="targeting.count"
        emptyKey="targeting.findings.empty"
        minWidth={1000}
        columns={[
          t('targeting.findings.reference'),
          t('targeting.office'),
          t('targeting.findings.goods'),
          { label: t('targeting.findings.unitValue'), ta: 'end' },
          { label: t('targeting.findings.median'), ta: 'end' },
          { label: t('targeting.findings.ratio'), ta: 'end' },
          { label: t('targeting.findings.duties'), ta: 'end' },
          t('targeting.findings.statusLabel'),
          decide && '',
        ]}
        rows={(data) =>
          data.items.map((f) => (
            <Table.Tr key={f.id} data-testid="finding-row">
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} to={`/declarations/${encodeURIComponent(f.reference)}`} size="sm">
                  {f.reference}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {formatDate(lang, f.lodged_on)} · {t('targeting.findings.line', { line: f.line_no })}
                </Text>
              </Table.Td>
              <Table.Td>{f.office}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {f.hs_code} · {f.origin}
                <Text size="xs" c="dimmed">
                  {t('targeting.findings.sample', { level: f.level, n: f.sample_n })}
                </Text>
              </Table.Td>
              <Table.Td ta="end" style={{ whiteSpace: 'nowrap' }}>
                {formatNumber(lang, f.unit_value, 2)} {f.currency}/{f.unit}
              </Table.Td>
              <Table.Td ta="end" style={{ whiteSpace: 'nowrap' }}>
                {formatNumber(lang, f.reference_median, 2)}
              </Table.Td>
              <Table.Td ta="end">{formatNumber(lang, f.ratio, 2)}</Table.Td>
              <Table.Td ta="end" style={{ whiteSpace: 'nowrap' }}>
                {formatMoney(lang, f.duties_at_stake, f.currency)}
              </Table.Td>
              <Table.Td>
                <Badge tt="none" color={STATUS_COLOURS[f.status]} variant="light">
                  {t(`targeting.findings.status.${f.status}`)}
                </Badge>
                {f.decided_by && (
                  <Text size="xs" c="dimmed" title={f.justification ?? undefined}>
                    {f.decided_by}
                  </Text>
                )}
              </Table.Td>
              {decide && (
                <Table.Td>
                  {f.status === 'open' && (
                    <Button size="xs" variant="light" onClick={() => setDeciding(f)}>
                      {t('targeting.findings.decide')}
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))
        }
      />
      {deciding && <Decide finding={deciding} onClose={() => setDeciding(null)} />}
    </Stack>
  );
}
