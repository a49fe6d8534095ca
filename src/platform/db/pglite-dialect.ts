/**
 * Kysely over PGlite, with a connection per caller instead of Kysely's one connection behind a lock.
 *
 * Kysely's own PGlite dialect lets one query run at a time: a caller waits until the one before it has its answer.
 * PGlite already runs one statement at a time, so that lock adds nothing but one harm: a write that must wait for a
 * long transaction (an import sharing its reads, see Database.transaction) keeps every later read waiting behind it,
 * although those reads could be answered inside the transaction. Here each caller gets its own connection object;
 * statements queue in PGlite, and a Kysely transaction (migrations) holds PGlite's own transaction lock, so the
 * statements of other callers wait for its end rather than landing in it.
 */
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  PGliteAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely';

/** What the driver needs of a PGlite instance (or of the facade that lets reads into a sharing transaction). */
export interface PgliteLike {
  query<R>(
    text: string,
    parameters?: unknown[],
    options?: { rowMode?: 'object' },
  ): Promise<{ rows: R[]; affectedRows?: number }>;
  transaction<T>(fn: (tx: PgliteLike) => Promise<T>): Promise<T>;
}

class ManyConnectionsAdapter extends PGliteAdapter {
  override get supportsMultipleConnections(): boolean {
    return true;
  }
}

const result = <R>(answer: { rows: unknown[]; affectedRows?: number }): QueryResult<R> => ({
  rows: answer.rows as R[],
  ...(answer.affectedRows != null ? { numAffectedRows: BigInt(answer.affectedRows) } : {}),
});

class Connection implements DatabaseConnection {
  #transaction: PgliteLike | undefined;
  #end: { commit(): void; rollback(error: Error): void; closed: Promise<unknown> } | undefined;

  constructor(private readonly pglite: PgliteLike) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const target = this.#transaction ?? this.pglite;
    return result<R>(await target.query(query.sql, [...query.parameters], { rowMode: 'object' }));
  }

  // biome-ignore lint/correctness/useYield: PGlite cannot stream results
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming queries are not supported by PGlite');
  }

  /** BEGIN: PGlite's exclusive transaction, held open until commit or rollback. */
  async begin(): Promise<void> {
    let begun!: () => void;
    const started = new Promise<void>((resolve) => {
      begun = resolve;
    });
    let commit!: () => void;
    let rollback!: (error: Error) => void;
    const ended = new Promise<void>((resolve, reject) => {
      commit = resolve;
      rollback = reject;
    });
    const closed = this.pglite.transaction(async (tx) => {
      this.#transaction = tx;
      begun();
      await ended;
    });
    this.#end = { commit, rollback, closed };
    // A transaction that cannot even begin must not leave the caller waiting.
    await Promise.race([started, closed]);
  }

  async commit(): Promise<void> {
    const end = this.#end;
    end?.commit();
    try {
      await end?.closed;
    } finally {
      this.#transaction = undefined;
      this.#end = undefined;
    }
  }

  async rollback(): Promise<void> {
    const end = this.#end;
    end?.rollback(new Error('rolled back'));
    await end?.closed.catch(() => undefined);
    this.#transaction = undefined;
    this.#end = undefined;
  }
}

class ManyConnectionsDriver implements Driver {
  constructor(private readonly pglite: PgliteLike) {}
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return new Connection(this.pglite);
  }
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as Connection).begin();
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as Connection).commit();
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as Connection).rollback();
  }
  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${quoteName(name)}`));
  }
  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to savepoint ${quoteName(name)}`));
  }
  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release savepoint ${quoteName(name)}`));
  }
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

const quoteName = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The dialect of the PGlite database: statements queue in PGlite, not in Kysely (see the file's comment). */
export function pgliteDialect(pglite: PgliteLike): Dialect {
  return {
    createAdapter: () => new ManyConnectionsAdapter(),
    createDriver: () => new ManyConnectionsDriver(pglite),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
}
