/**
 * The header's global search: asks GET /api/search as the user types (debounced), shows the results grouped by
 * family, and opens one with the mouse or the keyboard (↑ ↓ to move, Enter to open, Escape to close). Every text
 * shown is the server's data rendered by React (escaped); the server searches only what the user may see.
 */
import { Box, Group, Loader, Paper, ScrollArea, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Schema } from '../../api/types.ts';
import { apiGet } from '../../api.ts';

type Hit = Schema<'SearchHit'>;

/** Waits this long after the last key before asking (a request per pause, not per key). */
export const SEARCH_DEBOUNCE_MS = 250;
const MIN = 2;

export function SearchBox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const listId = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [debounced] = useDebouncedValue(text.trim(), SEARCH_DEBOUNCE_MS);
  const enabled = debounced.length >= MIN;
  const answer = useQuery({
    queryKey: ['global-search', debounced],
    queryFn: () => apiGet('/api/search', { query: { q: debounced } }),
    enabled,
    staleTime: 30_000,
  });
  const hits: Hit[] = useMemo(
    () => (enabled ? (answer.data?.groups.flatMap((g) => g.hits) ?? []) : []),
    [answer.data, enabled],
  );
  const choose = (hit: Hit | undefined) => {
    if (!hit) return;
    setOpen(false);
    setText('');
    navigate(hit.link);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (hits.length ? (i + 1) % hits.length : 0));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => (hits.length ? (i - 1 + hits.length) % hits.length : 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(hits[active]);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };
  const showing = open && text.trim().length > 0;
  let index = -1;
  return (
    <Box pos="relative" w={{ base: 160, sm: 260, lg: 340 }}>
      <TextInput
        size="xs"
        type="search"
        aria-label={t('globalSearch.label')}
        placeholder={t('globalSearch.placeholder')}
        value={text}
        role="combobox"
        aria-expanded={showing}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showing && hits[active] ? `${listId}-${active}` : undefined}
        rightSection={enabled && answer.isFetching ? <Loader size={14} /> : null}
        onChange={(event) => {
          setText(event.currentTarget.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      {showing && (
        <Paper
          shadow="md"
          withBorder
          pos="absolute"
          top="110%"
          left={0}
          miw={320}
          style={{ zIndex: 300 }}
          data-testid="search-results"
        >
          <ScrollArea.Autosize mah={420} type="auto">
            <Box id={listId} role="listbox" aria-label={t('globalSearch.label')} p={4}>
              {text.trim().length < MIN ? (
                <Text size="sm" c="dimmed" p="xs">
                  {t('globalSearch.short')}
                </Text>
              ) : !answer.data || debounced !== text.trim() ? (
                <Text size="sm" c="dimmed" p="xs">
                  {t('globalSearch.searching')}
                </Text>
              ) : answer.data.groups.length === 0 ? (
                <Text size="sm" c="dimmed" p="xs">
                  {t('globalSearch.none', { q: answer.data.q })}
                </Text>
              ) : (
                answer.data.groups.map((group) => (
                  <Box
                    key={group.kind}
                    role="group"
                    aria-label={t(`globalSearch.kinds.${group.kind}`, group.kind)}
                  >
                    <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="xs" pt={6}>
                      {t(`globalSearch.kinds.${group.kind}`, group.kind)}
                    </Text>
                    {group.hits.map((hit) => {
                      index += 1;
                      const i = index;
                      return (
                        <Box
                          key={`${hit.kind}:${hit.id}`}
                          id={`${listId}-${i}`}
                          role="option"
                          aria-selected={i === active}
                          px="xs"
                          py={4}
                          bg={i === active ? 'blue.0' : undefined}
                          style={{ cursor: 'pointer', borderRadius: 4 }}
                          onMouseDown={(event) => event.preventDefault()}
                          onMouseEnter={() => setActive(i)}
                          onClick={() => choose(hit)}
                        >
                          <Group gap={6} wrap="nowrap">
                            <Text size="sm" fw={500} truncate>
                              {hit.title}
                            </Text>
                          </Group>
                          {hit.subtitle && (
                            <Text size="xs" c="dimmed" truncate>
                              {hit.subtitle}
                            </Text>
                          )}
                        </Box>
                      );
                    })}
                  </Box>
                ))
              )}
            </Box>
          </ScrollArea.Autosize>
        </Paper>
      )}
    </Box>
  );
}
