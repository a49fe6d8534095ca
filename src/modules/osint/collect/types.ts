/**
 * What collectors hand to the collection run: documents kept as evidence, the posts found in them, and located
 * problems. A problem never stops a run: it is counted, kept with the run (the first 200) and the run goes on.
 */
import type { EvidenceInput } from '../evidence.ts';

/** A post, listing, video, comment or page as a collector read it, before validation. */
export interface CollectedPost {
  /** Where in its evidence document: `item[3]`, `data.items[4]`, `line 12`, `page`, `.listing-card[2]`. */
  locator: string;
  external_id?: string | undefined;
  platform?: string | undefined;
  kind?: string | undefined;
  url?: string | undefined;
  title?: string | undefined;
  text?: string | undefined;
  author?: string | undefined;
  author_url?: string | undefined;
  price?: string | number | undefined;
  currency?: string | undefined;
  posted_at?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  company?: string | undefined;
  address?: string | undefined;
}

export interface LocatedProblem {
  /** A URL, `file:line`, or `url#locator`. */
  where: string;
  severity: 'error' | 'warning';
  /** Stable code: `fetch.http_status`, `fetch.timeout`, `input.invalid_json`, `item.no_text`, `analysis.failed`… */
  code: string;
  message: string;
}

export type DocumentInput = Omit<EvidenceInput, 'sourceId' | 'runId' | 'collectedBy'>;

export interface CollectorContext {
  signal?: AbortSignal | undefined;
  /** Keeps a document as evidence; returns its id (an identical document already kept is reused). */
  document(input: DocumentInput): Promise<number>;
  /** Stores, de-duplicates and analyses posts found in an evidence document. */
  posts(evidenceId: number, posts: CollectedPost[]): Promise<void>;
  problem(problem: LocatedProblem): void;
  skipped(url: string, reason: string): void;
  /** Documents fetched or records read so far, and the total when known. */
  progress(done: number, total?: number | null, message?: string): void;
}
