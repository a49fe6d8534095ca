/** The work inside a case: tasks (due dates, overdue ones marked), notes, and links to what the case concerns. */
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { apiSend } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';
import { formatDate, formatDateTime, useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import { GraphLinkSearch } from './GraphLinkSearch.tsx';
import {
  type Case,
  type CaseLink,
  type CaseNote,
  type CaseTask,
  FINAL_STATUSES,
  fieldErrorsOf,
  isOverdue,
  LINK_TYPES,
  type LinkType,
  linkHref,
} from './shared.tsx';

/** Whether the user may change this case now. */
export function useEditable(kase: Case): boolean {
  const { can } = useSession();
  return can('cases:manage') && !FINAL_STATUSES.includes(kase.status);
}

/** After a change: the case, its timeline and the lists reload. */
function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['cases'] });
}

function TaskRow({ kase, task, editable }: { kase: Case; task: CaseTask; editable: boolean }) {
  const { t, lang } = useLang();
  const refresh = useRefresh();
  const { busy, error, run } = useAction();
  const overdue = isOverdue(task);
  const toggle = () =>
    run(async () => {
      await apiSend('patch', '/api/cases/{id}/tasks/{sub}', {
        path: { id: kase.id, sub: task.id },
        json: { status: task.status === 'done' ? 'todo' : 'done' },
      });
      await refresh();
    });
  return (
    <Paper
      withBorder
      p="xs"
      bg={overdue ? 'red.0' : undefined}
      style={overdue ? { borderColor: 'var(--mantine-color-red-5)' } : undefined}
      data-testid="task-row"
      data-overdue={overdue || undefined}
    >
      <Group gap="sm" wrap="nowrap" align="start">
        <Checkbox
          size="md"
          mt={2}
          checked={task.status === 'done'}
          disabled={!editable || busy}
          onChange={() => void toggle()}
          aria-label={t(task.status === 'done' ? 'cases.tasks.reopen' : 'cases.tasks.markDone', {
            title: task.title,
          })}
        />
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Text
            size="sm"
            dir="auto"
            td={task.status === 'done' ? 'line-through' : undefined}
            c={task.status === 'done' ? 'dimmed' : undefined}
          >
            {task.title}
          </Text>
          <Group gap="xs">
            {task.due_on && (
              <Text size="xs" c={overdue ? 'red.8' : 'dimmed'} fw={overdue ? 600 : undefined}>
                {t('cases.tasks.dueOn', { date: formatDate(lang, task.due_on) })}
              </Text>
            )}
            {overdue && (
              <Badge color="red" size="xs">
                {t('cases.tasks.overdue')}
              </Badge>
            )}
            {task.assignee && (
              <Text size="xs" c="dimmed">
                {task.assignee}
              </Text>
            )}
          </Group>
          {error !== null && <ErrorAlert error={error} />}
        </Stack>
      </Group>
    </Paper>
  );
}

export function TasksCard({ kase, tasks }: { kase: Case; tasks: CaseTask[] }) {
  const { t } = useLang();
  const editable = useEditable(kase);
  const refresh = useRefresh();
  const [title, setTitle] = useState('');
  const [assignee, setAssignee] = useState('');
  const [due, setDue] = useState('');
  const { busy, error, run } = useAction();
  const errors = fieldErrorsOf(error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await apiSend('post', '/api/cases/{id}/tasks', {
        path: { id: kase.id },
        json: {
          title: title.trim(),
          ...(assignee.trim() ? { assignee: assignee.trim() } : {}),
          ...(due ? { due_on: due } : {}),
        },
      });
      setTitle('');
      setAssignee('');
      setDue('');
      await refresh();
    });
  };
  const open = tasks.filter((task) => task.status === 'todo');
  const overdue = open.filter((task) => isOverdue(task)).length;
  return (
    <Card withBorder data-testid="case-tasks">
      <Group gap="xs" mb="xs">
        <Text fw={600}>
          {t('cases.tasks.title')} ({open.length}/{tasks.length})
        </Text>
        {overdue > 0 && (
          <Badge color="red" variant="filled">
            {t('cases.tasks.overdueCount', { count: overdue })}
          </Badge>
        )}
      </Group>
      <Stack gap={6}>
        {tasks.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('cases.tasks.none')}
          </Text>
        )}
        {tasks.map((task) => (
          <TaskRow key={task.id} kase={kase} task={task} editable={editable} />
        ))}
      </Stack>
      {editable && (
        <Stack component="form" gap="xs" mt="sm" onSubmit={submit} aria-label={t('cases.tasks.add')}>
          <Group gap="xs" align="start" wrap="wrap">
            <TextInput
              label={t('cases.tasks.taskTitle')}
              style={{ flex: 2, minWidth: 200 }}
              value={title}
              maxLength={300}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={errors.title}
              dir="auto"
            />
            <TextInput
              label={t('cases.tasks.assignee')}
              w={150}
              value={assignee}
              onChange={(e) => setAssignee(e.currentTarget.value)}
              error={errors.assignee}
            />
            <TextInput
              type="date"
              label={t('cases.tasks.due')}
              w={170}
              value={due}
              onChange={(e) => setDue(e.currentTarget.value)}
              error={errors.due_on}
            />
          </Group>
          {error !== null && Object.keys(errors).length === 0 && <ErrorAlert error={error} />}
          <Group>
            <Button type="submit" size="sm" loading={busy} disabled={!title.trim()}>
              {t('cases.tasks.add')}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}

export function NotesCard({ kase, notes }: { kase: Case; notes: CaseNote[] }) {
  const { t, lang } = useLang();
  const editable = useEditable(kase);
  const refresh = useRefresh();
  const [body, setBody] = useState('');
  const { busy, error, run } = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await apiSend('post', '/api/cases/{id}/notes', { path: { id: kase.id }, json: { body: body.trim() } });
      setBody('');
      await refresh();
    });
  };
  return (
    <Card withBorder data-testid="case-notes">
      <Text fw={600} mb="xs">
        {t('cases.notes.title')} ({notes.length})
      </Text>
      <Stack gap={6}>
        {notes.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('cases.notes.none')}
          </Text>
        )}
        {[...notes].reverse().map((n) => (
          <Paper key={n.id} withBorder p="xs" data-testid="note">
            <Text size="xs" c="dimmed">
              {formatDateTime(lang, n.created_at)} · {n.author}
            </Text>
            <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
              {n.body}
            </Text>
          </Paper>
        ))}
      </Stack>
      {editable && (
        <Stack component="form" gap="xs" mt="sm" onSubmit={submit} aria-label={t('cases.notes.add')}>
          <Textarea
            label={t('cases.notes.body')}
            autosize
            minRows={2}
            maxLength={20000}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            dir="auto"
          />
          {error !== null && <ErrorAlert error={error} />}
          <Group>
            <Button type="submit" size="sm" loading={busy} disabled={!body.trim()}>
              {t('cases.notes.add')}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}

function LinkTarget({ link }: { link: CaseLink }) {
  const href = linkHref(link.target_type, link.target_ref);
  return href ? (
    <Anchor component={Link} to={href} size="sm" fw={600} dir="auto">
      {link.target_ref}
    </Anchor>
  ) : (
    <Text size="sm" fw={600} dir="auto">
      {link.target_ref}
    </Text>
  );
}

export function LinksCard({ kase, links }: { kase: Case; links: CaseLink[] }) {
  const { t, lang } = useLang();
  const { can } = useSession();
  const editable = useEditable(kase);
  const refresh = useRefresh();
  const [type, setType] = useState<LinkType>('company');
  const [ref, setRef] = useState('');
  const [note, setNote] = useState('');
  const { busy, error, run } = useAction();
  const errors = fieldErrorsOf(error);
  const link = (target: { type: LinkType; ref: string; note: string }) =>
    run(async () => {
      await apiSend('post', '/api/cases/{id}/links', {
        path: { id: kase.id },
        json: {
          target_type: target.type,
          target_ref: target.ref.trim(),
          ...(target.note.trim() ? { note: target.note.trim() } : {}),
        },
      });
      setRef('');
      setNote('');
      await refresh();
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void link({ type, ref, note });
  };
  const remove = (link: CaseLink) =>
    run(async () => {
      await apiSend('delete', '/api/cases/{id}/links/{sub}', { path: { id: kase.id, sub: link.id } });
      await refresh();
    });
  return (
    <Card withBorder data-testid="case-links">
      <Text fw={600} mb="xs">
        {t('cases.links.title')} ({links.length})
      </Text>
      <Stack gap={6}>
        {links.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('cases.links.none')}
          </Text>
        )}
        {links.map((link) => (
          <Group key={link.id} gap="xs" wrap="nowrap" data-testid="link-row">
            <Badge variant="light" color="gray" style={{ textTransform: 'none', flexShrink: 0 }}>
              {t(`cases.linkTypes.${link.target_type}`)}
            </Badge>
            <LinkTarget link={link} />
            {link.hold_id !== null && (
              <Badge size="xs" color="violet" variant="outline" title={t('cases.links.heldHint')}>
                {t('cases.links.held')}
              </Badge>
            )}
            <Text size="xs" c="dimmed" dir="auto" style={{ flex: 1, minWidth: 0 }} truncate>
              {[link.note, `${link.added_by} · ${formatDateTime(lang, link.added_at)}`]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            {editable && (
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('cases.links.remove', { ref: link.target_ref })}
                onClick={() => void remove(link)}
                disabled={busy}
              >
                ×
              </ActionIcon>
            )}
          </Group>
        ))}
      </Stack>
      {editable && (
        <Stack component="form" gap="xs" mt="sm" onSubmit={submit} aria-label={t('cases.links.add')}>
          <Group gap="xs" align="start" wrap="wrap">
            <NativeSelect
              label={t('cases.links.type')}
              w={190}
              value={type}
              onChange={(e) => setType(e.currentTarget.value as LinkType)}
              data={LINK_TYPES.map((l) => ({ value: l, label: t(`cases.linkTypes.${l}`) }))}
              error={errors.target_type}
            />
            <TextInput
              label={t('cases.links.ref')}
              style={{ flex: 1, minWidth: 160 }}
              value={ref}
              maxLength={200}
              onChange={(e) => setRef(e.currentTarget.value)}
              error={errors.target_ref}
            />
            <TextInput
              label={t('cases.links.note')}
              style={{ flex: 1, minWidth: 160 }}
              value={note}
              maxLength={2000}
              onChange={(e) => setNote(e.currentTarget.value)}
              dir="auto"
            />
          </Group>
          <Group>
            <Button type="submit" size="sm" loading={busy} disabled={!ref.trim()}>
              {t('cases.links.add')}
            </Button>
          </Group>
        </Stack>
      )}
      {editable && can('graph:read') && (
        <GraphLinkSearch busy={busy} onLink={(target) => void link(target)} />
      )}
      {error !== null && Object.keys(errors).length === 0 && <ErrorAlert error={error} mt={8} />}
    </Card>
  );
}
