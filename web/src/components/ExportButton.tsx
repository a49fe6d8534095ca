/**
 * The export of a list, the same on every page that has one: a button opening CSV or Excel, the list's current
 * filters passed through to `…/export?format=`, the file saved under the server's name, the button busy while it
 * runs and the server's error shown beside it in the user's language. The printable inspection order (PDF) of a
 * decision shares the download.
 */
import { Button, Group, Menu, Text } from '@mantine/core';
import type { ApiPath } from '../api/types.ts';
import { route } from '../api.ts';
import { useLang } from '../i18n/index.ts';
import { download } from './download.ts';
import { useErrorMessage } from './ErrorAlert.tsx';
import { useAction } from './useAction.ts';

/** The routes that export a list (`…/export`). */
export type ExportPath = Extract<ApiPath, `${string}/export`>;

type Filters = Record<string, string | number | boolean | null | undefined>;

// Paging and sorting belong to the screen, not to the export (which streams every row, in the list's order).
const NOT_FILTERS = new Set(['limit', 'offset', 'page', 'cursor']);

export function exportUrl(path: ExportPath, filters: Filters, format: 'csv' | 'xlsx'): string {
  const query: Filters = {};
  for (const [key, value] of Object.entries(filters)) if (!NOT_FILTERS.has(key)) query[key] = value;
  return route(path, { query: { ...query, format } });
}

export function ExportButton({
  path,
  filters = {},
  size = 'xs',
}: {
  path: ExportPath;
  filters?: Filters;
  size?: 'xs' | 'sm';
}) {
  const { t } = useLang();
  const { busy, error, run } = useAction();
  const message = useErrorMessage();
  const start = (format: 'csv' | 'xlsx') =>
    void run(async () => {
      await download(exportUrl(path, filters, format), `export.${format}`);
    });
  return (
    <Group gap="xs" wrap="nowrap">
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" size={size} loading={busy} disabled={busy} data-testid="export-button">
            {t('exports.label')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => start('csv')} data-testid="export-csv">
            {t('exports.csv')}
          </Menu.Item>
          <Menu.Item onClick={() => start('xlsx')} data-testid="export-xlsx">
            {t('exports.xlsx')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {error ? (
        <Text size="xs" c="red" role="alert">
          {t('exports.failed', { message: message(error) })}
        </Text>
      ) : null}
    </Group>
  );
}

/** The printable inspection order of a decision, in the workbench's language. */
export function OrderButton({
  decisionId,
  size = 'xs',
  variant = 'light',
}: {
  decisionId: number;
  size?: 'xs' | 'sm';
  variant?: 'light' | 'default' | 'subtle';
}) {
  const { t, lang } = useLang();
  const { busy, error, run } = useAction();
  const message = useErrorMessage();
  const print = () =>
    void run(async () => {
      const url = route('/api/risk/decisions/{id}/order.pdf', {
        path: { id: decisionId },
        query: { lang },
      });
      await download(url, `order-${decisionId}.pdf`);
    });
  return (
    <Group gap="xs" wrap="nowrap">
      <Button
        size={size}
        variant={variant}
        loading={busy}
        disabled={busy}
        onClick={(event) => {
          // In a row that opens on click, the button prints only.
          event.stopPropagation();
          print();
        }}
        data-testid="order-button"
      >
        {t('exports.order')}
      </Button>
      {error ? (
        <Text size="xs" c="red" role="alert">
          {t('exports.failed', { message: message(error) })}
        </Text>
      ) : null}
    </Group>
  );
}
