/**
 * The STIX 2.1 words Vigie uses (docs/decisions/0038-stix-taxii.md): deterministic identifiers (UUIDv5), the TLP 2.0
 * marking definitions, STIX patterns for an alert's observables and back, the media types of STIX and TAXII. Pure.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../platform/audit/chain.ts';
import type { Marking, Observable, ObservableType } from './model.ts';

export const STIX_MEDIA_TYPE = 'application/stix+json;version=2.1';
export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';

/** Vigie's own namespace for the ids of the objects it derives from a message (random once, fixed for ever). */
export const VIGIE_STIX_NAMESPACE = '8d3c3c8e-52d6-4b8f-9b0a-3f0e6f7c2a41';
/** The namespace STIX 2.1 (section 2.9) gives for the deterministic ids of cyber-observable objects. */
export const STIX_SCO_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';

/** RFC 4122 version 5 (SHA-1, name-based) UUID of `name` in `namespace`. */
export function uuidv5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (ns.length !== 16) throw new Error(`not a UUID: ${namespace}`);
  const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `type--uuidv5(name)` in Vigie's namespace: the same message gives the same ids at every export. */
export const stixId = (type: string, name: string) =>
  `${type}--${uuidv5(`${type}/${name}`, VIGIE_STIX_NAMESPACE)}`;

/** A cyber-observable's id from its id-contributing properties, as STIX 2.1 section 2.9 says. */
export const scoId = (type: string, contributing: Record<string, unknown>) =>
  `${type}--${uuidv5(canonicalJson(contributing), STIX_SCO_NAMESPACE)}`;

export const STIX_ID =
  /^([a-z][a-z0-9-]*[a-z0-9])--[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The extension that defines TLP 2.0 markings in STIX 2.1 (OASIS cti-stix-common-objects). */
export const TLP2_EXTENSION = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

/** The fixed ids of the TLP 2.0 marking definitions. */
export const TLP_MARKING_IDS: Readonly<Record<Marking, string>> = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

/** The TLP 1.0 ones of the STIX 2.1 specification (section 7.2.1.4), read on import. */
const TLP1_MARKING_IDS: Readonly<Record<string, Marking>> = {
  'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9': 'clear',
  'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da': 'green',
  'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82': 'amber',
  'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed': 'red',
};

export function tlpMarkingDefinition(marking: Marking) {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP_MARKING_IDS[marking],
    created: '2022-10-01T00:00:00.000Z',
    name: `TLP:${marking.toUpperCase()}`,
    extensions: { [TLP2_EXTENSION]: { extension_type: 'property-extension', tlp_2_0: marking } },
  };
}

const MARKING_ORDER: readonly Marking[] = ['clear', 'green', 'amber', 'amber+strict', 'red'];

/**
 * The marking of imported objects: the strictest TLP among their marking references (TLP 2.0 or 1.0); none known →
 * amber (limited disclosure), the safe side for something a partner sent without saying.
 */
export function markingOfRefs(refs: readonly string[] | undefined): Marking {
  let found: Marking | null = null;
  for (const ref of refs ?? []) {
    const m =
      (Object.entries(TLP_MARKING_IDS).find(([, id]) => id === ref)?.[0] as Marking | undefined) ??
      TLP1_MARKING_IDS[ref];
    if (m && (found === null || MARKING_ORDER.indexOf(m) > MARKING_ORDER.indexOf(found))) found = m;
  }
  return found ?? 'amber';
}

/** The STIX cyber-observable type and property each observable maps to (phones: a custom `x-vigie-phone-number`). */
export const OBSERVABLE_SCO: Readonly<Record<ObservableType, { type: string; property: 'value' }>> = {
  phone: { type: 'x-vigie-phone-number', property: 'value' },
  email: { type: 'email-addr', property: 'value' },
  url: { type: 'url', property: 'value' },
  domain: { type: 'domain-name', property: 'value' },
};

const quote = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** `[domain-name:value = 'shop.example']`: the STIX pattern of one observable. */
export const patternOf = (o: Observable) => {
  const sco = OBSERVABLE_SCO[o.type];
  return `[${sco.type}:${sco.property} = ${quote(o.value)}]`;
};

const SIMPLE_PATTERN = /^\[\s*([a-z0-9-]+):value\s*=\s*'((?:[^'\\]|\\.)*)'\s*\]$/;

/** The observable of a pattern Vigie writes (one equality on a value), or null for any other pattern. */
export function observableOfPattern(pattern: string): Observable | null {
  const match = SIMPLE_PATTERN.exec(pattern.trim());
  if (!match) return null;
  const type = (Object.entries(OBSERVABLE_SCO).find(([, s]) => s.type === match[1])?.[0] ??
    null) as ObservableType | null;
  if (!type) return null;
  return { type, value: match[2]!.replace(/\\(.)/g, '$1') };
}

/** A date (YYYY-MM-DD) or a time as a STIX timestamp (RFC 3339, UTC, milliseconds). */
export function stixTime(value: string | Date): string {
  const date =
    value instanceof Date
      ? value
      : /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? new Date(`${value}T00:00:00Z`)
        : new Date(value);
  return date.toISOString();
}
