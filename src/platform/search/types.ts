/**
 * The global search's contract: each module hands the platform the record families it can search
 * (`VigieModule.search`), each with the permission a user needs to see them; the platform asks the families the
 * user may see and groups their answers (search.ts). No module reads another's tables for it, and the platform
 * knows no module.
 */
import type { Kysely } from 'kysely';
import type { Permission } from '../auth/permissions.ts';
import type { DB } from '../db/schema.ts';

/** What a family is asked: the text as typed, cleaned, and its variants. */
export interface SearchQuery {
  /** Trimmed, inner spaces folded, 2 to 100 characters. */
  text: string;
  /** Lower case, for case-insensitive matching. */
  lower: string;
  /** The text as a LIKE pattern's body (`%`, `_` and `\` escaped), lower case: `%${like}%`. */
  like: string;
  /** Digits only, when the text holds at least two (phone numbers, HS codes), else ''. */
  digits: string;
  /** Rows wanted per family (the first ones by relevance). */
  limit: number;
}

/** One record found: what to show (plain text, escaped where shown) and where to open it. */
export interface SearchHit {
  /** The family (`declaration`, `importer`, `seller_online`…), as the provider names it. */
  kind: string;
  /** Stable id within the family (reference, code, numeric id as text). */
  id: string;
  title: string;
  subtitle: string | null;
  /** The workbench path that opens the record (starts with /). */
  link: string;
  /** Which field matched (`reference`, `name`, `phone`…). */
  matched: string;
}

export interface SearchProvider {
  /** The family's name: one group of results. */
  kind: string;
  /** What a user needs to see this family at all. */
  permission: Permission;
  /** At most `query.limit` hits, best first; parameterised SQL only. */
  search(db: Kysely<DB>, query: SearchQuery): Promise<SearchHit[]>;
}
