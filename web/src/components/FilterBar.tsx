/**
 * A list page's filter form: its fields in a row that wraps, aligned on their inputs, then its Apply and Reset
 * buttons; submitting applies them. `TextFilter` and `SelectFilter` are its fields bound to a `useFilterForm` draft.
 */
import { Button, Group, Select, type SelectProps, TextInput, type TextInputProps } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';

export function FilterBar({
  onSubmit,
  label,
  apply,
  reset,
  onReset,
  children,
}: {
  onSubmit: (event: FormEvent) => void;
  /** The form's accessible name. */
  label?: string;
  /** The submit button's label (none without it). */
  apply?: string;
  /** The reset button's label and what it does (none without both). */
  reset?: string;
  onReset?: () => void;
  children: ReactNode;
}) {
  return (
    <Group component="form" onSubmit={onSubmit} align="end" gap="sm" wrap="wrap" aria-label={label}>
      {children}
      {apply && <Button type="submit">{apply}</Button>}
      {reset && onReset && (
        <Button variant="subtle" onClick={onReset}>
          {reset}
        </Button>
      )}
    </Group>
  );
}

/** What a filter field needs of `useFilterForm`: the draft and the setter of one of its fields. */
export interface FilterForm<Name extends string> {
  draft: Record<Name, string>;
  set: (name: Name, value: string, now?: boolean) => void;
}

/** A typed filter: the draft changes as one types, applied with the form. */
export function TextFilter<Name extends string>({
  form,
  name,
  ...props
}: { form: FilterForm<Name>; name: Name } & Omit<TextInputProps, 'value' | 'onChange' | 'form' | 'name'>) {
  return (
    <TextInput value={form.draft[name]} onChange={(e) => form.set(name, e.currentTarget.value)} {...props} />
  );
}

/** A choice filter, clearable, applied as soon as it is chosen or cleared. */
export function SelectFilter<Name extends string>({
  form,
  name,
  ...props
}: { form: FilterForm<Name>; name: Name } & Omit<SelectProps, 'value' | 'onChange' | 'form' | 'name'>) {
  return (
    <Select
      clearable
      value={form.draft[name] || null}
      onChange={(v) => form.set(name, v ?? '', true)}
      {...props}
    />
  );
}
