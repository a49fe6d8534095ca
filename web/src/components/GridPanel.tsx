/** A titled card in a column of a page's grid (the dashboard's charts, the model registry's charts and tables). */
import { Card, Grid, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** `lg`: the columns (of 12) it takes on a large screen; it takes the whole width on smaller ones. */
export function GridPanel({ lg, title, children }: { lg: number; title: ReactNode; children: ReactNode }) {
  return (
    <Grid.Col span={{ base: 12, lg }}>
      <Card withBorder>
        <Text fw={600}>{title}</Text>
        {children}
      </Card>
    </Grid.Col>
  );
}
