/** A table of API tokens (never their secret), each active one with a button that revokes it. */
import { Badge, Button, Table, Text } from '@mantine/core';
import type { ApiItem } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TableHead } from '../../components/table.tsx';
import { useAction } from '../../components/useAction.ts';
import { formatDateTime, useLang } from '../../i18n/index.ts';

export type TokenRow = ApiItem<'/api/auth/tokens'>;

function Revoke({ token, revoke }: { token: TokenRow; revoke: (id: number) => Promise<void> }) {
  const { t } = useLang();
  const { busy, error, run } = useAction();
  return (
    <>
      <Button
        size="xs"
        variant="light"
        color="red"
        loading={busy}
        onClick={() => void run(() => revoke(token.id))}
        aria-label={t('admin.tokens.revokeNamed', { name: token.name })}
      >
        {t('admin.tokens.revoke')}
      </Button>
      <ErrorAlert error={error} />
    </>
  );
}

export function TokenTable({
  items,
  revoke,
  showUser = false,
}: {
  items: readonly TokenRow[];
  revoke: (id: number) => Promise<void>;
  showUser?: boolean;
}) {
  const { t, lang } = useLang();
  const now = Date.now();
  if (items.length === 0) return <Text c="dimmed">{t('admin.tokens.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped aria-label={t('admin.tokens.title')}>
        <TableHead
          columns={[
            t('admin.tokens.name'),
            showUser && t('admin.users.username'),
            t('admin.tokens.prefix'),
            t('admin.tokens.created'),
            t('admin.tokens.expires'),
            t('admin.tokens.lastUsed'),
            t('admin.tokens.state'),
            '',
          ]}
        />
        <Table.Tbody>
          {items.map((token) => {
            const expired = new Date(token.expires_at).getTime() <= now;
            const state = token.revoked_at ? 'revoked' : expired ? 'expired' : 'active';
            return (
              <Table.Tr key={token.id} data-testid="token-row">
                <Table.Td dir="auto" fw={600}>
                  {token.name}
                </Table.Td>
                {showUser && <Table.Td>{token.username}</Table.Td>}
                <Table.Td>
                  <code>{token.prefix}…</code>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(lang, token.created_at)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(lang, token.expires_at)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(lang, token.last_used_at)}
                </Table.Td>
                <Table.Td>
                  <Badge
                    variant="light"
                    color={state === 'active' ? 'green' : state === 'revoked' ? 'red' : 'gray'}
                  >
                    {t(`admin.tokens.states.${state}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{state === 'active' && <Revoke token={token} revoke={revoke} />}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
