import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.ts';
import { listHolds } from '../../platform/retention/holds.ts';
import { findCaseByNumber, getCase, listCases, openCase, transitionCase } from './cases.ts';
import { caseTimeline } from './events.ts';
import { addLink, listLinks, removeLink } from './links.ts';
import { addNote, addTask, listTasks, setTaskStatus } from './work.ts';

const actor = { id: null, name: 'investigator-test', ip: null };

describeEachDatabase('cases', (t) => {
  it('refuses an illegal transition with a 409 naming the allowed ones, and a final status without a reason', async () => {
    const kase = await openCase(t.database, actor, {
      title: 'Sneakers',
      type: 'counterfeiting',
      office: '100',
    });
    await expect(
      transitionCase(t.database, actor, kase.id, { status: 'settled', reason: 'paid in full' }),
    ).rejects.toMatchObject({
      status: 409,
      code: 'case.transition_refused',
      details: { from: 'open', to: 'settled', allowed: ['investigation', 'closed'] },
    });
    await expect(transitionCase(t.database, actor, kase.id, { status: 'closed' })).rejects.toMatchObject({
      status: 422,
      code: 'case.reason_required',
    });
    const closed = await transitionCase(t.database, actor, kase.id, {
      status: 'closed',
      reason: 'no offence found',
    });
    expect(closed).toMatchObject({ status: 'closed', status_reason: 'no offence found', next_statuses: [] });
    expect(closed.closed_at).not.toBeNull();
    await expect(
      transitionCase(t.database, actor, kase.id, { status: 'investigation' }),
    ).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/it is final/) });
    await expect(addNote(t.database, actor, kase.id, 'late')).rejects.toMatchObject({
      status: 409,
      code: 'case.final',
    });
  });

  it('answers 404 for unknown cases, links and tasks', async () => {
    await expect(getCase(t.database.db, 999_999)).rejects.toMatchObject({
      status: 404,
      code: 'case.not_found',
    });
    await expect(findCaseByNumber(t.database.db, 'nope')).rejects.toMatchObject({ status: 404 });
    await expect(
      transitionCase(t.database, actor, 999_999, { status: 'investigation' }),
    ).rejects.toMatchObject({ status: 404 });
    const kase = await openCase(t.database, actor, { title: 'x', type: 'other', office: '100' });
    await expect(removeLink(t.database, actor, kase.id, 999_999)).rejects.toMatchObject({
      status: 404,
      code: 'case.link_not_found',
    });
    await expect(setTaskStatus(t.database, actor, kase.id, 999_999, 'done')).rejects.toMatchObject({
      status: 404,
    });
  });

  it('needs a reference for an origin other than manual or intelligence', async () => {
    await expect(
      openCase(t.database, actor, { title: 'x', type: 'other', office: '100', origin_type: 'osint_item' }),
    ).rejects.toMatchObject({ status: 422, code: 'case.origin_invalid' });
  });

  it('numbers cases per office and year, distinct under concurrency', async () => {
    const opened = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        openCase(t.database, actor, { title: `c${i}`, type: 'smuggling', office: '200', year: 2031 }),
      ),
    );
    const numbers = opened.map((c) => c.number).sort();
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6].map((n) => `200/2031/000${n}`));
    const other = await openCase(t.database, actor, {
      title: 'o',
      type: 'smuggling',
      office: '201',
      year: 2031,
    });
    expect(other.number).toBe('201/2031/0001');
    const next = await openCase(t.database, actor, {
      title: 'n',
      type: 'smuggling',
      office: '200',
      year: 2032,
    });
    expect(next.number).toBe('200/2032/0001');
    const listed = await listCases(t.database.db, { office: '200', open: true }, { limit: 100, offset: 0 });
    expect(listed.total).toBe(7);
  });

  it('holds what an open case links to and releases the holds when the case is closed', async () => {
    const kase = await openCase(t.database, actor, {
      title: 'Seller of fake perfumes',
      type: 'counterfeiting',
      office: '300',
      origin_type: 'osint_item',
      origin_ref: '42',
    });
    await addLink(t.database, actor, kase.id, { target_type: 'osint_seller', target_ref: '7' });
    await addLink(t.database, actor, kase.id, { target_type: 'company', target_ref: 'C-1' });
    await expect(
      addLink(t.database, actor, kase.id, { target_type: 'company', target_ref: 'C-1' }),
    ).rejects.toMatchObject({ status: 409, code: 'case.link_exists' });
    const links = await listLinks(t.database.db, kase.id);
    expect(links.map((l) => [l.target_type, l.target_ref, l.hold_id !== null])).toEqual([
      ['osint_item', '42', true],
      ['osint_seller', '7', true],
      ['company', 'C-1', false],
    ]);
    const active = async () =>
      (await listHolds(t.database.db, { active: true }))
        .filter((h) => h.reason.includes(kase.number))
        .map((h) => `${h.target_type}:${h.target_id}`)
        .sort();
    expect(await active()).toEqual(['osint_item:42', 'osint_seller:7']);

    await removeLink(t.database, actor, kase.id, links[1]!.id);
    expect(await active()).toEqual(['osint_item:42']);

    await transitionCase(t.database, actor, kase.id, { status: 'investigation' });
    expect(await active()).toEqual(['osint_item:42']);
    await transitionCase(t.database, actor, kase.id, { status: 'closed', reason: 'seller gone, no goods' });
    expect(await active()).toEqual([]);
    expect((await listLinks(t.database.db, kase.id)).every((l) => l.hold_id === null)).toBe(true);

    const kinds = (await caseTimeline(t.database.db, kase.id)).map((e) => e.kind);
    expect(kinds).toEqual(['opened', 'linked', 'linked', 'linked', 'unlinked', 'transition', 'transition']);
  });

  it('keeps tasks and notes on the timeline', async () => {
    const kase = await openCase(t.database, actor, { title: 'Tasks', type: 'other', office: '400' });
    const task = await addTask(t.database, actor, kase.id, { title: 'Test purchase', due_on: '2030-01-31' });
    await setTaskStatus(t.database, actor, kase.id, task.id, 'done');
    await addNote(t.database, actor, kase.id, 'Parcel received');
    expect((await listTasks(t.database.db, kase.id))[0]).toMatchObject({
      status: 'done',
      due_on: '2030-01-31',
    });
    expect((await caseTimeline(t.database.db, kase.id)).map((e) => e.kind)).toEqual([
      'opened',
      'task_added',
      'task_status',
      'note',
    ]);
  });
});
