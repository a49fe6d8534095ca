/**
 * The online-monitoring demo: loads its exports through file sources, yields sellers grouped across platforms,
 * alerts of every kind and evidence that verifies; loading twice changes nothing.
 */
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.ts';
import {
  listAlerts,
  listItems,
  listRuns,
  listSellers,
  listSources,
  verifyEvidence,
} from '../../modules/osint/index.ts';
import { loadOsintDemo, OSINT_DEMO_SOURCES } from './osint.ts';

describeEachDatabase('online-monitoring demo', (t) => {
  it('collects the demo exports into sources, items, sellers, alerts and evidence', async () => {
    const summary = await loadOsintDemo(t.database);
    expect(summary.sources).toBe(OSINT_DEMO_SOURCES.length);
    expect(summary.items).toBeGreaterThanOrEqual(150);
    expect(summary.items).toBeLessThanOrEqual(300);
    expect(summary.alerts).toBeGreaterThan(20);

    const sources = (await listSources(t.database.db, {}, { limit: 50, offset: 0 })).items;
    const files = sources.filter((s) => s.type === 'file');
    expect(files).toHaveLength(2);
    for (const s of files) {
      expect(s.health.runs).toBe(1);
      expect(s.health.last_run_at).not.toBeNull();
    }
    // The TikTok export has a row without its caption: the run is partial, the problem located.
    const tiktok = files.find((s) => s.name.includes('TikTok'))!;
    expect(tiktok.health.last_status).toBe('partial');
    const runs = await listRuns(t.database, tiktok.id, { limit: 1, offset: 0 });
    expect(
      runs.items[0]!.problems.some(
        (p) => p.code === 'item.no_text' && /tiktok-videos\.csv:\d+/.test(p.message),
      ),
    ).toBe(true);
    expect(
      sources
        .filter((s) => !s.enabled)
        .map((s) => s.type)
        .sort(),
    ).toEqual(['feed', 'json_api', 'web']);

    for (const label of ['counterfeit', 'health_risk', 'duty_evasion', 'benign'] as const)
      expect((await listItems(t.database.db, { label }, { limit: 1, offset: 0 })).total).toBeGreaterThan(5);

    // One seller of sneakers behind an Instagram, a Facebook and a TikTok account sharing a phone number.
    const sneakers = (await listSellers(t.database.db, { q: 'sneakers' }, { limit: 5, offset: 0 })).items[0]!;
    expect(sneakers.platforms).toEqual(expect.arrayContaining(['instagram', 'facebook', 'tiktok']));
    expect(sneakers.brands.map((b) => b.name)).toContain('Nike');

    const alerts = (await listAlerts(t.database.db, {}, { limit: 500, offset: 0 })).items;
    expect(new Set(alerts.map((a) => a.kind))).toEqual(new Set(['post', 'seller', 'watchlist']));
    expect(alerts.filter((a) => a.status === 'confirmed')).toHaveLength(2);
    expect(alerts.filter((a) => a.status === 'dismissed')).toHaveLength(1);

    const verified = await verifyEvidence(t.database.db, {});
    expect(verified).toMatchObject({ ok: true, checked: 2, problems: [] });
  });

  it('changes nothing when loaded again', async () => {
    const before = {
      items: (await listItems(t.database.db, {}, { limit: 1, offset: 0 })).total,
      alerts: (await listAlerts(t.database.db, {}, { limit: 1, offset: 0 })).total,
      evidence: (await verifyEvidence(t.database.db, {})).checked,
    };
    const again = await loadOsintDemo(t.database);
    expect(again.items).toBe(before.items);
    expect(again.alerts).toBe(before.alerts);
    expect((await verifyEvidence(t.database.db, {})).checked).toBe(before.evidence);
    const sources = (await listSources(t.database.db, {}, { limit: 50, offset: 0 })).items;
    expect(sources).toHaveLength(OSINT_DEMO_SOURCES.length);
    expect(sources.filter((s) => s.type === 'file').every((s) => s.health.runs === 1)).toBe(true);
  });
});
