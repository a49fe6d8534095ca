/** The small red × that removes one item of a list: busy while the call runs, the call's error shown under it. */
import { ActionIcon } from '@mantine/core';
import { ErrorAlert } from './ErrorAlert.tsx';
import { useAction } from './useAction.ts';

/** `label` names what it removes (its accessible name); `remove` makes the call and refreshes what it changed. */
export function RemoveButton({ label, remove }: { label: string; remove: () => Promise<void> }) {
  const { busy, error, run } = useAction();
  return (
    <>
      <ActionIcon
        size="sm"
        variant="subtle"
        color="red"
        loading={busy}
        aria-label={label}
        onClick={() => void run(remove)}
      >
        ×
      </ActionIcon>
      <ErrorAlert error={error} />
    </>
  );
}
