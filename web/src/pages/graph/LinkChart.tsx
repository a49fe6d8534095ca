/**
 * The link chart: start from an entity (by `type:value` or a name), expand neighbours with the entity-type,
 * link-type and time-window filters, hide, pin, the shortest path between two entities highlighted with its
 * evidence, communities coloured, a legend, and the chart as PNG. The start and the filters are in the address.
 * Below the canvas, the entities on the chart are listed as text (the keyboard's and screen reader's way in).
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import cytoscape, { type Core, type NodeSingular } from 'cytoscape';
import { type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ApiBody } from '../../api/types.ts';
import { apiGet, apiSend, route } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { useAction } from '../../components/useAction.ts';
import { formatDate, formatNumber, useLang } from '../../i18n/index.ts';
import {
  COMMUNITY_COLOURS,
  communitiesOf,
  edgeElement,
  idOf,
  LARGE,
  layoutFor,
  nodeElement,
  nodeId,
  ringAround,
  STYLE,
} from './chart.ts';
import {
  ENTITY_TYPES,
  entityRefOf,
  type GraphEntity,
  type GraphNode,
  type GraphPath,
  LINK_TYPES,
  recordLink,
  styleOf,
  TypeBadge,
  useTypeName,
} from './shared.tsx';

/** The whole chart in view, but a small chart not blown up (labels stay at their size). */
function fitChart(cy: Core) {
  cy.fit(undefined, 30);
  if (cy.zoom() > 1.2) {
    cy.zoom(1.2);
    cy.center();
  }
}

const MAX_CHOICES = ['100', '300', '1000', '2500', '5000'];
const LISTED = 200;

/** Filters the chart's queries take (from the address). */
function useChartParams() {
  const [params, setParams] = useSearchParams();
  const get = (name: string) => params.get(name) ?? '';
  const filters = {
    types: get('types'),
    link_types: get('link_types'),
    since: get('since'),
    until: get('until'),
  };
  return {
    key: get('key'),
    network: get('network'),
    depth: get('depth') || '1',
    max: get('max') || '300',
    filters,
    set(values: Record<string, string>) {
      const next = new URLSearchParams(params);
      // A new start leaves the saved network that was open.
      if ('key' in values) next.delete('network');
      for (const [name, value] of Object.entries(values)) {
        if (value) next.set(name, value);
        else next.delete(name);
      }
      setParams(next);
    },
  };
}

function Legend({ types }: { types: string[] }) {
  const { t } = useLang();
  const name = useTypeName();
  if (!types.length) return null;
  return (
    <Paper withBorder p="xs" data-testid="graph-legend">
      <Text size="xs" fw={600} mb={4}>
        {t('graph.chart.legend')}
      </Text>
      <Group gap="sm">
        {types.map((type) => {
          const { color, shape } = styleOf(type);
          return (
            <Group key={type} gap={4} wrap="nowrap">
              <span
                aria-hidden
                style={{
                  display: 'inline-block',
                  width: 12,
                  height: 12,
                  background: color,
                  borderRadius: shape === 'ellipse' ? '50%' : shape.startsWith('round') ? 3 : 0,
                  transform: shape.includes('diamond') ? 'rotate(45deg) scale(0.8)' : undefined,
                }}
              />
              <Text size="xs">{name(type)}</Text>
            </Group>
          );
        })}
      </Group>
    </Paper>
  );
}

/** What the page knows of the nodes drawn (the canvas only holds ids, short labels and styles). */
type Known = Map<number, GraphNode>;

/** The network around the start, as files (the server's export: the same depth, limit and filters as the chart). */
const EXPORTS = [
  { label: 'csvNodes', format: 'csv', part: 'nodes' },
  { label: 'csvEdges', format: 'csv', part: 'edges' },
  { label: 'graphml', format: 'graphml', part: undefined },
] as const;

export function LinkChart() {
  const { t, lang } = useLang();
  const typeName = useTypeName();
  const params = useChartParams();
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const known = useRef<Known>(new Map());
  const hidden = useRef<cytoscape.CollectionReturnValue | null>(null);
  const [version, setVersion] = useState(0);
  const [selected, setSelected] = useState<number | null>(null);
  const [hover, setHover] = useState<{ id: number; x: number; y: number } | null>(null);
  const [truncated, setTruncated] = useState(false);
  const [communities, setCommunities] = useState(false);
  const [communityCount, setCommunityCount] = useState(0);
  const [path, setPath] = useState<GraphPath | null>(null);
  const [pathEnds, setPathEnds] = useState<{ from: string | null; to: string | null }>({
    from: null,
    to: null,
  });
  const [search, setSearch] = useState(params.key);
  const [results, setResults] = useState<GraphEntity[] | null>(null);
  const [draft, setDraft] = useState(params.filters);
  const [saving, setSaving] = useState<{ name: string; note: string } | null>(null);
  const [savedAs, setSavedAs] = useState<string | null>(null);
  const [opened, setOpened] = useState<{ name: string; note: string; merged: number } | null>(null);
  const action = useAction();
  const bump = () => setVersion((v) => v + 1);

  /**
   * A canvas: a large chart (over LARGE nodes) draws less while it moves — no edges or labels while panning or
   * zooming. Not a snapshot of the chart (`textureOnViewport`): making it took one frame of 4–5 s at 2,000 nodes,
   * redrawing the shapes each frame keeps a pan under 100 ms (`npm run bench -- graph-chart`, decision 0034).
   * These are options of the renderer, so a chart that becomes large gets a new canvas.
   */
  const makeCanvas = useCallback((large: boolean) => {
    cyRef.current?.destroy();
    const cy = cytoscape({
      container: container.current,
      style: STYLE,
      minZoom: 0.05,
      maxZoom: 4,
      pixelRatio: 1,
      textureOnViewport: false,
      motionBlur: false,
      hideEdgesOnViewport: large,
      hideLabelsOnViewport: large,
    });
    cy.scratch('large', large);
    cy.on('tap', 'node', (e) => setSelected(idOf(e.target as NodeSingular)));
    cy.on('tap', (e) => {
      if (e.target === cy) setSelected(null);
    });
    cy.on('mouseover', 'node', (e) => {
      const n = e.target as NodeSingular;
      const p = n.renderedPosition();
      setHover({ id: idOf(n), x: p.x, y: p.y });
    });
    cy.on('mouseout', 'node', () => setHover(null));
    cy.on('drag pan zoom', () => setHover(null));
    cyRef.current = cy;
    return cy;
  }, []);

  useEffect(() => {
    if (container.current) makeCanvas(false);
    return () => {
      cyRef.current?.destroy();
      cyRef.current = null;
    };
  }, [makeCanvas]);

  const { types: fTypes, link_types: fLinks, since: fSince, until: fUntil } = params.filters;
  const query = useCallback(
    (key: string, depth: string) => ({
      key,
      depth,
      max_nodes: params.max,
      types: fTypes,
      link_types: fLinks,
      since: fSince,
      until: fUntil,
    }),
    [params.max, fTypes, fLinks, fSince, fUntil],
  );

  /** Adds nodes and edges the chart does not have yet; answers the ids added. */
  const addAll = (nodes: GraphNode[], edges: { source: number; target: number; types: string[] }[]) => {
    const cy = cyRef.current!;
    const added: string[] = [];
    const removed = hidden.current;
    cy.batch(() => {
      for (const n of nodes) {
        known.current.set(n.id, { ...(known.current.get(n.id) ?? {}), ...n });
        if (removed?.getElementById(nodeId(n.id)).nonempty()) continue;
        if (cy.getElementById(nodeId(n.id)).nonempty()) continue;
        cy.add(nodeElement(n));
        added.push(nodeId(n.id));
      }
      for (const e of edges) {
        const el = edgeElement({ ...e, links: 0, evidence: [] });
        if (cy.getElementById(el.data.id!).nonempty()) continue;
        if (cy.getElementById(el.data.source).empty() || cy.getElementById(el.data.target).empty()) continue;
        cy.add(el);
      }
    });
    return added;
  };

  const colourCommunities = (on: boolean) => {
    const cy = cyRef.current;
    if (!cy) return;
    if (!on) {
      cy.nodes().removeClass('community');
      setCommunityCount(0);
      return;
    }
    const found = communitiesOf(
      cy.nodes().map((n) => n.id()),
      cy.edges().map((e) => [e.source().id(), e.target().id()] as [string, string]),
    );
    cy.batch(() => {
      for (const [id, c] of found) {
        const node = cy.getElementById(id);
        node.data('community', COMMUNITY_COLOURS[c % COMMUNITY_COLOURS.length]);
        node.addClass('community');
      }
    });
    setCommunityCount(new Set(found.values()).size);
  };

  // The start entity: a fresh chart whenever it or the filters change.
  const startKey = params.key;
  const startQuery = useMemo(
    () => (startKey ? query(startKey, params.depth) : null),
    [startKey, params.depth, query],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: the chart reloads when the start or filters change
  useEffect(() => {
    if (!cyRef.current || !startQuery) return;
    let stale = false;
    void action.run(async () => {
      const answer = await apiGet('/api/graph/neighbours', { query: startQuery });
      if (stale || !cyRef.current) return;
      const large = answer.nodes.length + 1 > LARGE;
      const cy = cyRef.current.scratch('large') === large ? cyRef.current : makeCanvas(large);
      cy.elements().remove();
      hidden.current = null;
      known.current = new Map();
      setPath(null);
      setSelected(answer.center.id);
      addAll([answer.center, ...answer.nodes], answer.edges);
      const center = cy.getElementById(nodeId(answer.center.id));
      center.addClass('center');
      cy.layout(layoutFor(cy.nodes().length, center.id()) as cytoscape.LayoutOptions).run();
      fitChart(cy);
      setTruncated(answer.truncated);
      if (communities) colourCommunities(true);
      bump();
    });
    return () => {
      stale = true;
    };
  }, [startQuery]);

  // A saved network: its entities at their saved positions (pins kept), the links between them as they are now.
  const networkId = params.network;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the chart reloads when the network asked for changes
  useEffect(() => {
    if (!cyRef.current || !networkId || !/^\d+$/.test(networkId)) return;
    let stale = false;
    void action.run(async () => {
      const network = await apiGet('/api/graph/networks/{id}', { path: { id: Number(networkId) } });
      if (stale || !cyRef.current) return;
      const large = network.nodes.length > LARGE;
      const cy = cyRef.current.scratch('large') === large ? cyRef.current : makeCanvas(large);
      cy.elements().remove();
      hidden.current = null;
      known.current = new Map();
      setPath(null);
      setSelected(null);
      cy.batch(() => {
        for (const n of network.nodes) {
          known.current.set(n.id, n);
          const node = cy.add(nodeElement(n, { x: n.x, y: n.y }));
          if (n.pinned) node.lock().addClass('pinned');
        }
      });
      addAll([], network.edges);
      fitChart(cy);
      setTruncated(network.truncated);
      setOpened({ name: network.name, note: network.note, merged: network.merged });
      if (communities) colourCommunities(true);
      bump();
    });
    return () => {
      stale = true;
    };
  }, [networkId]);
  useEffect(() => {
    if (!networkId) setOpened(null);
  }, [networkId]);

  const saveNetwork = () =>
    action.run(async () => {
      const cy = cyRef.current;
      if (!cy || !saving) return;
      const split = (v: string) => (v ? v.split(',') : undefined);
      const filters = {
        ...(split(fTypes) ? { types: split(fTypes) } : {}),
        ...(split(fLinks) ? { link_types: split(fLinks) } : {}),
        ...(fSince ? { since: fSince } : {}),
        ...(fUntil ? { until: fUntil } : {}),
        ...(params.key ? { depth: Number(params.depth) } : {}),
      } as ApiBody<'/api/graph/networks'>['filters'];
      const saved = await apiSend('post', '/api/graph/networks', {
        json: {
          name: saving.name.trim(),
          ...(saving.note.trim() ? { note: saving.note.trim() } : {}),
          start_key: params.key || null,
          filters,
          nodes: cy.nodes().map((n) => {
            const { x, y } = n.position();
            return { id: idOf(n), x, y, ...(n.locked() ? { pinned: true } : {}) };
          }),
        },
      });
      setSaving(null);
      setSavedAs(saved.name);
    });

  const expand = (id: number) =>
    action.run(async () => {
      const cy = cyRef.current!;
      const answer = await apiGet('/api/graph/neighbours', { query: query(String(id), '1') });
      const added = addAll(answer.nodes, answer.edges);
      ringAround(cy, nodeId(id), added);
      setTruncated(answer.truncated);
      if (communities) colourCommunities(true);
      bump();
    });

  const hide = (id: number) => {
    const cy = cyRef.current!;
    const node = cy.getElementById(nodeId(id));
    const removed = node.union(node.connectedEdges()).remove();
    hidden.current = hidden.current ? hidden.current.union(removed) : removed;
    setSelected(null);
    bump();
  };

  const showHidden = () => {
    hidden.current?.restore();
    hidden.current = null;
    bump();
  };

  const togglePin = (id: number) => {
    const node = cyRef.current!.getElementById(nodeId(id));
    if (node.locked()) node.unlock().removeClass('pinned');
    else node.lock().addClass('pinned');
    bump();
  };

  const findPath = () =>
    action.run(async () => {
      const cy = cyRef.current!;
      const { from, to } = pathEnds;
      if (!from || !to) return;
      const answer = await apiGet('/api/graph/path', { query: { from, to, ...params.filters } });
      cy.elements().removeClass('path');
      setPath(answer);
      if (!answer.found) return;
      const a = cy.getElementById(nodeId(answer.from.id)).position();
      const b = cy.getElementById(nodeId(answer.to.id)).position();
      const added = addAll(answer.nodes, answer.steps);
      const steps = answer.nodes.length - 1 || 1;
      answer.nodes.forEach((n, i) => {
        if (added.includes(nodeId(n.id)))
          cy.getElementById(nodeId(n.id)).position({
            x: a.x + ((b.x - a.x) * i) / steps,
            y: a.y + ((b.y - a.y) * i) / steps + 40,
          });
      });
      for (const n of answer.nodes) cy.getElementById(nodeId(n.id)).addClass('path');
      for (const s of answer.steps)
        cy.getElementById(`e${Math.min(s.source, s.target)}-${Math.max(s.source, s.target)}`).addClass(
          'path',
        );
      bump();
    });

  const exportPng = () => {
    const cy = cyRef.current;
    if (!cy) return;
    const blob = cy.png({ output: 'blob', full: true, bg: '#ffffff', scale: 2, maxWidth: 8000 });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `vigie-graph-${params.key.replace(/[^\w.+-]+/g, '_') || 'chart'}.png`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const onSearch = (event: FormEvent) =>
    void action.run(async () => {
      event.preventDefault();
      const ref = entityRefOf(search);
      setResults(null);
      if (ref) {
        params.set({ key: ref, ...draft });
        return;
      }
      if (!search.trim()) return;
      const found = await apiGet('/api/graph/entities', { query: { q: search.trim(), limit: 20 } });
      setResults(found.items);
      if (found.items.length === 1) params.set({ key: String(found.items[0]!.id), ...draft });
    });

  const applyFilters = () => params.set(draft);

  // What is on the chart now (for the lists, the legend and the path ends), recomputed when it changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: version stands for the chart's content
  const onChart = useMemo(() => {
    const cy = cyRef.current;
    if (!cy) return { nodes: [] as GraphNode[], edges: 0 };
    const nodes = cy
      .nodes()
      .map((n) => known.current.get(idOf(n)))
      .filter((n): n is GraphNode => Boolean(n));
    return { nodes, edges: cy.edges().length };
  }, [version]);
  const types = useMemo(() => [...new Set(onChart.nodes.map((n) => n.type))].sort(), [onChart]);
  const choices = useMemo(
    () =>
      onChart.nodes.slice(0, 5000).map((n) => ({
        value: String(n.id),
        label: `${n.label} (${typeName(n.type)})`,
      })),
    [onChart, typeName],
  );
  const selectedNode = selected === null ? null : (known.current.get(selected) ?? null);
  const selectedOnChart =
    selected !== null && cyRef.current ? cyRef.current.getElementById(nodeId(selected)) : null;
  const hovered = hover ? known.current.get(hover.id) : null;
  const hiddenCount = hidden.current?.nodes().length ?? 0;
  const typeChoices = ENTITY_TYPES.map((type) => ({ value: type, label: typeName(type) }));
  const split = (s: string) => (s ? s.split(',') : []);

  return (
    <Stack gap="sm">
      <FilterBar onSubmit={onSearch}>
        <TextInput
          label={t('graph.chart.search')}
          description={t('graph.chart.searchHint')}
          w={340}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
        <Select
          label={t('graph.chart.depth')}
          w={90}
          data={['1', '2', '3']}
          value={params.depth}
          onChange={(v) => v && params.set({ depth: v })}
          allowDeselect={false}
        />
        <Select
          label="max"
          w={90}
          data={MAX_CHOICES}
          value={params.max}
          onChange={(v) => v && params.set({ max: v })}
          allowDeselect={false}
        />
        <Button type="submit" loading={action.busy}>
          {t('graph.chart.go')}
        </Button>
      </FilterBar>
      <Group gap="sm" align="end">
        <MultiSelect
          label={t('graph.chart.entityTypes')}
          w={260}
          data={typeChoices}
          value={split(draft.types)}
          onChange={(v) => setDraft({ ...draft, types: v.join(',') })}
          clearable
          searchable
        />
        <MultiSelect
          label={t('graph.chart.linkTypes')}
          w={260}
          data={[...LINK_TYPES]}
          value={split(draft.link_types)}
          onChange={(v) => setDraft({ ...draft, link_types: v.join(',') })}
          clearable
          searchable
        />
        <TextInput
          type="date"
          label={t('graph.chart.since')}
          value={draft.since}
          onChange={(e) => setDraft({ ...draft, since: e.currentTarget.value })}
        />
        <TextInput
          type="date"
          label={t('graph.chart.until')}
          value={draft.until}
          onChange={(e) => setDraft({ ...draft, until: e.currentTarget.value })}
        />
        <Button variant="light" onClick={applyFilters}>
          {t('osint.feed.apply')}
        </Button>
      </Group>
      <ErrorAlert error={action.error} />
      {results && (
        <Paper withBorder p="xs" data-testid="graph-results">
          <Text size="sm" fw={600}>
            {t('graph.chart.results')}
          </Text>
          {results.length === 0 && <Text size="sm">{t('graph.chart.noResult')}</Text>}
          {results.map((r) => (
            <Group key={r.id} gap="xs">
              <TypeBadge type={r.type} />
              <Anchor
                component="button"
                type="button"
                size="sm"
                dir="auto"
                onClick={() => params.set({ key: String(r.id), ...draft })}
              >
                {r.label}
              </Anchor>
              <Text size="xs" c="dimmed" dir="ltr">
                {r.type}:{r.key}
              </Text>
            </Group>
          ))}
        </Paper>
      )}
      <Group gap="xs">
        <Text size="sm" data-testid="graph-summary">
          {t('graph.chart.summary', {
            nodes: formatNumber(lang, onChart.nodes.length),
            edges: formatNumber(lang, onChart.edges),
          })}
        </Text>
        <Switch
          size="sm"
          label={t('graph.chart.communities')}
          checked={communities}
          onChange={(e) => {
            setCommunities(e.currentTarget.checked);
            colourCommunities(e.currentTarget.checked);
          }}
        />
        {communityCount > 0 && (
          <Badge variant="light">{t('graph.chart.communitiesCount', { count: communityCount })}</Badge>
        )}
        {hiddenCount > 0 && (
          <Button size="xs" variant="subtle" onClick={showHidden}>
            {t('graph.chart.showHidden', { count: hiddenCount })}
          </Button>
        )}
        <Button size="xs" variant="subtle" onClick={() => cyRef.current && fitChart(cyRef.current)}>
          {t('graph.chart.fit')}
        </Button>
        <Button size="xs" variant="default" onClick={exportPng} disabled={!onChart.nodes.length}>
          {t('graph.chart.png')}
        </Button>
        <Button
          size="xs"
          variant="light"
          disabled={!onChart.nodes.length}
          onClick={() => {
            setSavedAs(null);
            setSaving({ name: opened?.name ?? '', note: opened?.note ?? '' });
          }}
        >
          {t('graph.chart.save')}
        </Button>
        {startKey &&
          EXPORTS.map(({ label, format, part }) => (
            <Button
              key={label}
              component="a"
              size="xs"
              variant="default"
              href={route('/api/graph/export', { query: { ...query(startKey, params.depth), format, part } })}
              download
            >
              {t(`graph.chart.${label}`)}
            </Button>
          ))}
      </Group>
      {saving && (
        <Paper withBorder p="xs" data-testid="graph-save">
          <Group gap="xs" align="end">
            <TextInput
              size="xs"
              w={260}
              label={t('graph.chart.saveName')}
              value={saving.name}
              maxLength={200}
              onChange={(e) => setSaving({ ...saving, name: e.currentTarget.value })}
            />
            <TextInput
              size="xs"
              w={420}
              label={t('graph.chart.saveNote')}
              value={saving.note}
              maxLength={4000}
              onChange={(e) => setSaving({ ...saving, note: e.currentTarget.value })}
            />
            <Button
              size="xs"
              disabled={!saving.name.trim()}
              loading={action.busy}
              onClick={() => void saveNetwork()}
            >
              {t('graph.chart.saveConfirm')}
            </Button>
            <Button size="xs" variant="subtle" color="gray" onClick={() => setSaving(null)}>
              ×
            </Button>
          </Group>
        </Paper>
      )}
      {savedAs && (
        <Alert color="green" p="xs" data-testid="graph-saved">
          {t('graph.chart.saved', { name: savedAs })}{' '}
          <Anchor component={Link} to="/graph/networks" size="sm">
            {t('graph.networks.title')}
          </Anchor>
        </Alert>
      )}
      {opened && (
        <Alert color="blue" p="xs" data-testid="graph-opened">
          <Text size="sm" dir="auto">
            {t('graph.chart.opened', { name: opened.name, note: opened.note || '—' })}
          </Text>
          {opened.merged > 0 && <Text size="xs">{t('graph.chart.merged', { count: opened.merged })}</Text>}
        </Alert>
      )}
      {truncated && (
        <Alert color="yellow" p="xs">
          {t('graph.chart.truncated')}
        </Alert>
      )}
      <div style={{ position: 'relative' }}>
        <div
          ref={container}
          role="img"
          aria-label={t('graph.chart.chartLabel')}
          data-testid="graph-canvas"
          style={{
            width: '100%',
            height: 560,
            border: '1px solid var(--mantine-color-gray-3)',
            borderRadius: 4,
            background: '#fff',
          }}
        />
        {!params.key && (
          <Text c="dimmed" size="sm" style={{ position: 'absolute', top: 16, insetInlineStart: 16 }}>
            {t('graph.chart.empty')}
          </Text>
        )}
        {hovered && hover && (
          <Paper
            shadow="sm"
            p={6}
            withBorder
            data-testid="graph-tooltip"
            style={{
              position: 'absolute',
              left: hover.x + 14,
              top: hover.y + 14,
              pointerEvents: 'none',
              maxWidth: 320,
              direction: 'ltr',
            }}
          >
            <Text size="sm" fw={600} dir="auto">
              {hovered.label}
            </Text>
            <Text size="xs">
              {typeName(hovered.type)} · <span dir="ltr">{hovered.key}</span>
            </Text>
            {hovered.hub && (
              <Text size="xs" c="dimmed">
                {t('graph.chart.hub')}
              </Text>
            )}
          </Paper>
        )}
      </div>
      <Legend types={types} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="sm">
          <Text size="sm" fw={600} mb={4}>
            {t('graph.chart.selected')}
          </Text>
          {selectedNode ? (
            <Stack gap={6} data-testid="graph-selected">
              <Group gap="xs">
                <TypeBadge type={selectedNode.type} />
                <Text fw={600} dir="auto">
                  {selectedNode.label}
                </Text>
                {selectedOnChart?.locked() && <Badge size="xs">{t('graph.chart.pinned')}</Badge>}
              </Group>
              <Text size="xs" c="dimmed" dir="ltr">
                {selectedNode.type}:{selectedNode.key}
              </Text>
              <Group gap="xs">
                <Button size="xs" onClick={() => void expand(selectedNode.id)} loading={action.busy}>
                  {t('graph.chart.expand')}
                </Button>
                <Button size="xs" variant="light" onClick={() => togglePin(selectedNode.id)}>
                  {selectedOnChart?.locked() ? t('graph.chart.unpin') : t('graph.chart.pin')}
                </Button>
                <Button size="xs" variant="light" color="gray" onClick={() => hide(selectedNode.id)}>
                  {t('graph.chart.hide')}
                </Button>
                <Button size="xs" variant="subtle" component={Link} to={`/graph/entity/${selectedNode.id}`}>
                  {t('graph.chart.open')}
                </Button>
              </Group>
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              —
            </Text>
          )}
        </Paper>
        <Paper withBorder p="sm">
          <Group gap="xs" align="end">
            <Select
              label={t('graph.chart.pathFrom')}
              w={220}
              data={choices}
              value={pathEnds.from}
              onChange={(v) => setPathEnds({ ...pathEnds, from: v })}
              searchable
              limit={50}
            />
            <Select
              label={t('graph.chart.pathTo')}
              w={220}
              data={choices}
              value={pathEnds.to}
              onChange={(v) => setPathEnds({ ...pathEnds, to: v })}
              searchable
              limit={50}
            />
            <Button
              size="sm"
              onClick={() => void findPath()}
              disabled={!pathEnds.from || !pathEnds.to}
              loading={action.busy}
            >
              {t('graph.chart.path')}
            </Button>
          </Group>
          {path && (
            <Stack gap={4} mt="xs" data-testid="graph-path">
              <Text size="sm" fw={600}>
                {path.found
                  ? t('graph.chart.pathFound', { count: path.length ?? 0 })
                  : t('graph.chart.pathNone', { explored: formatNumber(lang, path.explored) })}
              </Text>
              {path.found &&
                path.nodes.map((n, i) => {
                  const step = path.steps[i];
                  return (
                    <div key={n.id}>
                      <Group gap={6}>
                        <TypeBadge type={n.type} />
                        <Anchor component={Link} to={`/graph/entity/${n.id}`} size="sm" dir="auto">
                          {n.label}
                        </Anchor>
                      </Group>
                      {step && (
                        <Text size="xs" c="dimmed" ms="lg">
                          ↓ {step.types.join(', ')}{' '}
                          {step.evidence.slice(0, 3).map((e) => {
                            const to = recordLink(e.source_table, e.source_id);
                            const text = `${e.source_table} #${e.source_id}${e.last_seen ? ` (${formatDate(lang, e.last_seen)})` : ''}`;
                            return to ? (
                              <Anchor key={e.link_id} component={Link} to={to} size="xs" me={6}>
                                {text}
                              </Anchor>
                            ) : (
                              <span key={e.link_id} style={{ marginInlineEnd: 6 }}>
                                {text}
                              </span>
                            );
                          })}
                        </Text>
                      )}
                    </div>
                  );
                })}
            </Stack>
          )}
        </Paper>
      </SimpleGrid>
      {onChart.nodes.length > 0 && (
        <Paper withBorder p="sm" data-testid="graph-node-list">
          <Group gap={6}>
            {onChart.nodes.slice(0, LISTED).map((n) => (
              <UnstyledButton
                key={n.id}
                onClick={() => {
                  setSelected(n.id);
                  const cy = cyRef.current!;
                  cy.nodes().unselect();
                  cy.getElementById(nodeId(n.id)).select();
                }}
                data-testid="graph-node"
                aria-label={`${typeName(n.type)}: ${n.label}`}
                style={{
                  border: `1px solid ${styleOf(n.type).color}`,
                  borderRadius: 4,
                  padding: '1px 6px',
                  fontSize: 12,
                }}
              >
                <span dir="auto">{n.label}</span>
              </UnstyledButton>
            ))}
            {onChart.nodes.length > LISTED && (
              <Text size="xs" c="dimmed">
                +{formatNumber(lang, onChart.nodes.length - LISTED)}
              </Text>
            )}
          </Group>
        </Paper>
      )}
      {onChart.nodes.length > LARGE && <span hidden data-testid="graph-large" />}
    </Stack>
  );
}
