/**
 * The "open a case" and "record a seizure" buttons other pages show (a declaration, an alert, an online seller, a
 * graph entity): each goes to the case or seizure form with
 * what it comes from prefilled in the address, so the pages that show them change by a line.
 */
import { Button, Card, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Schema } from '../../api/types.ts';
import { query } from '../../api.ts';
import { useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import type { CaseType } from './shared.tsx';

type Declaration = Schema<'Declaration'>;
type Alert = Schema<'OsintAlert'>;

const FRAUD_TO_CASE: Record<string, CaseType> = {
  valuation: 'undervaluation',
  origin: 'origin_fraud',
  classification: 'customs_offence',
  ipr: 'counterfeiting',
  prohibited: 'prohibited_goods',
};

const LABEL_TO_CASE: Record<string, CaseType> = {
  counterfeit: 'counterfeiting',
  health_risk: 'health_products',
  duty_evasion: 'undervaluation',
};

/** The address of the case form, prefilled. */
export function newCaseHref(values: Record<string, string | number | null | undefined>): string {
  return `/cases/new${query(values)}`;
}

/** On a declaration with a fraud or critical outcome: record the seizure, open a case. */
export function DeclarationCaseActions({ declaration }: { declaration: Declaration }) {
  const { t } = useLang();
  const { can } = useSession();
  const found = declaration.items.flatMap((item) =>
    item.outcomes.filter((o) => o.result !== 'compliant').map((o) => ({ item, outcome: o })),
  );
  const latest = found.sort((a, b) => b.outcome.recorded_at.localeCompare(a.outcome.recorded_at))[0];
  if (!latest || !(can('seizures:write') || can('cases:manage'))) return null;
  const { item, outcome } = latest;
  const seizure = `/cases/seizures/new${query({
    declaration: declaration.reference,
    item: item.id,
    outcome: outcome.id,
    office: declaration.office.code,
  })}`;
  const kase = newCaseHref({
    origin_type: 'declaration',
    origin_ref: declaration.reference,
    office: declaration.office.code,
    type: FRAUD_TO_CASE[outcome.fraud_type ?? ''] ?? 'customs_offence',
    title: t('cases.openFrom.declarationTitle', {
      reference: declaration.reference,
      goods: item.description ?? item.hs_code,
    }),
  });
  return (
    <Card withBorder bg="orange.0" data-testid="declaration-case-actions">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Text size="sm" fw={500}>
          {t('cases.openFrom.outcome', { result: t(`results.${outcome.result}`) })}
        </Text>
        <Group gap="sm">
          {can('seizures:write') && (
            <Button component={Link} to={seizure} size="md" color="red">
              {t('cases.seizure.title')}
            </Button>
          )}
          {can('cases:manage') && (
            <Button component={Link} to={kase} size="md" variant="light">
              {t('cases.new.button')}
            </Button>
          )}
        </Group>
      </Group>
    </Card>
  );
}

/** On an online alert: open a case from it. */
export function AlertCaseButton({ alert }: { alert: Alert }) {
  const { t } = useLang();
  const { can } = useSession();
  if (!can('cases:manage') || alert.status === 'dismissed') return null;
  const subject =
    alert.seller?.display_name ?? alert.item?.author ?? alert.watch_term?.value ?? `#${alert.id}`;
  const href = newCaseHref({
    origin_type: 'alert',
    origin_ref: alert.id,
    type: LABEL_TO_CASE[alert.label ?? ''] ?? 'other',
    title: t('cases.openFrom.alertTitle', { subject }),
    summary: alert.reason,
  });
  return (
    <Group gap="xs">
      <Button size="xs" variant="light" color="violet" component={Link} to={href}>
        {t('cases.new.button')}
      </Button>
    </Group>
  );
}

/** On an online seller's page: open a case from the seller (`cases:manage`). */
export function SellerCaseButton({
  seller,
}: {
  seller: { id: number; display_name: string; label?: string | null | undefined };
}) {
  const { t } = useLang();
  const { can } = useSession();
  if (!can('cases:manage')) return null;
  const href = newCaseHref({
    origin_type: 'osint_seller',
    origin_ref: seller.id,
    type: LABEL_TO_CASE[seller.label ?? ''] ?? 'other',
    title: t('cases.openFrom.sellerTitle', { name: seller.display_name }),
  });
  return (
    <Button
      size="xs"
      variant="light"
      color="violet"
      component={Link}
      to={href}
      data-testid="seller-case-button"
    >
      {t('cases.new.button')}
    </Button>
  );
}

/** On a graph entity's page: open a case from the entity (`cases:manage`). */
export function GraphEntityCaseButton({ entity }: { entity: { id: number; label: string } }) {
  const { t } = useLang();
  const { can } = useSession();
  if (!can('cases:manage')) return null;
  const href = newCaseHref({
    origin_type: 'graph_entity',
    origin_ref: entity.id,
    type: 'other',
    title: t('cases.openFrom.graphTitle', { name: entity.label }),
  });
  return (
    <Button
      size="xs"
      variant="light"
      color="violet"
      component={Link}
      to={href}
      data-testid="entity-case-button"
    >
      {t('cases.new.button')}
    </Button>
  );
}
