/**
 * A Kysely dialect over one already-open connection (a PGlite transaction or a checked-out pg client), so that
 * typed queries and raw COPY share a transaction. The caller owns BEGIN/COMMIT; Kysely's own transaction API is
 * not available on such an instance.
 */
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely';

export type Execute = (
  sql: string,
  parameters: readonly unknown[],
) => Promise<{ rows: Record<string, unknown>[]; affectedRows?: number | undefined }>;

class SingleConnection implements DatabaseConnection {
  constructor(private readonly execute: Execute) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const { rows, affectedRows } = await this.execute(compiledQuery.sql, compiledQuery.parameters);
    return {
      rows: rows as R[],
      ...(affectedRows !== undefined ? { numAffectedRows: BigInt(affectedRows) } : {}),
    };
  }

  // biome-ignore lint/correctness/useYield: streaming is not offered on a borrowed connection
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming queries are not supported inside a session');
  }
}

class SingleConnectionDriver implements Driver {
  private readonly connection: SingleConnection;
  constructor(execute: Execute) {
    this.connection = new SingleConnection(execute);
  }
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return this.connection;
  }
  async beginTransaction(): Promise<void> {
    throw new Error('a session is already a transaction');
  }
  async commitTransaction(): Promise<void> {
    throw new Error('a session is already a transaction');
  }
  async rollbackTransaction(): Promise<void> {
    throw new Error('a session is already a transaction');
  }
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

export function singleConnectionDialect(execute: Execute): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new SingleConnectionDriver(execute),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
}

export { CompiledQuery };
