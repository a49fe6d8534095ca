/**
 * The map of premises and storage cities: no tile server, a plain outline of Morocco shipped with the app
 * (morocco.geo.json: Natural Earth 1:50m, public domain, through world-atlas, simplified to 0.01°) drawn by
 * ECharts' geo component. Each city of the graph sits at its known coordinates, sized by the premises (addresses)
 * in it; an address with its own coordinates sits where it is. The list beside it leads to the entity pages.
 */
import { Anchor, Badge, Grid, Group, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { apiGet } from '../../api.ts';
import { Chart, type ChartOption, html, registerGeoMap } from '../../components/Chart.tsx';
import { QueryStatus } from '../../components/ErrorAlert.tsx';
import { formatNumber, useLang } from '../../i18n/index.ts';
import { cityCoordinates, foldCity } from './cities.ts';
import morocco from './morocco.geo.json';
import type { GraphEntity } from './shared.tsx';

registerGeoMap('vigie-morocco', morocco);

export interface MapPoint {
  id: number;
  label: string;
  type: 'city' | 'address';
  coordinates: [number, number];
  premises: number;
}

const num = (v: unknown) =>
  typeof v === 'number' ? v : typeof v === 'string' && v.trim() ? Number(v) : Number.NaN;

/** Where the graph's cities and premises go on the map, and the cities the map does not know. */
export function placeEntities(cities: GraphEntity[], addresses: GraphEntity[]) {
  const premises = new Map<string, number>();
  const points: MapPoint[] = [];
  for (const a of addresses) {
    const city = typeof a.attributes.city === 'string' ? foldCity(a.attributes.city) : null;
    if (city) premises.set(city, (premises.get(city) ?? 0) + 1);
    const lat = num(a.attributes.lat ?? a.attributes.latitude);
    const lon = num(a.attributes.lon ?? a.attributes.lng ?? a.attributes.longitude);
    if (Number.isFinite(lat) && Number.isFinite(lon))
      points.push({ id: a.id, label: a.label, type: 'address', coordinates: [lon, lat], premises: 1 });
  }
  const unplaced: GraphEntity[] = [];
  for (const c of cities) {
    const at = cityCoordinates(c.label);
    if (!at) {
      unplaced.push(c);
      continue;
    }
    points.push({
      id: c.id,
      label: c.label,
      type: 'city',
      coordinates: at,
      premises: premises.get(foldCity(c.label)) ?? 0,
    });
  }
  points.sort((a, b) => b.premises - a.premises || a.label.localeCompare(b.label));
  return { points, unplaced };
}

export function GraphMap() {
  const { t, lang } = useLang();
  const cities = useQuery({
    queryKey: ['graph', 'map', 'cities'],
    queryFn: () => apiGet('/api/graph/entities', { query: { type: 'city', limit: 500 } }),
  });
  const addresses = useQuery({
    queryKey: ['graph', 'map', 'addresses'],
    queryFn: () => apiGet('/api/graph/entities', { query: { type: 'address', limit: 500 } }),
  });
  const placed = useMemo(
    () => (cities.data && addresses.data ? placeEntities(cities.data.items, addresses.data.items) : null),
    [cities.data, addresses.data],
  );
  const option = useMemo<ChartOption | null>(() => {
    if (!placed) return null;
    const premisesLabel = t('graph.map.premises');
    return {
      geo: {
        map: 'vigie-morocco',
        roam: true,
        itemStyle: { areaColor: '#f1f3f5', borderColor: '#868e96' },
        emphasis: { disabled: true },
        silent: true,
      },
      tooltip: {
        trigger: 'item',
        formatter: (p: { data?: { name: string; premises: number } }) =>
          p.data ? html`<b>${p.data.name}</b><br/>${p.data.premises} ${premisesLabel}` : '',
      },
      series: [
        {
          type: 'scatter',
          coordinateSystem: 'geo',
          symbolSize: (v: number[]) => 8 + Math.min(24, 4 * Math.sqrt(v[2] ?? 0)),
          itemStyle: { color: '#a61e4d' },
          label: { show: true, position: 'right', formatter: '{b}', fontSize: 11 },
          data: placed.points.map((p) => ({
            name: p.label,
            premises: p.premises,
            value: [...p.coordinates, p.premises],
            itemStyle: p.type === 'address' ? { color: '#c92a2a' } : undefined,
          })),
        },
      ],
    };
  }, [placed, t]);
  return (
    <Stack gap="sm">
      <QueryStatus query={cities} />
      <QueryStatus query={addresses} />
      {placed && option && (
        <Grid>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Paper withBorder p="xs">
              <Chart option={option} height={620} label={t('graph.map.label')} />
              <Text size="xs" c="dimmed">
                {t('graph.map.outline')}
              </Text>
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Paper withBorder p="xs" data-testid="map-cities">
              <Text fw={600} size="sm" mb={4}>
                {t('graph.map.cities')}
              </Text>
              {placed.points.length === 0 && <Text size="sm">{t('graph.map.none')}</Text>}
              {placed.points.map((p) => (
                <Group key={`${p.type}${p.id}`} gap="xs" justify="space-between" data-testid="map-city">
                  <Anchor component={Link} to={`/graph/entity/${p.id}`} size="sm" dir="auto">
                    {p.label}
                  </Anchor>
                  <Badge variant="light" size="sm">
                    {formatNumber(lang, p.premises)} {t('graph.map.premises')}
                  </Badge>
                </Group>
              ))}
              {placed.unplaced.length > 0 && (
                <Text size="xs" c="dimmed" mt="xs" dir="auto">
                  {t('graph.map.unplaced', { names: placed.unplaced.map((c) => c.label).join(', ') })}
                </Text>
              )}
            </Paper>
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}
