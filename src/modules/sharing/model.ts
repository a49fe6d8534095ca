/**
 * The words of cooperation between administrations: kinds of partners, the mutual-assistance workflow and which
 * transitions it allows, references a request may carry, closed user groups' member roles, and the controlled
 * vocabularies of messages shaped like the WCO's CENcomm/nCEN ones (kind, distribution level, TLP marking). Pure.
 */

export const PARTNER_KINDS = ['customs_administration', 'national_agency'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const DIRECTIONS = ['outgoing', 'incoming'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const ASSISTANCE_STATUSES = ['draft', 'sent', 'answered', 'closed', 'refused', 'withdrawn'] as const;
export type AssistanceStatus = (typeof ASSISTANCE_STATUSES)[number];

/**
 * Which status may follow which. A draft is sent or withdrawn; a sent request is answered, refused (by the
 * requested side) or withdrawn (by the requesting side); an answered one is closed. Closed, refused and withdrawn
 * are final.
 */
export const ASSISTANCE_TRANSITIONS: Readonly<Record<AssistanceStatus, readonly AssistanceStatus[]>> = {
  draft: ['sent', 'withdrawn'],
  sent: ['answered', 'refused', 'withdrawn'],
  answered: ['closed'],
  closed: [],
  refused: [],
  withdrawn: [],
};

export const FINAL_ASSISTANCE_STATUSES: readonly AssistanceStatus[] = ['closed', 'refused', 'withdrawn'];

/** Statuses in which the request waits for an answer, so a past deadline makes it overdue. */
export const WAITING_STATUSES: readonly AssistanceStatus[] = ['draft', 'sent'];

export const canTransitionAssistance = (from: AssistanceStatus, to: AssistanceStatus) =>
  ASSISTANCE_TRANSITIONS[from].includes(to);

/** What a request concerns, as typed references: a graph entity key (`person:…`), a declaration, a case number. */
export const SUBJECT_TYPES = ['graph_entity', 'declaration', 'case'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

export const MEMBER_TYPES = ['partner', 'office'] as const;
export type MemberType = (typeof MEMBER_TYPES)[number];

export const MEMBER_ROLES = ['coordinator', 'member', 'observer'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** CENcomm/nCEN message kinds. */
export const MESSAGE_KINDS = ['warning', 'seizure_report', 'request', 'feedback'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** How far a message may travel: this installation only, this group, or the groups connected to it. */
export const DISTRIBUTIONS = ['installation', 'group', 'connected_groups'] as const;
export type Distribution = (typeof DISTRIBUTIONS)[number];

/** Traffic Light Protocol 2.0 markings. */
export const MARKINGS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
export type Marking = (typeof MARKINGS)[number];

/** `IN/2026/0007`, `OUT/2026/0012`: direction, year, sequence within both. */
export const assistanceNumber = (direction: Direction, year: number, seq: number) =>
  `${direction === 'outgoing' ? 'OUT' : 'IN'}/${year}/${String(seq).padStart(4, '0')}`;

/**
 * What an alert (a warning message) may point at: an online seller's phone, e-mail address, web address or domain.
 * Phones and e-mail addresses identify natural persons more often than not: they leave only where the group's
 * agreement allows nominal data (payload.ts, splitPayload).
 */
export const OBSERVABLE_TYPES = ['phone', 'email', 'url', 'domain'] as const;
export type ObservableType = (typeof OBSERVABLE_TYPES)[number];
export const PERSONAL_OBSERVABLE_TYPES: readonly ObservableType[] = ['phone', 'email'];

export interface Observable {
  type: ObservableType;
  value: string;
}
