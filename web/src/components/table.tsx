/**
 * What the workbench's tables share: the header row written as a list of columns, and a row that opens what it
 * shows (a click, or Enter once reached with Tab).
 */
import { Table, type TableThProps, type TableTrProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** A column's heading with the header cell's props (alignment, width, style). */
export interface ColumnSpec extends Omit<TableThProps, 'children'> {
  label: ReactNode;
}

/** A heading, or a heading with its cell's props; `false` (a column shown only with a permission) is left out. */
export type Column = ReactNode | ColumnSpec;

const isSpec = (column: Column): column is ColumnSpec =>
  typeof column === 'object' && column !== null && 'label' in column;

/** The header of a table: one row, a cell a column. */
export function TableHead({ columns }: { columns: readonly Column[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((column, i) => {
          if (column === false || column === null || column === undefined) return null;
          const { label, ...props } = isSpec(column) ? column : { label: column };
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a table's columns are fixed: their place is their identity
            <Table.Th key={i} {...props}>
              {label}
            </Table.Th>
          );
        })}
      </Table.Tr>
    </Table.Thead>
  );
}

/** A table row that opens what it shows, with the mouse or the keyboard. */
export function OpenableRow({ onOpen, children, ...props }: TableTrProps & { onOpen: () => void }) {
  return (
    <Table.Tr
      tabIndex={0}
      style={{ cursor: 'pointer' }}
      onClick={onOpen}
      onKeyDown={(e) => e.key === 'Enter' && onOpen()}
      {...props}
    >
      {children}
    </Table.Tr>
  );
}
