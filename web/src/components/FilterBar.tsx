/** A list page's filter form: its fields in a row that wraps, aligned on their inputs; submitting applies them. */
import { Group } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';

export function FilterBar({
  onSubmit,
  label,
  children,
}: {
  onSubmit: (event: FormEvent) => void;
  /** The form's accessible name. */
  label?: string;
  children: ReactNode;
}) {
  return (
    <Group component="form" onSubmit={onSubmit} align="end" gap="sm" wrap="wrap" aria-label={label}>
      {children}
    </Group>
  );
}
