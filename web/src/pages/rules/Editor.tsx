/**
 * The rule document editor: YAML in a monospace area with line numbers, validation by the server with every problem
 * located (a click puts the cursor on its line), the indicators the rules may test, and saving as a draft.
 */
import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Grid,
  Group,
  Loader,
  ScrollArea,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, apiGet, apiSend } from '../../api.ts';
import { ErrorAlert, Pending } from '../../components/ErrorAlert.tsx';
import { RankingCard } from './Ranking.tsx';
import { MIN_REASON } from './ReasonModal.tsx';
import { backArrow, localText, type Problem, type Profile } from './types.ts';

const LINE_HEIGHT = 20;
const NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export const TEMPLATE = `description: >-
  What this profile targets and why.
scoring: {}
rules:
  - id: first-rule
    title:
      en: Goods routed through a third country
      fr: Marchandise passée par un pays tiers
    rationale:
      en: Why this rule selects.
      fr: Pourquoi cette règle sélectionne.
    probability: 0.3
    when: { indicator: goods.departure_differs, equals: true }
    effect: { points: 10 }
`;

/** Problems in the order of the text; those without a line last. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER),
  );
}

/** Offsets of the start and end of a line (1-based) in a text. */
function lineRange(text: string, line: number): [number, number] {
  let start = 0;
  for (let i = 1; i < line; i++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return [text.length, text.length];
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return [start, end < 0 ? text.length : end];
}

/** A monospace text area with line numbers; lines with problems are tinted, the current one marked. */
function CodeArea({
  value,
  onChange,
  problemLines,
  focusLine,
  areaRef,
  label,
}: {
  value: string;
  onChange(value: string): void;
  problemLines: Set<number>;
  focusLine: number | null;
  areaRef: React.RefObject<HTMLTextAreaElement | null>;
  label: string;
}) {
  const [scroll, setScroll] = useState({ top: 0, left: 0 });
  const count = value.split('\n').length;
  const gutter = Math.max(3, String(count).length) + 2;
  return (
    <Box
      dir="ltr"
      pos="relative"
      style={{
        display: 'flex',
        border: '1px solid var(--mantine-color-gray-4)',
        borderRadius: 4,
        overflow: 'hidden',
        height: '62vh',
        minHeight: 360,
        fontFamily: 'var(--mantine-font-family-monospace)',
        fontSize: 13,
        lineHeight: `${LINE_HEIGHT}px`,
      }}
    >
      <Box
        aria-hidden
        style={{
          width: `${gutter}ch`,
          flex: 'none',
          overflow: 'hidden',
          background: 'var(--mantine-color-gray-0)',
          borderRight: '1px solid var(--mantine-color-gray-3)',
          color: 'var(--mantine-color-gray-6)',
          textAlign: 'right',
          userSelect: 'none',
        }}
      >
        <div style={{ transform: `translateY(${-scroll.top}px)`, padding: '8px 6px 8px 0' }}>
          {Array.from({ length: count }, (_, i) => {
            const line = i + 1;
            const bad = problemLines.has(line);
            return (
              <div
                key={line}
                data-problem-line={bad ? line : undefined}
                style={{
                  height: LINE_HEIGHT,
                  color: bad ? 'var(--mantine-color-red-8)' : undefined,
                  fontWeight: bad ? 700 : undefined,
                  background: bad ? 'var(--mantine-color-red-1)' : undefined,
                }}
              >
                {line}
              </div>
            );
          })}
        </div>
      </Box>
      <Box pos="relative" style={{ flex: 1, overflow: 'hidden' }}>
        <div
          aria-hidden
          style={{
            position: 'absolute',
            insetInline: 0,
            top: 8 - scroll.top,
            pointerEvents: 'none',
          }}
        >
          {[...problemLines].map((line) => (
            <div
              key={line}
              style={{
                position: 'absolute',
                left: 0,
                right: 0,
                top: (line - 1) * LINE_HEIGHT,
                height: LINE_HEIGHT,
                background: line === focusLine ? 'rgba(250, 82, 82, 0.22)' : 'rgba(250, 82, 82, 0.09)',
                borderLeft: line === focusLine ? '3px solid var(--mantine-color-red-6)' : undefined,
              }}
            />
          ))}
        </div>
        <textarea
          ref={areaRef}
          aria-label={label}
          data-testid="rule-source"
          value={value}
          wrap="off"
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          onChange={(e) => onChange(e.currentTarget.value)}
          onScroll={(e) => setScroll({ top: e.currentTarget.scrollTop, left: e.currentTarget.scrollLeft })}
          onKeyDown={(e) => {
            // Tab indents by two spaces, as YAML wants.
            if (e.key !== 'Tab') return;
            e.preventDefault();
            const area = e.currentTarget;
            const { selectionStart: s, selectionEnd: end } = area;
            const next = `${value.slice(0, s)}  ${value.slice(end)}`;
            onChange(next);
            requestAnimationFrame(() => area.setSelectionRange(s + 2, s + 2));
          }}
          style={{
            position: 'relative',
            display: 'block',
            width: '100%',
            height: '100%',
            margin: 0,
            padding: '8px 10px',
            border: 0,
            outline: 'none',
            resize: 'none',
            background: 'transparent',
            font: 'inherit',
            lineHeight: 'inherit',
            whiteSpace: 'pre',
            overflow: 'auto',
            tabSize: 2,
          }}
        />
      </Box>
    </Box>
  );
}

export function ProblemList({ problems, onJump }: { problems: Problem[]; onJump(line: number): void }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      variant="light"
      title={t('rules.problems', { count: problems.length })}
      data-testid="problems"
      role="alert"
    >
      <ScrollArea.Autosize mah={200} type="auto">
        <Stack gap={2}>
          {sortProblems(problems).map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: problems may repeat a path and a line
            <Group key={i} gap="xs" wrap="nowrap" align="flex-start" data-testid="problem">
              {p.line !== undefined ? (
                <UnstyledButton
                  onClick={() => onJump(p.line!)}
                  fz="sm"
                  fw={700}
                  c="red.8"
                  style={{ whiteSpace: 'nowrap', textDecoration: 'underline' }}
                  aria-label={t('rules.goToLine', { line: p.line })}
                >
                  {t('rules.line', { line: p.line })}
                </UnstyledButton>
              ) : (
                <Text size="sm" fw={700} c="red.8" style={{ whiteSpace: 'nowrap' }}>
                  —
                </Text>
              )}
              <Text size="sm" ff="monospace" c="dimmed" dir="ltr" style={{ whiteSpace: 'nowrap' }}>
                {p.path || '/'}
              </Text>
              <Text size="sm">{p.message}</Text>
            </Group>
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Alert>
  );
}

function Indicators({ onInsert }: { onInsert(name: string): void }) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState('');
  const list = useQuery({
    queryKey: ['risk-indicators'],
    queryFn: () => apiGet('/api/risk/indicators'),
    staleTime: 300_000,
  });
  const shown = (list.data?.items ?? []).filter(
    (i) =>
      !filter ||
      i.name.toLowerCase().includes(filter.toLowerCase()) ||
      localText(i.description, i18n.language).toLowerCase().includes(filter.toLowerCase()),
  );
  return (
    <Card withBorder padding="sm">
      <Text fw={600} size="sm" mb={4}>
        {t('rules.indicators')}
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        {t('rules.indicatorsHint')}
      </Text>
      <TextInput
        size="xs"
        placeholder={t('rules.filterIndicators')}
        value={filter}
        onChange={(e) => setFilter(e.currentTarget.value)}
        mb="xs"
      />
      <ErrorAlert error={list.error} />
      {list.isLoading && <Loader size="sm" />}
      <ScrollArea h={300} type="auto">
        <Stack gap={6}>
          {shown.map((i) => (
            <UnstyledButton key={i.name} onClick={() => onInsert(i.name)} title={t('rules.insert')}>
              <Group gap={4} wrap="nowrap">
                <Text size="xs" ff="monospace" fw={600} dir="ltr">
                  {i.name}
                </Text>
                <Badge size="xs" variant="outline" color="gray">
                  {i.type}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed" lineClamp={2}>
                {localText(i.description, i18n.language)}
              </Text>
            </UnstyledButton>
          ))}
        </Stack>
      </ScrollArea>
    </Card>
  );
}

function EditorForm({ base }: { base: Profile | null }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const initial = base ? (base.source_text ?? JSON.stringify(base.document, null, 2)) : TEMPLATE;
  const [text, setText] = useState(initial);
  const [name, setName] = useState(base?.name ?? '');
  const [reason, setReason] = useState('');
  const [validFrom, setValidFrom] = useState(base?.valid_from ?? '');
  const [validTo, setValidTo] = useState(base?.valid_to ?? '');
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [validated, setValidated] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [saving, setSaving] = useState(false);
  const [validateError, setValidateError] = useState<unknown>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<{ name?: string; reason?: string; validTo?: string }>({});
  const [focusLine, setFocusLine] = useState<number | null>(null);
  const areaRef = useRef<HTMLTextAreaElement>(null);
  const dirty = text !== initial;
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!dirty || saved) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty, saved]);

  const problemLines = useMemo(
    () => new Set((problems ?? []).flatMap((p) => (p.line !== undefined ? [p.line] : []))),
    [problems],
  );

  const jump = (line: number) => {
    const area = areaRef.current;
    setFocusLine(line);
    if (!area) return;
    const [start, end] = lineRange(text, line);
    area.focus();
    area.setSelectionRange(start, end);
    area.scrollTop = Math.max(0, (line - 1) * LINE_HEIGHT - area.clientHeight / 3);
  };

  const insert = (value: string) => {
    const area = areaRef.current;
    const at = area ? area.selectionStart : text.length;
    const end = area ? area.selectionEnd : text.length;
    setText(`${text.slice(0, at)}${value}${text.slice(end)}`);
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(at + value.length, at + value.length);
    });
  };

  const validate = async () => {
    setValidateError(null);
    setChecking(true);
    try {
      const result = await apiSend('post', '/api/risk/profiles/validate', { json: { text } });
      setProblems(result.problems);
      setValidated(text);
      const first = sortProblems(result.problems)[0];
      setFocusLine(first?.line ?? null);
    } catch (e) {
      setValidateError(e);
    } finally {
      setChecking(false);
    }
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaveError(null);
    const errors: typeof fieldErrors = {};
    if (!NAME.test(name)) errors.name = t('rules.nameInvalid');
    if (reason.trim().length < MIN_REASON) errors.reason = t('rules.reasonRequired', { count: MIN_REASON });
    if (validFrom && validTo && validTo < validFrom) errors.validTo = t('rules.validityOrder');
    setFieldErrors(errors);
    if (Object.keys(errors).length) return;
    setSaving(true);
    try {
      const created = await apiSend('post', '/api/risk/profiles', {
        json: {
          name,
          text,
          reason: reason.trim(),
          valid_from: validFrom || null,
          valid_to: validTo || null,
        },
      });
      setSaved(true);
      await client.invalidateQueries({ queryKey: ['risk-profiles'] });
      navigate(`/rules/profiles/${created.id}`);
    } catch (e) {
      const located =
        e instanceof ApiError ? (e.details as { problems?: Problem[] } | undefined)?.problems : undefined;
      if (located?.length) {
        setProblems(located);
        setValidated(text);
        setFocusLine(sortProblems(located)[0]?.line ?? null);
      }
      setSaveError(e);
    } finally {
      setSaving(false);
    }
  };

  const cancel = () => {
    if (dirty && !window.confirm(t('rules.discard'))) return;
    setSaved(true);
    navigate(base ? `/rules/profiles/${base.id}` : '/rules/profiles');
  };

  const stale = validated !== null && validated !== text;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={base ? `/rules/profiles/${base.id}` : '/rules/profiles'} size="sm">
        {backArrow(i18n.language)} {base ? `${base.name} v${base.version}` : t('rules.backToProfiles')}
      </Anchor>
      <Group justify="space-between">
        <Title order={3}>
          {base ? t('rules.newVersionOf', { name: base.name, version: base.version }) : t('rules.newProfile')}
        </Title>
        {dirty && (
          <Badge color="orange" variant="light">
            {t('rules.unsaved')}
          </Badge>
        )}
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="sm">
            <Group justify="space-between">
              <Group gap="xs">
                <Button onClick={() => void validate()} loading={checking} variant="light">
                  {t('rules.validate')}
                </Button>
                {problems !== null && problems.length === 0 && !stale && (
                  <Badge color="green" variant="light" size="lg" data-testid="valid">
                    {t('rules.valid')}
                  </Badge>
                )}
                {stale && (
                  <Text size="xs" c="dimmed">
                    {t('rules.changedSinceCheck')}
                  </Text>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                {t('rules.lineCount', { count: text.split('\n').length })}
              </Text>
            </Group>
            <ErrorAlert error={validateError} />
            {problems !== null && problems.length > 0 && <ProblemList problems={problems} onJump={jump} />}
            <CodeArea
              value={text}
              onChange={(v) => {
                setText(v);
                setSaved(false);
              }}
              problemLines={stale ? new Set() : problemLines}
              focusLine={focusLine}
              areaRef={areaRef}
              label={t('rules.source')}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <Card withBorder padding="sm" component="form" onSubmit={save} aria-label={t('rules.saveDraft')}>
              <Stack gap="xs">
                <Text fw={600} size="sm">
                  {t('rules.saveDraft')}
                </Text>
                <TextInput
                  label={t('rules.name')}
                  value={name}
                  onChange={(e) => setName(e.currentTarget.value)}
                  readOnly={base !== null}
                  description={base ? t('rules.nameKept') : t('rules.nameHint')}
                  error={fieldErrors.name}
                  styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                  withAsterisk
                />
                <Textarea
                  label={t('rules.reason')}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  error={fieldErrors.reason}
                  rows={2}
                  withAsterisk
                />
                <Group grow>
                  <TextInput
                    type="date"
                    label={t('rules.validFrom')}
                    value={validFrom}
                    onChange={(e) => setValidFrom(e.currentTarget.value)}
                  />
                  <TextInput
                    type="date"
                    label={t('rules.validTo')}
                    value={validTo}
                    onChange={(e) => setValidTo(e.currentTarget.value)}
                    error={fieldErrors.validTo}
                  />
                </Group>
                <Text size="xs" c="dimmed">
                  {t('rules.draftHint')}
                </Text>
                <ErrorAlert error={saveError} />
                <Group justify="flex-end" gap="xs">
                  <Button variant="default" onClick={cancel}>
                    {t('rules.cancel')}
                  </Button>
                  <Button type="submit" loading={saving}>
                    {t('rules.saveDraft')}
                  </Button>
                </Group>
              </Stack>
            </Card>
            <RankingCard
              text={text}
              onChange={(v) => {
                setText(v);
                setSaved(false);
              }}
            />
            <Indicators onInsert={insert} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export function ProfileEditor() {
  const { id } = useParams();
  const base = useQuery({
    queryKey: ['risk-profile', Number(id)],
    queryFn: () => apiGet('/api/risk/profiles/{id}', { path: { id: Number(id) } }),
    enabled: id !== undefined,
  });
  if (id === undefined) return <EditorForm base={null} />;
  if (!base.data) return <Pending query={base} />;
  // A new key when the base changes, so the form starts from it.
  return <EditorForm key={base.data.id} base={base.data} />;
}
