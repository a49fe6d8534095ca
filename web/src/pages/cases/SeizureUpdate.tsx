/**
 * What happens to a seizure after it is recorded (`seizures:write`): duties at stake and recovered, fines, the
 * settlement, and the fate of the goods (destroyed, released…) with its date. The API's refusals are shown under
 * the fields they name.
 */
import { Button, Group, Modal, NativeSelect, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiSend } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';
import { useLang } from '../../i18n/index.ts';
import { fieldErrorsOf, type Seizure, today } from './shared.tsx';

const GOODS_STATUSES = [
  'held',
  'destroyed',
  'released',
  'returned',
  'forfeited',
] as const satisfies readonly Seizure['goods_status'][];
type Amount = 'duties_at_stake' | 'duties_recovered' | 'fines' | 'settlement_amount';
const AMOUNTS: readonly Amount[] = ['duties_at_stake', 'duties_recovered', 'fines', 'settlement_amount'];

const asInput = (v: number | null): number | string => (v === null ? '' : v);
const asAmount = (v: number | string): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;

function UpdateForm({ seizure, onDone }: { seizure: Seizure; onDone: () => void }) {
  const { t } = useLang();
  const client = useQueryClient();
  const [amounts, setAmounts] = useState<Record<Amount, number | string>>(
    Object.fromEntries(AMOUNTS.map((a) => [a, asInput(seizure[a])])) as Record<Amount, number | string>,
  );
  const [status, setStatus] = useState<Seizure['goods_status']>(seizure.goods_status);
  const [statusOn, setStatusOn] = useState(seizure.goods_status_on ?? '');
  const { busy, error, run } = useAction();
  const errors = fieldErrorsOf(error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await apiSend('patch', '/api/seizures/{id}', {
        path: { id: seizure.id },
        json: {
          ...Object.fromEntries(AMOUNTS.map((a) => [a, asAmount(amounts[a])])),
          goods_status: status,
          goods_status_on: statusOn || (status === seizure.goods_status ? null : today()),
        },
      });
      await client.invalidateQueries({ queryKey: ['cases'] });
      onDone();
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('cases.seizureUpdate.title')}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {AMOUNTS.map((a) => (
            <NumberInput
              key={a}
              size="md"
              label={t(`cases.seizureUpdate.${a}`)}
              min={0}
              inputMode="decimal"
              thousandSeparator=" "
              rightSection={seizure.currency}
              rightSectionWidth={52}
              value={amounts[a]}
              onChange={(v) => setAmounts((old) => ({ ...old, [a]: v }))}
              error={errors[a]}
            />
          ))}
          <NativeSelect
            size="md"
            label={t('cases.seizureUpdate.goods_status')}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as Seizure['goods_status'])}
            data={GOODS_STATUSES.map((s) => ({ value: s, label: t(`cases.goods.${s}`) }))}
            error={errors.goods_status}
          />
          <TextInput
            size="md"
            type="date"
            label={t('cases.seizureUpdate.goods_status_on')}
            value={statusOn}
            onChange={(e) => setStatusOn(e.currentTarget.value)}
            error={errors.goods_status_on}
          />
        </SimpleGrid>
        {error !== null && Object.keys(errors).length === 0 && <ErrorAlert error={error} />}
        <Group justify="flex-end">
          <Button variant="subtle" onClick={onDone} disabled={busy}>
            {t('cases.common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('cases.seizureUpdate.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A button that opens the seizure's follow-up form. */
export function SeizureUpdateButton({ seizure }: { seizure: Seizure }) {
  const { t } = useLang();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size="compact-sm" variant="light" onClick={() => setOpened(true)}>
        {t('cases.seizureUpdate.button')}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={`${t('cases.seizureUpdate.title')} ${seizure.reference}`}
        size="lg"
      >
        {opened && <UpdateForm seizure={seizure} onDone={() => setOpened(false)} />}
      </Modal>
    </>
  );
}
