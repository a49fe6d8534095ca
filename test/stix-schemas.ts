/**
 * The OASIS STIX 2.1 JSON schemas (vendored in test/fixtures/stix2-json-schemas, BSD-3-Clause, see SOURCE.md
 * there) compiled with ajv (draft 2020-12), for the tests that hold Vigie's bundles to them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const ROOT = new URL('./fixtures/stix2-json-schemas/schemas/', import.meta.url).pathname;
const BUNDLE =
  'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/common/bundle.json';

let compiled: ((value: unknown) => boolean) & { errors?: unknown[] | null } = null as never;

function validator() {
  if (compiled) return compiled;
  // The schemas' patterns are written for non-Unicode regular expressions (`\-`).
  const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false, logger: false });
  const addFormats = addFormatsModule as unknown as (a: Ajv2020) => void;
  addFormats(ajv);
  for (const dir of readdirSync(ROOT))
    for (const file of readdirSync(join(ROOT, dir)))
      ajv.addSchema(JSON.parse(readFileSync(join(ROOT, dir, file), 'utf8')));
  compiled = ajv.getSchema(BUNDLE) as typeof compiled;
  return compiled;
}

/** The official schemas' verdict on a bundle: [] when valid, else the errors that name the failing object. */
export function stixSchemaErrors(bundle: unknown): string[] {
  const validate = validator();
  if (validate(bundle)) return [];
  return (validate.errors ?? []).map((e) => {
    const err = e as { instancePath: string; schemaPath: string; message?: string };
    return `${err.instancePath} ${err.schemaPath} ${err.message ?? ''}`;
  });
}
