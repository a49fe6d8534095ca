/**
 * The files of a case: evidence (uploaded, hashed by the server; its SHA-256 shown and copied, the file downloaded)
 * and the offence reports (generated as PDF in French or Arabic, every version kept and downloadable).
 */
import {
  Badge,
  Button,
  Card,
  CopyButton,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { api, apiSend, route } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TableHead } from '../../components/table.tsx';
import { useAction } from '../../components/useAction.ts';
import { formatDateTime, useLang } from '../../i18n/index.ts';
import { formatBytes } from '../risk/decl/OutcomeForm.tsx';
import { useEditable } from './CaseWork.tsx';
import type { Case, CaseEvidence, OffenceReport } from './shared.tsx';

/** A SHA-256, shortened, copied on a click; the whole of it in its title. */
export function Sha({ value }: { value: string }) {
  const { t } = useLang();
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? t('cases.evidence.copied') : value} withArrow>
          <Text
            component="button"
            type="button"
            onClick={copy}
            size="xs"
            ff="monospace"
            title={value}
            data-sha256={value}
            aria-label={t('cases.evidence.copy', { sha: value })}
            style={{ background: 'none', border: 0, padding: 0, cursor: 'copy' }}
            c={copied ? 'green' : undefined}
          >
            {value.slice(0, 16)}…
          </Text>
        </Tooltip>
      )}
    </CopyButton>
  );
}

/** Uploads one evidence file to a case (description first: the server reads fields before the file). */
export function uploadEvidence(caseId: number, file: File, description: string): Promise<CaseEvidence> {
  const body = new FormData();
  if (description) body.append('description', description);
  body.append('file', file, file.name);
  return api<CaseEvidence>(route('/api/cases/{id}/evidence', { path: { id: caseId } }), {
    method: 'POST',
    body,
  });
}

export function EvidenceCard({ kase, evidence }: { kase: Case; evidence: CaseEvidence[] }) {
  const { t, lang } = useLang();
  const editable = useEditable(kase);
  const client = useQueryClient();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [description, setDescription] = useState('');
  const { busy, error, run } = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    void run(async () => {
      await uploadEvidence(kase.id, file, description.trim());
      setFile(null);
      setDescription('');
      if (input.current) input.current.value = '';
      await client.invalidateQueries({ queryKey: ['cases'] });
    });
  };
  const href = (e: CaseEvidence) => `/api/cases/${kase.id}/evidence/${e.id}`;
  return (
    <Card withBorder data-testid="case-evidence">
      <Text fw={600} mb="xs">
        {t('cases.evidence.title')} ({evidence.length})
      </Text>
      {evidence.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('cases.evidence.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table fz="sm" verticalSpacing={4}>
            <TableHead columns={[t('cases.evidence.file'), t('cases.evidence.addedBy'), 'SHA-256', '']} />
            <Table.Tbody>
              {evidence.map((e) => (
                <Table.Tr key={e.id} data-testid="evidence-row">
                  <Table.Td>
                    <Text size="sm" fw={500} style={{ wordBreak: 'break-all' }}>
                      {e.file_name}
                    </Text>
                    <Text size="xs" c="dimmed" dir="auto">
                      {[formatBytes(lang, e.bytes), e.description].filter(Boolean).join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{formatDateTime(lang, e.added_at)}</Text>
                    <Text size="xs" c="dimmed">
                      {e.added_by}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Sha value={e.sha256} />
                  </Table.Td>
                  <Table.Td>
                    <Button component="a" href={href(e)} download={e.file_name} size="xs" variant="light">
                      {t('cases.evidence.download')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editable && (
        <Stack component="form" gap="xs" mt="sm" onSubmit={submit} aria-label={t('cases.evidence.add')}>
          <Group gap="xs" align="end" wrap="wrap">
            <input
              id={inputId}
              ref={input}
              type="file"
              data-testid="evidence-file"
              style={{ position: 'absolute', width: 1, height: 1, opacity: 0, overflow: 'hidden' }}
              onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
            />
            <Button component="label" htmlFor={inputId} variant="default" size="sm">
              {file ? file.name : t('cases.evidence.choose')}
            </Button>
            <TextInput
              label={t('cases.evidence.description')}
              style={{ flex: 1, minWidth: 180 }}
              value={description}
              maxLength={2000}
              onChange={(e) => setDescription(e.currentTarget.value)}
              dir="auto"
            />
            <Button type="submit" size="sm" loading={busy} disabled={!file}>
              {t('cases.evidence.add')}
            </Button>
          </Group>
          {error !== null && <ErrorAlert error={error} />}
        </Stack>
      )}
    </Card>
  );
}

export function ReportsCard({ kase, reports }: { kase: Case; reports: OffenceReport[] }) {
  const { t, lang } = useLang();
  const editable = useEditable(kase);
  const client = useQueryClient();
  const [reportLang, setReportLang] = useState<'fr' | 'ar'>(lang === 'ar' ? 'ar' : 'fr');
  const { busy, error, run } = useAction();
  const generate = () =>
    run(async () => {
      await apiSend('post', '/api/cases/{id}/reports', { path: { id: kase.id }, json: { lang: reportLang } });
      await client.invalidateQueries({ queryKey: ['cases'] });
    });
  const href = (r: OffenceReport) => `/api/cases/${kase.id}/reports/${r.id}`;
  const fileName = (r: OffenceReport) => `${r.number.replace(/\//g, '-')}-v${r.version}-${r.lang}.pdf`;
  const sorted = [...reports].sort((a, b) => b.version - a.version || b.id - a.id);
  return (
    <Card withBorder data-testid="case-reports">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Text fw={600}>
          {t('cases.reports.title')} ({reports.length})
        </Text>
        {editable && (
          <Group gap="xs">
            <SegmentedControl
              size="xs"
              value={reportLang}
              onChange={(v) => setReportLang(v as 'fr' | 'ar')}
              data={[
                { value: 'fr', label: t('cases.reports.fr') },
                { value: 'ar', label: t('cases.reports.ar') },
              ]}
              aria-label={t('cases.reports.language')}
            />
            <Button size="xs" loading={busy} onClick={() => void generate()}>
              {t('cases.reports.generate')}
            </Button>
          </Group>
        )}
      </Group>
      {error !== null && <ErrorAlert error={error} />}
      {sorted.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('cases.reports.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table fz="sm" verticalSpacing={4}>
            <TableHead
              columns={[
                t('cases.reports.number'),
                t('cases.reports.version'),
                t('cases.reports.generatedBy'),
                'SHA-256',
                '',
              ]}
            />
            <Table.Tbody>
              {sorted.map((r) => (
                <Table.Tr key={r.id} data-testid="report-row">
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.number}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      v{r.version}
                      <Badge size="xs" variant="light">
                        {r.lang.toUpperCase()}
                      </Badge>
                    </Group>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{formatDateTime(lang, r.generated_at)}</Text>
                    <Text size="xs" c="dimmed">
                      {r.generated_by} · {formatBytes(lang, r.bytes)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Sha value={r.sha256} />
                  </Table.Td>
                  <Table.Td>
                    <Button component="a" href={href(r)} download={fileName(r)} size="xs" variant="light">
                      {t('cases.reports.download')}
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
