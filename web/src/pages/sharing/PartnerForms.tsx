/**
 * The partner forms of those who may write (`sharing:write`): add a partner administration or agency with its
 * Ed25519 public key, and change a partner's name, installation address, key or whether it is active. The server
 * validates the key and audits every change; a new key's fingerprint is shown at once, to be compared with the one
 * the partner reads out over another channel before it is trusted.
 */
import {
  Button,
  Card,
  Checkbox,
  NativeSelect,
  Group as Row,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useNavigate } from 'react-router';
import { apiSend } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';
import { useLang } from '../../i18n/index.ts';
import { fingerprint, type Partner } from './shared.tsx';

const KINDS = ['customs_administration', 'national_agency'] as const;

/** The public key field: PEM or base64 of the 32 raw bytes, shown left to right in a fixed font. */
function KeyField(props: {
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  label: string;
}) {
  const { t } = useLang();
  return (
    <Textarea
      label={props.label}
      description={t('sharing.partners.form.keyFormat')}
      required={props.required}
      autosize
      minRows={3}
      maxLength={2000}
      dir="ltr"
      ff="monospace"
      spellCheck={false}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
    />
  );
}

/** A titled form card: its title is also the form's accessible name. */
function FormCard(props: { title: string; onSubmit: (event: FormEvent) => void; children: ReactNode }) {
  return (
    <Card withBorder padding="sm" component="form" onSubmit={props.onSubmit} aria-label={props.title}>
      <Text fw={600} mb="xs">
        {props.title}
      </Text>
      <Stack gap="xs">{props.children}</Stack>
    </Card>
  );
}

function NameField(props: { value: string; onChange: (value: string) => void }) {
  const { t } = useLang();
  return (
    <TextInput
      label={t('sharing.partners.name')}
      style={{ flex: 1, minWidth: 200 }}
      required
      maxLength={300}
      dir="auto"
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
    />
  );
}

function EndpointField(props: { value: string; onChange: (value: string) => void }) {
  const { t } = useLang();
  return (
    <TextInput
      label={t('sharing.partners.endpoint')}
      maxLength={500}
      dir="ltr"
      placeholder="https://"
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
    />
  );
}

export function NewPartner() {
  const { t } = useLang();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<(typeof KINDS)[number]>('customs_administration');
  const [country, setCountry] = useState('');
  const [key, setKey] = useState('');
  const [endpoint, setEndpoint] = useState('');
  const { busy, error, run } = useAction();
  const ready = code.trim() && name.trim() && /^[A-Za-z]{2}$/.test(country.trim()) && key.trim();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const created = await apiSend('post', '/api/sharing/partners', {
        json: {
          code: code.trim(),
          name: name.trim(),
          kind,
          country: country.trim().toUpperCase(),
          public_key: key.trim(),
          endpoint_url: endpoint.trim() || null,
        },
      });
      await client.invalidateQueries({ queryKey: ['sharing'] });
      navigate(`/sharing/partners/${encodeURIComponent(created.code)}`);
    });
  };
  return (
    <FormCard title={t('sharing.partners.form.new')} onSubmit={submit}>
      <Row align="end" gap="sm">
        <TextInput
          label={t('sharing.partners.code')}
          w={140}
          required
          maxLength={32}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
        />
        <NameField value={name} onChange={setName} />
        <NativeSelect
          label={t('sharing.partners.kind')}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as (typeof KINDS)[number])}
          data={KINDS.map((k) => ({ value: k, label: t(`sharing.partners.kinds.${k}`) }))}
        />
        <TextInput
          label={t('sharing.partners.form.country')}
          w={90}
          required
          maxLength={2}
          dir="ltr"
          value={country}
          onChange={(e) => setCountry(e.currentTarget.value)}
        />
      </Row>
      <EndpointField value={endpoint} onChange={setEndpoint} />
      <KeyField label={t('sharing.partners.key')} required value={key} onChange={setKey} />
      <Row>
        <Button type="submit" loading={busy} disabled={!ready}>
          {t('sharing.partners.form.add')}
        </Button>
      </Row>
      <ErrorAlert error={error} />
    </FormCard>
  );
}

/** Name, address, key and activity of a partner; only what was changed is sent. */
export function EditPartner({ partner }: { partner: Partner }) {
  const { t } = useLang();
  const client = useQueryClient();
  const [name, setName] = useState(partner.name);
  const [endpoint, setEndpoint] = useState(partner.endpoint_url ?? '');
  const [active, setActive] = useState(partner.active);
  const [key, setKey] = useState('');
  const [saved, setSaved] = useState<{ keyChanged: boolean; keyId: string } | null>(null);
  const { busy, error, run } = useAction();
  const changes = {
    ...(name.trim() !== partner.name ? { name: name.trim() } : {}),
    ...(endpoint.trim() !== (partner.endpoint_url ?? '') ? { endpoint_url: endpoint.trim() || null } : {}),
    ...(active !== partner.active ? { active } : {}),
    ...(key.trim() ? { public_key: key.trim() } : {}),
  };
  const changed = Object.keys(changes).length > 0 && name.trim() !== '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      setSaved(null);
      const updated = await apiSend('patch', '/api/sharing/partners/{code}', {
        path: { code: partner.code },
        json: changes,
      });
      setSaved({ keyChanged: 'public_key' in changes, keyId: updated.key_id });
      setKey('');
      await client.invalidateQueries({ queryKey: ['sharing'] });
    });
  };
  return (
    <FormCard title={t('sharing.partners.form.edit')} onSubmit={submit}>
      <Row align="end" gap="sm">
        <NameField value={name} onChange={setName} />
        <Checkbox
          label={t('sharing.partners.form.active')}
          checked={active}
          onChange={(e) => setActive(e.currentTarget.checked)}
          mb={8}
        />
      </Row>
      <EndpointField value={endpoint} onChange={setEndpoint} />
      <KeyField label={t('sharing.partners.form.newKey')} value={key} onChange={setKey} />
      <Row>
        <Button type="submit" loading={busy} disabled={!changed}>
          {t('sharing.partners.form.save')}
        </Button>
      </Row>
      {saved && (
        <Text size="sm" c="green.8" role="status">
          {saved.keyChanged
            ? t('sharing.partners.form.keySaved', { fingerprint: fingerprint(saved.keyId) })
            : t('sharing.partners.form.saved')}
        </Text>
      )}
      <ErrorAlert error={error} />
    </FormCard>
  );
}
