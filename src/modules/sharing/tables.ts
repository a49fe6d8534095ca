/**
 * The sharing module's tables, as Kysely sees them (kept by hand in step with migrations/0020_sharing.ts); they
 * join the platform's `DB` interface. Only this module queries them.
 */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { Id, Timestamp } from '../../platform/db/schema.ts';
import type { EntryContent } from './ledger-format.ts';
import type {
  AssistanceStatus,
  Direction,
  Distribution,
  Marking,
  MemberRole,
  MemberType,
  MessageKind,
  PartnerKind,
  SubjectType,
} from './model.ts';

export interface SharingPartnersTable {
  id: Id;
  code: string;
  name: string;
  kind: PartnerKind;
  country: string;
  public_key: string;
  key_id: string;
  endpoint_url: string | null;
  active: Generated<boolean>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_sent_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  last_received_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** The partner's outbox id of the last message pulled from it. */
  pull_cursor: ColumnType<string | number, string | number | undefined, string | number>;
}

export interface SharingInstallationKeysTable {
  key_id: string;
  public_key: string;
  created_at: Timestamp;
}

export interface SharingCountersTable {
  kind: string;
  year: number;
  last: number;
}

export interface AssistanceRequestsTable {
  id: Id;
  number: string;
  direction: Direction;
  partner_id: number;
  partner_reference: string | null;
  legal_basis: string;
  subject: string;
  questions: string;
  deadline: string | null;
  status: Generated<AssistanceStatus>;
  status_reason: string | null;
  sent_on: string | null;
  answer: string | null;
  answered_on: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  closed_at: Date | null;
}

export interface AssistanceSubjectsTable {
  id: Id;
  request_id: number;
  ref_type: SubjectType;
  ref: string;
}

export interface AssistanceRemindersTable {
  id: Id;
  request_id: number;
  reminded_on: string;
  note: string | null;
  created_by: string;
  created_at: Timestamp;
}

export interface SharingGroupsTable {
  id: Id;
  code: string;
  name: string;
  description: string | null;
  nominal_data_allowed: Generated<boolean>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SharingGroupMembersTable {
  id: Id;
  group_id: number;
  member_type: MemberType;
  partner_id: number | null;
  office: string | null;
  role: MemberRole;
  added_by: string;
  added_at: Timestamp;
}

export interface SharingMessagesTable {
  id: Id;
  message_id: string;
  direction: Direction;
  partner_id: number | null;
  group_id: number | null;
  group_code: string | null;
  kind: MessageKind;
  distribution: Distribution;
  marking: Marking;
  title: string;
  payload: JSONColumnType<Record<string, unknown>>;
  payload_sha256: string;
  nominal: boolean;
  source_type: string | null;
  source_ref: string | null;
  sender_key_id: string;
  sent_at: string;
  signature: string;
  recorded_by: string;
  recorded_at: Timestamp;
}

/** A ledger entry: its hashed content (ledger-format.ts; the group under `group_code`), its hash and signature. */
export interface SharingLedgerTable extends Omit<EntryContent, 'at' | 'group'> {
  at: Date;
  group_code: string | null;
  hash: string;
  signature: string;
}

export interface SharingLedgerCheckpointsTable {
  id: Id;
  from_seq: number;
  to_seq: number;
  root: string;
  at: Date;
  key_id: string;
  signature: string;
}

export interface SharingPartnerKeysTable {
  key_id: string;
  partner_id: number;
  public_key: string;
  created_at: Timestamp;
}

export interface SharingOutboxTable {
  id: Id;
  message_id: number;
  partner_id: number;
  state: Generated<'pending' | 'delivered' | 'refused'>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_status: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: Timestamp;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    sharing_partners: SharingPartnersTable;
    sharing_installation_keys: SharingInstallationKeysTable;
    sharing_counters: SharingCountersTable;
    assistance_requests: AssistanceRequestsTable;
    assistance_subjects: AssistanceSubjectsTable;
    assistance_reminders: AssistanceRemindersTable;
    sharing_groups: SharingGroupsTable;
    sharing_group_members: SharingGroupMembersTable;
    sharing_messages: SharingMessagesTable;
    sharing_ledger: SharingLedgerTable;
    sharing_ledger_checkpoints: SharingLedgerCheckpointsTable;
    sharing_outbox: SharingOutboxTable;
    sharing_partner_keys: SharingPartnerKeysTable;
  }
}
