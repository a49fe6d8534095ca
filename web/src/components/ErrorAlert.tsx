/**
 * An API error shown where it happened, in the user's language, with a way to try again; and what a page shows
 * while the query it stands on has not answered (its error, or a loader).
 */
import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';

export function useErrorMessage() {
  const { t, i18n } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      const key = `errors.${error.code}`;
      if (i18n.exists(key)) return t(key);
      return error.message || t('errors.unknown', { message: error.code });
    }
    return t('errors.unknown', { message: error instanceof Error ? error.message : String(error) });
  };
}

/** `mt`: the space above it, where it follows a form. */
export function ErrorAlert({ error, onRetry, mt }: { error: unknown; onRetry?: () => void; mt?: number }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  if (!error) return null;
  return (
    <Alert color="red" role="alert" mt={mt} title={t('errors.unknown', { message: '' }).replace(' ()', '')}>
      {message(error)}
      {onRetry && (
        <Button size="xs" variant="light" color="red" ml="md" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}

/**
 * A page whose query has no data yet: its error with a retry (under `back`, the way back, when given), or a loader.
 * `if (!query.data) return <Pending query={query} />;`
 */
export function Pending({
  query,
  back,
}: {
  query: { error: unknown; refetch: () => unknown };
  back?: ReactNode;
}) {
  const { t } = useTranslation();
  if (query.error)
    return (
      <Stack>
        {back}
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </Stack>
    );
  return (
    <Center py="xl">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

/**
 * Where a list's query has not answered yet: its error with a retry (kept above the previous page, if any), or a
 * loader until the first answer. `<QueryStatus query={list} />{list.data && …}`
 */
export function QueryStatus({ query }: { query: { data: unknown; error: unknown; refetch: () => unknown } }) {
  const { t } = useTranslation();
  if (query.error) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Loader aria-label={t('common.loading')} />;
  return null;
}
