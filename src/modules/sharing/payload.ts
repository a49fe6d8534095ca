/**
 * The outgoing payload of a seizure report, built from the cases module's public face, and the WCO's nominal /
 * non-nominal split: when the group's agreement excludes nominal data, the payload leaves without the personal
 * data of natural persons — names, identifiers, addresses, phones, e-mails, precise places — while companies,
 * brands, rights holders and the goods stay. Every field and what happens to it is in the table of
 * docs/decisions/0020-sharing.md, which the tests hold this file to. Pure: the database is read by the caller.
 *
 * Fields never shared, in either mode: internal identifiers (ids, case_id, operation_id, import_id), the amounts of
 * the fiscal follow-up (duties, fines, settlement: an offender's transaction), who recorded what and when, the
 * case's summary, assignee and origin, a link's hold.
 */
import type { CaseView, SeizureView } from '../cases/index.ts';
import { type ObservableType, PERSONAL_OBSERVABLE_TYPES } from './model.ts';

export const SEIZURE_REPORT_SCHEMA = 'vigie.seizure_report/1';

/** The parts of a case link the payload reads. */
export interface LinkSource {
  target_type: string;
  target_ref: string;
  note: string | null;
}

export interface SeizureSource {
  seizure: SeizureView;
  case: CaseView | null;
  links: LinkSource[];
}

/** Case link types that name a natural person or what identifies one (a plate, a home, an online account, a post). */
export const PERSONAL_LINK_TYPES: readonly string[] = [
  'person',
  'vehicle',
  'premises',
  'osint_seller',
  'osint_item',
];

/** Graph entity types (the `type` of a `type:key` reference) that are personal data of natural persons. */
export const PERSONAL_ENTITY_TYPES: readonly string[] = [
  'person',
  'declarant',
  'phone',
  'email',
  'address',
  'vehicle',
  'property',
  'bank_account',
  'account',
  'online_seller',
];

/** Whether a case link names a natural person (or identifies one). */
export function isPersonalLink(link: Pick<LinkSource, 'target_type' | 'target_ref'>): boolean {
  if (PERSONAL_LINK_TYPES.includes(link.target_type)) return true;
  if (link.target_type !== 'graph_entity') return false;
  const type = link.target_ref.split(':', 1)[0] ?? '';
  // An entity reference whose type cannot be read is treated as personal: leaving it out is the safe side.
  return !link.target_ref.includes(':') || PERSONAL_ENTITY_TYPES.includes(type);
}

export interface SeizureReport {
  payload: Record<string, unknown>;
  /** Paths of what the split removed (`seizure.officers`, `parties[2]`), empty when nominal data may leave. */
  removed: string[];
}

/**
 * The payload of a seizure report. `nominal` false (the group forbids nominal data) removes what is personal data
 * of natural persons and lists what it removed.
 */
export function seizureReportPayload(source: SeizureSource, options: { nominal: boolean }): SeizureReport {
  const { seizure: s, case: kase } = source;
  const removed: string[] = [];
  const personal = <T>(path: string, value: T): T | undefined => {
    if (options.nominal) return value;
    removed.push(path);
    return undefined;
  };
  const seizure: Record<string, unknown> = {
    reference: s.reference,
    seized_on: s.seized_on,
    office: s.office,
    city: s.city,
    place: personal('seizure.place', s.place),
    latitude: personal('seizure.latitude', s.latitude),
    longitude: personal('seizure.longitude', s.longitude),
    category: s.category,
    hs_code: s.hs_code,
    description: s.description,
    quantity: s.quantity,
    unit: s.unit,
    net_mass_kg: s.net_mass_kg,
    estimated_value: s.estimated_value,
    value_method: s.value_method,
    currency: s.currency,
    brand: s.brand,
    rights_holder: s.rights_holder,
    health_risk: s.health_risk,
    transport_mode: s.transport_mode,
    concealment: s.concealment,
    detection_source: s.detection_source,
    goods_status: s.goods_status,
    officers: personal('seizure.officers', s.officers),
  };
  const lines = s.lines.map((l) => ({
    line_no: l.line_no,
    description: l.description,
    hs_code: l.hs_code,
    category: l.category,
    quantity: l.quantity,
    unit: l.unit,
    net_mass_kg: l.net_mass_kg,
    estimated_value: l.estimated_value,
    brand: l.brand,
    rights_holder: l.rights_holder,
    health_risk: l.health_risk,
  }));
  const casepart = kase
    ? {
        number: kase.number,
        type: kase.type,
        status: kase.status,
        title: personal('case.title', kase.title),
      }
    : null;
  const parties: Record<string, unknown>[] = [];
  source.links.forEach((link, i) => {
    if (!options.nominal && isPersonalLink(link)) {
      removed.push(`parties[${i}]`);
      return;
    }
    parties.push({
      type: link.target_type,
      ref: link.target_ref,
      note: personal(`parties[${i}].note`, link.note),
    });
  });
  const payload = {
    schema: SEIZURE_REPORT_SCHEMA,
    nominal: options.nominal,
    seizure: dropUndefined(seizure),
    lines,
    case: casepart ? dropUndefined(casepart) : null,
    parties: parties.map(dropUndefined),
  };
  return { payload, removed };
}

function dropUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

/** The leaf paths of a JSON value (`seizure.city`, `lines[].brand`): what the decision note's table lists. */
export function leafPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return [...new Set(value.flatMap((v) => leafPaths(v, `${prefix}[]`)))];
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
  return [prefix];
}

/**
 * The nominal split applied to a payload already built (docs/decisions/0038-stix-taxii.md): what a STIX export or a
 * TAXII read gives a group whose agreement excludes nominal data, whatever the message carried when it was sent
 * (a message kept in this installation, or a group whose agreement changed since). For a seizure report, the same
 * fields as `seizureReportPayload` removes; for an alert, its phones and e-mail addresses. `removed` lists the
 * paths. Pure; the payload given is not changed.
 */
export function splitPayload(
  payload: Record<string, unknown>,
  options: { nominal: boolean },
): { payload: Record<string, unknown>; removed: string[] } {
  const copy = structuredClone(payload);
  const removed: string[] = [];
  if (options.nominal) return { payload: copy, removed };
  const drop = (object: unknown, key: string, path: string) => {
    if (object && typeof object === 'object' && key in object) {
      delete (object as Record<string, unknown>)[key];
      removed.push(path);
    }
  };
  if (copy.schema === SEIZURE_REPORT_SCHEMA) {
    copy.nominal = false;
    for (const key of ['place', 'latitude', 'longitude', 'officers'])
      drop(copy.seizure, key, `seizure.${key}`);
    drop(copy.case, 'title', 'case.title');
    if (Array.isArray(copy.parties)) {
      const kept: unknown[] = [];
      copy.parties.forEach((party: Record<string, unknown>, i) => {
        const link = { target_type: String(party?.type ?? ''), target_ref: String(party?.ref ?? '') };
        if (isPersonalLink(link)) removed.push(`parties[${i}]`);
        else {
          drop(party, 'note', `parties[${i}].note`);
          kept.push(party);
        }
      });
      copy.parties = kept;
    }
  }
  if (Array.isArray(copy.observables)) {
    copy.observables = copy.observables.filter((o: { type?: string }, i) => {
      const personal = PERSONAL_OBSERVABLE_TYPES.includes(o?.type as ObservableType);
      if (personal) removed.push(`observables[${i}]`);
      return !personal;
    });
  }
  return { payload: copy, removed };
}
