/**
 * Record a seizure, on a tablet at the quay as at a desk: one column, large controls, the category list, quantity
 * with its unit, value, brand and rights holder, place and city, photos. Reached from a red-channel outcome
 * (`?declaration=REF&item=ID&outcome=ID`: office, goods and HS code prefilled from the declaration) or from a case
 * (`?case=ID`). The API's refusals are shown under the fields they name. Photos go, once the seizure exists, to
 * the case's evidence when the user manages cases, else to the declaration's outcome attachments (decision 0017).
 */
import {
  Alert,
  Anchor,
  Button,
  Card,
  Chip,
  CloseButton,
  Group,
  Input,
  NativeSelect,
  NumberInput,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, apiGet, apiSend, route } from '../../api.ts';
import { ErrorAlert, useErrorMessage } from '../../components/ErrorAlert.tsx';
import { useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import { formatBytes } from '../risk/decl/OutcomeForm.tsx';
import { uploadEvidence } from './CaseFiles.tsx';
import {
  CATEGORIES,
  type Category,
  DETECTION_SOURCES,
  type DetectionSource,
  fieldErrorsOf,
  type Seizure,
  type SeizureBody,
  today,
  UNITS,
} from './shared.tsx';

interface Photo {
  key: string;
  file: File;
  status: 'waiting' | 'done' | 'error';
  error?: unknown;
}

/** A chip a finger hits: 44 px high (the touch target of tablet guidelines). */
const TOUCH_CHIP = { label: { height: 44, paddingInline: 18 } };

const num = (v: number | string): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const text = (v: string): string | null => (v.trim() ? v.trim() : null);

/** Where the photos of a seizure go, if anywhere the user may put them. */
function usePhotoTarget(caseId: number | null, declaration: string | null) {
  const { can } = useSession();
  if (caseId !== null && can('cases:manage')) return 'case' as const;
  if (declaration && can('risk:decide')) return 'outcome' as const;
  return null;
}

export function SeizureForm() {
  const { t, lang } = useLang();
  const { user, can } = useSession();
  const client = useQueryClient();
  const message = useErrorMessage();
  const [params] = useSearchParams();
  const caseId = Number(params.get('case')) || null;
  const declarationRef = params.get('declaration');
  const itemId = Number(params.get('item')) || null;
  const outcomeId = Number(params.get('outcome')) || null;
  const photoInput = useId();

  const declaration = useQuery({
    queryKey: ['declaration', declarationRef],
    queryFn: () => apiGet('/api/declarations/{reference}', { path: { reference: declarationRef ?? '' } }),
    enabled: Boolean(declarationRef) && can('declarations:read'),
  });

  const [form, setForm] = useState({
    seized_on: today(),
    office: params.get('office') ?? user?.office_code ?? '',
    place: '',
    city: '',
    description: '',
    hs_code: '',
    category: '' as Category | '',
    quantity: '' as number | string,
    unit: 'pieces',
    net_mass_kg: '' as number | string,
    estimated_value: '' as number | string,
    value_method: '',
    currency: 'MAD',
    brand: '',
    rights_holder: '',
    health_risk: false,
    transport_mode: '',
    concealment: '',
    detection_source: (declarationRef ? 'selectivity_rule' : '') as DetectionSource | '',
    officers: user?.display_name ?? '',
  });
  const set = <K extends keyof typeof form>(name: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [name]: value }));

  // The session may answer after the first render: the user's office and name fill what is still empty.
  useEffect(() => {
    if (!user) return;
    setForm((f) => ({
      ...f,
      office: f.office || user.office_code || '',
      officers: f.officers || user.display_name,
    }));
  }, [user]);

  // Prefill from the declaration once it arrives: its office, the controlled item's goods and HS code.
  const d = declaration.data;
  useEffect(() => {
    if (!d) return;
    const item = d.items.find((i) => i.id === itemId) ?? d.items[0];
    setForm((f) => ({
      ...f,
      office: f.office || d.office.code,
      description: f.description || item?.description || '',
      hs_code: f.hs_code || item?.hs_code || '',
      currency: /^[A-Z]{3}$/.test(d.currency ?? '') ? (d.currency as string) : f.currency,
    }));
  }, [d, itemId]);

  const [photos, setPhotos] = useState<Photo[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<Seizure | null>(null);
  const target = usePhotoTarget(caseId, declarationRef);
  const errors = fieldErrorsOf(error);

  const uploadPhotos = async (seizure: Seizure, queue: Photo[]) => {
    const out = [...queue];
    for (let i = 0; i < out.length; i++) {
      const p = out[i];
      if (!p || p.status === 'done') continue;
      try {
        const note = t('cases.seizure.photoNote', { reference: seizure.reference });
        if (target === 'case' && caseId !== null) await uploadEvidence(caseId, p.file, note);
        else if (target === 'outcome' && declarationRef) {
          const body = new FormData();
          body.append('reference', declarationRef);
          body.append('kind', 'photo');
          if (outcomeId) body.append('outcome_id', String(outcomeId));
          body.append('note', note);
          body.append('file', p.file, p.file.name);
          await api(route('/api/risk/attachments'), { method: 'POST', body });
        }
        out[i] = { ...p, status: 'done' };
      } catch (e) {
        out[i] = { ...p, status: 'error', error: e };
      }
      setPhotos([...out]);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const body: SeizureBody = {
        seized_on: form.seized_on,
        office: form.office.trim(),
        case_id: caseId,
        place: text(form.place),
        city: text(form.city),
        description: form.description.trim(),
        hs_code: text(form.hs_code),
        // An empty category is sent as it is: the API names the field it misses.
        category: form.category as Category,
        quantity: num(form.quantity),
        unit: num(form.quantity) === null ? null : form.unit,
        net_mass_kg: num(form.net_mass_kg),
        estimated_value: num(form.estimated_value),
        value_method: text(form.value_method),
        currency: form.currency,
        brand: text(form.brand),
        rights_holder: text(form.rights_holder),
        health_risk: form.health_risk,
        transport_mode: text(form.transport_mode),
        concealment: text(form.concealment),
        detection_source: form.detection_source || null,
        officers: form.officers
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
      };
      const seizure = saved ?? (await apiSend('post', '/api/seizures', { json: body }));
      setSaved(seizure);
      if (target && photos.length) await uploadPhotos(seizure, photos);
      await client.invalidateQueries({ queryKey: ['cases'] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const failed = photos.filter((p) => p.status === 'error');
  const big = { size: 'lg' as const };
  if (saved && failed.length === 0)
    return (
      <Stack maw={720} mx="auto">
        <Alert color="green" title={t('cases.seizure.saved')} data-testid="seizure-saved">
          <Text size="lg" fw={700} data-testid="seizure-reference">
            {saved.reference}
          </Text>
          {photos.length > 0 && (
            <Text size="sm">{t('cases.seizure.photosSaved', { count: photos.length })}</Text>
          )}
        </Alert>
        <Group grow>
          {caseId !== null && (
            <Button component={Link} to={`/cases/${caseId}`} size="lg">
              {t('cases.seizure.toCase')}
            </Button>
          )}
          {declarationRef && (
            <Button
              component={Link}
              to={`/declarations/${encodeURIComponent(declarationRef)}`}
              size="lg"
              variant="light"
            >
              {t('cases.seizure.toDeclaration')}
            </Button>
          )}
          <Button
            size="lg"
            variant="default"
            onClick={() => {
              setSaved(null);
              setPhotos([]);
              setForm((f) => ({ ...f, description: '', quantity: '', estimated_value: '', brand: '' }));
            }}
          >
            {t('cases.seizure.another')}
          </Button>
        </Group>
      </Stack>
    );

  return (
    <Stack maw={720} mx="auto" data-testid="seizure-form">
      {declarationRef ? (
        <Anchor component={Link} to={`/declarations/${encodeURIComponent(declarationRef)}`} size="md">
          ← {declarationRef}
        </Anchor>
      ) : caseId !== null ? (
        <Anchor component={Link} to={`/cases/${caseId}`} size="md">
          ← {t('cases.seizure.backToCase')}
        </Anchor>
      ) : null}
      <Title order={2}>{t('cases.seizure.title')}</Title>
      {declarationRef && (
        <Text c="dimmed" data-testid="seizure-origin">
          {t('cases.seizure.fromOutcome', { reference: declarationRef })}
        </Text>
      )}
      <Card withBorder p="lg">
        <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('cases.seizure.title')}>
          <Stack gap="lg">
            <TextInput
              {...big}
              type="date"
              label={t('cases.seizures.seizedOn')}
              value={form.seized_on}
              max={today()}
              onChange={(e) => set('seized_on', e.currentTarget.value)}
              error={errors.seized_on}
              disabled={saved !== null}
            />
            <div>
              <Input.Label size="lg" required mb={6} display="block" id="seizure-category-label">
                {t('cases.seizures.category')}
              </Input.Label>
              <Chip.Group
                multiple={false}
                value={form.category}
                onChange={(v) => set('category', v as Category)}
              >
                <Group gap="xs" role="radiogroup" aria-labelledby="seizure-category-label">
                  {CATEGORIES.map((c) => (
                    <Chip key={c} value={c} size="lg" variant="outline" styles={TOUCH_CHIP}>
                      {t(`cases.categories.${c}`)}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
              {errors.category && (
                <Input.Error size="lg" mt={4} role="alert" data-field="category">
                  {errors.category}
                </Input.Error>
              )}
            </div>
            <Textarea
              {...big}
              label={t('cases.seizures.description')}
              required
              autosize
              minRows={2}
              maxLength={2000}
              value={form.description}
              onChange={(e) => set('description', e.currentTarget.value)}
              error={errors.description}
              dir="auto"
            />
            <TextInput
              {...big}
              label={t('cases.seizure.hsCode')}
              inputMode="numeric"
              value={form.hs_code}
              onChange={(e) => set('hs_code', e.currentTarget.value)}
              error={errors.hs_code}
            />
            <Group grow align="start">
              <NumberInput
                {...big}
                label={t('cases.seizures.quantity')}
                min={0}
                inputMode="decimal"
                value={form.quantity}
                onChange={(v) => set('quantity', v)}
                error={errors.quantity}
              />
              <NativeSelect
                {...big}
                label={t('cases.seizure.unit')}
                value={form.unit}
                onChange={(e) => set('unit', e.currentTarget.value)}
                data={UNITS.map((u) => ({ value: u, label: t(`cases.units.${u}`) }))}
                error={errors.unit}
              />
            </Group>
            <NumberInput
              {...big}
              label={t('cases.seizure.netMass')}
              min={0}
              inputMode="decimal"
              value={form.net_mass_kg}
              onChange={(v) => set('net_mass_kg', v)}
              error={errors.net_mass_kg}
            />
            <Group grow align="start">
              <NumberInput
                {...big}
                label={t('cases.seizures.value')}
                min={0}
                inputMode="decimal"
                thousandSeparator=" "
                value={form.estimated_value}
                onChange={(v) => set('estimated_value', v)}
                error={errors.estimated_value}
              />
              <TextInput
                {...big}
                label={t('cases.seizure.currency')}
                maxLength={3}
                value={form.currency}
                onChange={(e) => set('currency', e.currentTarget.value.toUpperCase())}
                error={errors.currency}
              />
            </Group>
            <TextInput
              {...big}
              label={t('cases.seizure.valueMethod')}
              placeholder={t('cases.seizure.valueMethodHint')}
              value={form.value_method}
              onChange={(e) => set('value_method', e.currentTarget.value)}
              error={errors.value_method}
            />
            <TextInput
              {...big}
              label={t('cases.seizures.brand')}
              value={form.brand}
              onChange={(e) => set('brand', e.currentTarget.value)}
              error={errors.brand}
              dir="auto"
            />
            <TextInput
              {...big}
              label={t('cases.seizure.rightsHolder')}
              value={form.rights_holder}
              onChange={(e) => set('rights_holder', e.currentTarget.value)}
              error={errors.rights_holder}
              dir="auto"
            />
            <Switch
              size="lg"
              label={t('cases.seizure.healthRisk')}
              checked={form.health_risk}
              onChange={(e) => set('health_risk', e.currentTarget.checked)}
            />
            <TextInput
              {...big}
              label={t('cases.fields.office')}
              required
              value={form.office}
              onChange={(e) => set('office', e.currentTarget.value)}
              error={errors.office}
            />
            <TextInput
              {...big}
              label={t('cases.seizure.place')}
              value={form.place}
              onChange={(e) => set('place', e.currentTarget.value)}
              error={errors.place}
              dir="auto"
            />
            <TextInput
              {...big}
              label={t('cases.seizure.city')}
              value={form.city}
              onChange={(e) => set('city', e.currentTarget.value)}
              error={errors.city}
              dir="auto"
            />
            <NativeSelect
              {...big}
              label={t('cases.seizure.detectionSource')}
              value={form.detection_source}
              onChange={(e) => set('detection_source', e.currentTarget.value as DetectionSource | '')}
              data={[
                { value: '', label: '—' },
                ...DETECTION_SOURCES.map((s) => ({ value: s, label: t(`cases.detection.${s}`) })),
              ]}
              error={errors.detection_source}
            />
            <TextInput
              {...big}
              label={t('cases.seizure.transport')}
              value={form.transport_mode}
              onChange={(e) => set('transport_mode', e.currentTarget.value)}
              error={errors.transport_mode}
            />
            <TextInput
              {...big}
              label={t('cases.seizure.concealment')}
              value={form.concealment}
              onChange={(e) => set('concealment', e.currentTarget.value)}
              error={errors.concealment}
              dir="auto"
            />
            <TextInput
              {...big}
              label={t('cases.seizure.officers')}
              description={t('cases.seizure.officersHint')}
              value={form.officers}
              onChange={(e) => set('officers', e.currentTarget.value)}
              error={errors.officers}
            />
            {target && (
              <div>
                <Input.Label size="lg" mb={6} display="block" htmlFor={photoInput}>
                  {t('cases.seizure.photos')}
                </Input.Label>
                <input
                  id={photoInput}
                  type="file"
                  accept="image/*"
                  capture="environment"
                  multiple
                  data-testid="seizure-photos"
                  style={{ position: 'absolute', width: 1, height: 1, opacity: 0, overflow: 'hidden' }}
                  onChange={(e) => {
                    const list = Array.from(e.currentTarget.files ?? []);
                    setPhotos((prev) => [
                      ...prev,
                      ...list.map((file, i) => ({
                        key: `${file.name}-${file.size}-${Date.now()}-${i}`,
                        file,
                        status: 'waiting' as const,
                      })),
                    ]);
                    e.currentTarget.value = '';
                  }}
                />
                <Button
                  component="label"
                  htmlFor={photoInput}
                  size="lg"
                  variant="light"
                  fullWidth
                  disabled={busy}
                >
                  {t('cases.seizure.addPhotos')}
                </Button>
                <Stack gap={6} mt="sm" data-testid="seizure-photo-list">
                  {photos.map((p) => (
                    <Group key={p.key} gap="sm" wrap="nowrap" data-status={p.status}>
                      <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                        <Text size="sm" truncate>
                          {p.file.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {formatBytes(lang, p.file.size)}
                        </Text>
                        {p.status === 'error' && (
                          <Text size="xs" c="red" role="alert">
                            {message(p.error)}
                          </Text>
                        )}
                      </Stack>
                      {p.status !== 'done' && !busy && (
                        <CloseButton
                          size="xl"
                          aria-label={t('cases.seizure.removePhoto', { name: p.file.name })}
                          onClick={() => setPhotos((prev) => prev.filter((x) => x.key !== p.key))}
                        />
                      )}
                    </Group>
                  ))}
                </Stack>
              </div>
            )}
            {error !== null && Object.keys(errors).length === 0 && <ErrorAlert error={error} />}
            {Object.keys(errors).length > 0 && (
              <Alert color="red" role="alert" data-testid="seizure-invalid">
                {t('cases.seizure.fixFields', { count: Object.keys(errors).length })}
              </Alert>
            )}
            {saved && failed.length > 0 && (
              <Alert color="orange" data-testid="seizure-partial">
                {t('cases.seizure.partial', { reference: saved.reference, count: failed.length })}
              </Alert>
            )}
            <Button type="submit" size="xl" fullWidth loading={busy}>
              {saved ? t('cases.seizure.retryPhotos') : t('cases.seizure.submit')}
            </Button>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
