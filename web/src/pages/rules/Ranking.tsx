/**
 * How the selection ranks what fills its capacity (`scoring.rank_by`), and with `mixed` the weight of the revenue
 * term (`scoring.revenue_weight`: (1 − w) · probability + w · normalised log expected recovery; risk/mix.ts). The
 * controls read and write the YAML text itself through `yaml`'s document model, so comments and the rest of the
 * text stay as they were; the server still validates the whole document.
 */
import { Card, SegmentedControl, Slider, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isMap, parseDocument } from 'yaml';

export const RANKINGS = ['expected_value', 'probability', 'mixed'] as const;
export type Ranking = (typeof RANKINGS)[number];
/** The profile language's defaults (risk/rules/schema.ts). */
const DEFAULT_RANKING: Ranking = 'expected_value';
const DEFAULT_WEIGHT = 0.5;

interface Read {
  rankBy: Ranking;
  weight: number;
}

/** The ranking the text asks for, or null when it does not read as a YAML mapping (or holds values out of range). */
export function readRanking(text: string): Read | null {
  const doc = parseDocument(text);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return null;
  const rankBy = doc.getIn(['scoring', 'rank_by']) ?? DEFAULT_RANKING;
  const weight = doc.getIn(['scoring', 'revenue_weight']) ?? DEFAULT_WEIGHT;
  if (!RANKINGS.includes(rankBy as Ranking)) return null;
  if (typeof weight !== 'number' || !(weight >= 0 && weight <= 1)) return null;
  return { rankBy: rankBy as Ranking, weight };
}

/** The text with `scoring.<key>` set, everything else kept. */
export function writeScoring(
  text: string,
  key: 'rank_by' | 'revenue_weight',
  value: string | number,
): string {
  const doc = parseDocument(text);
  doc.setIn(['scoring', key], value);
  return doc.toString();
}

const percent = (v: number) => `${Math.round(v * 100)} %`;

export function RankingCard({ text, onChange }: { text: string; onChange(text: string): void }) {
  const { t } = useTranslation();
  const read = useMemo(() => readRanking(text), [text]);
  return (
    <Card withBorder padding="sm" data-testid="ranking">
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('rules.ranking.title')}
        </Text>
        {read === null ? (
          <Text size="xs" c="dimmed" data-testid="ranking-unreadable">
            {t('rules.ranking.unreadable')}
          </Text>
        ) : (
          <>
            <SegmentedControl
              size="xs"
              fullWidth
              aria-label={t('rules.ranking.title')}
              value={read.rankBy}
              onChange={(value) => onChange(writeScoring(text, 'rank_by', value))}
              data={RANKINGS.map((value) => ({ value, label: t(`rules.ranking.${value}`) }))}
            />
            <Text size="xs" c="dimmed">
              {t(`rules.ranking.${read.rankBy}Hint`)}
            </Text>
            {read.rankBy === 'mixed' && (
              <Stack gap={4}>
                <Text size="xs" id="revenue-weight-label">
                  {t('rules.ranking.weight', {
                    fraud: percent(1 - read.weight),
                    revenue: percent(read.weight),
                  })}
                </Text>
                <Slider
                  aria-labelledby="revenue-weight-label"
                  thumbLabel={t('rules.ranking.weightThumb')}
                  min={0}
                  max={1}
                  step={0.05}
                  value={read.weight}
                  label={percent}
                  onChange={(value) =>
                    onChange(writeScoring(text, 'revenue_weight', Number(value.toFixed(2))))
                  }
                  marks={[
                    { value: 0, label: t('rules.ranking.fraudEnd') },
                    { value: 1, label: t('rules.ranking.revenueEnd') },
                  ]}
                  mb="md"
                />
              </Stack>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
