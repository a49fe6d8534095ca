/** What the register's lists share: a declaration reference that opens the declaration (when the user may read it). */
import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { useSession } from '../../session.tsx';

export function DeclarationLink({ reference }: { reference: string | null }) {
  const { can } = useSession();
  if (!reference) return <>—</>;
  if (!can('declarations:read')) return <>{reference}</>;
  return (
    <Anchor component={Link} to={`/declarations/${encodeURIComponent(reference)}`} size="sm">
      {reference}
    </Anchor>
  );
}

/** A code and, under it, the name it stands for. */
export function CodeAndName({ code, name }: { code: string | null; name: string | null }) {
  return (
    <>
      <div style={{ whiteSpace: 'nowrap' }}>{code ?? '—'}</div>
      {name && (
        <div
          dir="auto"
          style={{ fontSize: 'var(--mantine-font-size-xs)', color: 'var(--mantine-color-dimmed)' }}
        >
          {name}
        </div>
      )}
    </>
  );
}
