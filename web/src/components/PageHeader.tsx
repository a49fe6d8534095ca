/** The head of a page: its title (with a subtitle under it, in grey), and what the page offers at the far end. */
import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** Without `children`, the title alone; with them (even `false`), a row: the title, then the children at the end. */
export function PageHeader({
  title,
  subtitle,
  children,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  children?: ReactNode;
}) {
  const heading = subtitle ? (
    <Stack gap={0}>
      <Title order={2}>{title}</Title>
      <Text size="sm" c="dimmed">
        {subtitle}
      </Text>
    </Stack>
  ) : (
    <Title order={2}>{title}</Title>
  );
  if (children === undefined) return heading;
  return (
    <Group justify="space-between" align="end">
      {heading}
      {children}
    </Group>
  );
}
