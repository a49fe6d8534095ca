/**
 * One declaration: header, parties with the company register, items and their controls (in words), partner data;
 * a reference that does not exist (or not for this user) gets a not-found page naming it.
 */
import { Alert, Anchor, Badge, Card, Grid, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { Schema } from '../api/types.ts';
import { ApiError, apiGet } from '../api.ts';
import { Pending } from '../components/ErrorAlert.tsx';
import { TableHead } from '../components/table.tsx';
import { formatDate, formatMoney, formatNumber, useLang } from '../i18n/index.ts';
import { useSession } from '../session.tsx';
import { DeclarationCaseActions } from './cases/OpenFrom.tsx';
import { DeclarationRisk } from './risk/DeclarationRisk.tsx';

type Detail = Schema<'Declaration'>;
type Party = Detail['parties']['importer'];

const RESULT_COLOURS = { compliant: 'green', fraud: 'orange', critical: 'red' } as const;

function Field({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" c="dimmed" miw={150}>
        {label}
      </Text>
      <Text size="sm">{value ?? '—'}</Text>
    </Group>
  );
}

export function Declaration() {
  const { t, lang } = useLang();
  const { reference = '' } = useParams();
  const { can } = useSession();
  const detail = useQuery({
    queryKey: ['declaration', reference],
    queryFn: () => apiGet('/api/declarations/{reference}', { path: { reference } }),
  });
  const partners = useQuery({
    queryKey: ['declaration-partners', reference],
    queryFn: () => apiGet('/api/declarations/{reference}/partners', { path: { reference } }),
    enabled: can('partners:read'),
  });
  const d = detail.data;
  if (!d && detail.error instanceof ApiError && detail.error.status === 404)
    return (
      <Stack data-testid="declaration-not-found">
        <Anchor component={Link} to="/declarations" size="sm">
          ← {t('declaration.back')}
        </Anchor>
        <Title order={2}>{t('declaration.notFound.title')}</Title>
        <Alert color="gray">
          <Text size="sm">
            {t('declaration.notFound.text')}{' '}
            <Text span ff="monospace" fw={600}>
              {reference}
            </Text>
          </Text>
          <Text size="sm" c="dimmed" mt={4}>
            {t('declaration.notFound.hint')}
          </Text>
        </Alert>
      </Stack>
    );
  if (!d) return <Pending query={detail} />;
  const party = (p: Party) => (p ? `${p.code}${p.name ? ` — ${p.name}` : ''}` : '—');
  const company = partners.data?.company;
  return (
    <Stack>
      <Anchor component={Link} to="/declarations" size="sm">
        ← {t('declaration.back')}
      </Anchor>
      <Title order={2} data-testid="declaration-title">
        {d.reference}
      </Title>
      <DeclarationCaseActions declaration={d} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card withBorder>
            <Text fw={600} mb="xs">
              {t('declaration.header')}
            </Text>
            <Field
              label={t('declarations.office')}
              value={d.office.name ? `${d.office.code} — ${d.office.name}` : d.office.code}
            />
            <Field label={t('declarations.lodgedOn')} value={formatDate(lang, d.lodged_on)} />
            <Field label={t('declaration.procedure')} value={d.procedure} />
            <Field label={t('declaration.transport')} value={d.transport_mode} />
            <Field label={t('declaration.departure')} value={d.departure_country} />
            <Field label={t('declarations.value')} value={formatMoney(lang, d.total_value, d.currency)} />
            {Object.entries(d.attributes).map(([k, v]) => (
              <Field key={k} label={k} value={v} />
            ))}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card withBorder>
            <Text fw={600} mb="xs">
              {t('declaration.parties')}
            </Text>
            <Field label={t('declarations.importer')} value={party(d.parties.importer)} />
            <Field label={t('declarations.declarant')} value={party(d.parties.declarant)} />
            <Field label={t('declaration.seller')} value={party(d.parties.seller)} />
            <Field label={t('declaration.courier')} value={party(d.parties.courier)} />
            {can('partners:read') && (
              <>
                <Text fw={600} mt="md" mb="xs">
                  {t('declaration.register')}
                </Text>
                {company ? (
                  <>
                    <Field
                      label={company.company_id}
                      value={`${company.name}${company.legal_form ? ` (${company.legal_form})` : ''}`}
                    />
                    <Field label={t('declaration.created')} value={formatDate(lang, company.created_on)} />
                    <Field
                      label={t('declaration.capital')}
                      value={company.capital === null ? '—' : formatNumber(lang, company.capital)}
                    />
                    <Field label={t('declaration.city')} value={company.city} />
                  </>
                ) : (
                  partners.data && (
                    <Text size="sm" c="orange.8">
                      {t('declaration.noRegister')}
                    </Text>
                  )
                )}
              </>
            )}
          </Card>
        </Grid.Col>
      </Grid>
      <Card withBorder>
        <Text fw={600} mb="xs">
          {t('declaration.itemsTitle')}
        </Text>
        <Table>
          <TableHead
            columns={[
              t('declaration.line'),
              'SH / HS',
              t('declaration.description'),
              t('declarations.origin'),
              { label: t('declaration.netMass'), ta: 'end' },
              { label: t('declarations.value'), ta: 'end' },
              { label: t('declaration.rate'), ta: 'end' },
              t('declaration.outcomes'),
            ]}
          />
          <Table.Tbody>
            {d.items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>{item.line_no}</Table.Td>
                <Table.Td>{item.hs_code}</Table.Td>
                <Table.Td>{item.description ?? '—'}</Table.Td>
                <Table.Td>{item.origin_country ?? '—'}</Table.Td>
                <Table.Td ta="end">
                  {item.net_mass_kg === null ? '—' : formatNumber(lang, item.net_mass_kg, 1)}
                </Table.Td>
                <Table.Td ta="end">{formatMoney(lang, item.customs_value, d.currency)}</Table.Td>
                <Table.Td ta="end">{item.duty_rate ?? '—'}</Table.Td>
                <Table.Td>
                  <Stack gap={6}>
                    {item.outcomes.length === 0 && (
                      <Text size="sm" c="dimmed">
                        {t('declaration.none')}
                      </Text>
                    )}
                    {item.outcomes.map((o) => {
                      const details = [
                        o.fraud_type
                          ? t(`declarationRisk.outcome.fraudTypes.${o.fraud_type}`, {
                              defaultValue: o.fraud_type,
                            })
                          : null,
                        o.recovered_amount !== null
                          ? t('declarationRisk.outcome.recoveredShown', {
                              amount: formatMoney(lang, o.recovered_amount, d.currency),
                            })
                          : null,
                        o.officer,
                      ].filter(Boolean);
                      return (
                        <Stack key={o.id} gap={0} data-testid={`item-outcome-${o.id}`}>
                          <Badge color={RESULT_COLOURS[o.result]} variant="light">
                            {t(`results.${o.result}`)}
                            {o.inspected_on ? ` · ${formatDate(lang, o.inspected_on)}` : ''}
                          </Badge>
                          {details.length > 0 && <Text size="xs">{details.join(' · ')}</Text>}
                          {o.note && (
                            <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                              {o.note}
                            </Text>
                          )}
                        </Stack>
                      );
                    })}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <DeclarationRisk reference={reference} />
      {partners.data && (partners.data.manifests.length > 0 || partners.data.payments.length > 0) && (
        <Card withBorder>
          <Text fw={600} mb="xs">
            {t('declaration.partners')}
          </Text>
          {partners.data.manifests.map((m) => (
            <Field
              key={`m${m.id}`}
              label={t('declaration.manifests')}
              value={`${m.document_number} · ${formatDate(lang, m.arrival_date)} · ${m.gross_mass_kg === null ? '—' : `${formatNumber(lang, m.gross_mass_kg, 1)} kg`}${m.containers.length ? ` · ${m.containers.join(', ')}` : ''}`}
            />
          ))}
          {partners.data.payments.map((p) => (
            <Field
              key={`p${p.id}`}
              label={t('declaration.payments')}
              value={`${p.payment_reference} · ${formatDate(lang, p.paid_on)} · ${formatMoney(lang, p.amount, p.currency)}${p.beneficiary_name ? ` · ${p.beneficiary_name}` : ''}`}
            />
          ))}
        </Card>
      )}
    </Stack>
  );
}
