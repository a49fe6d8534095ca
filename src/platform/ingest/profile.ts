/**
 * Mapping profiles: data files (YAML or JSON) that say how the columns of a source file become Vigie's fields, so
 * that a new clearance-system export is mapped without code. See docs/import-profiles.md for the language.
 *
 * A field is mapped from a column (`Declaration ID`), a constant (`{ value: KRW }`), a template over several
 * columns (`{ template: "{Office}/{Year}/{Serial}" }`) or the first matching rule
 * (`{ first: [{ when: { column: "Critical Fraud", equals: "2" }, value: critical }, …] }`), with optional
 * transforms: `map` (value dictionary), `strip` (characters to remove), `upper`, `lower`, `pad_start`, `split`,
 * `date_format`, `decimal_separator`, `optional` (the column may be absent from the file).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { INSTALL_DIR } from '../lib/paths.ts';
import { DATE_FORMATS, type DateFormat } from './fields.ts';
import { FORMATS } from './text-source.ts';

export const TARGETS = [
  'declarations',
  'manifests',
  'payments',
  'companies',
  'trademarks',
  'seizures',
  'persons',
  'vehicles',
  'properties',
  'parcels',
] as const;
export type TargetName = (typeof TARGETS)[number];

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const transforms = {
  map: z.record(z.string(), scalar).optional(),
  map_default: scalar.optional(),
  strip: z.string().optional(),
  upper: z.boolean().optional(),
  lower: z.boolean().optional(),
  pad_start: z
    .object({ length: z.number().int().positive(), char: z.string().length(1).default('0') })
    .optional(),
  split: z.string().min(1).optional(),
  date_format: z.enum(DATE_FORMATS).optional(),
  decimal_separator: z.enum(['.', ',']).optional(),
  optional: z.boolean().optional(),
};

const conditionSchema = z
  .object({
    column: z.string().min(1),
    equals: z.union([scalar, z.array(scalar)]).optional(),
    matches: z.string().optional(),
    empty: z.boolean().optional(),
  })
  .strict();

const columnSpec = z.object({ column: z.string().min(1), ...transforms }).strict();
const valueSpec = z.object({ value: scalar }).strict();
const templateSpec = z.object({ template: z.string().min(1), ...transforms }).strict();
const ruleSpec = z
  .object({
    when: conditionSchema.optional(),
    column: z.string().min(1).optional(),
    value: scalar.optional(),
    template: z.string().min(1).optional(),
    ...transforms,
  })
  .strict()
  .refine((r) => [r.column, r.value, r.template].filter((v) => v !== undefined).length === 1, {
    message: 'a rule gives exactly one of column, value or template',
  });
const firstSpec = z.object({ first: z.array(ruleSpec).min(1) }).strict();

export const fieldSpecSchema = z.union([z.string().min(1), columnSpec, valueSpec, templateSpec, firstSpec]);
export type FieldSpec = z.infer<typeof fieldSpecSchema>;
export type ColumnRule = z.infer<typeof ruleSpec>;

export const profileSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'expected lower-case letters, digits, - and _'),
    target: z.enum(TARGETS),
    description: z.string().optional(),
    format: z
      .object({
        type: z.enum(FORMATS as [string, ...string[]]).optional(),
        delimiter: z.string().optional(),
        encoding: z.string().optional(),
        decimal_separator: z.enum(['.', ',']).optional(),
        date_format: z.enum(DATE_FORMATS).optional(),
        split: z.string().min(1).optional(),
        explode: z.string().min(1).optional(),
      })
      .strict()
      .default({}),
    fields: z.record(z.string(), fieldSpecSchema),
  })
  .strict();

export type Profile = z.infer<typeof profileSchema> & { source: string };

export class ProfileError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`profile ${source} is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ProfileError';
  }
}

/** The profiles that ship with Vigie: profiles/<target>/<name>.yaml at the root of the repository. */
export const BUILTIN_PROFILE_DIR = join(INSTALL_DIR, 'profiles');

export function parseProfile(text: string, source: string): Profile {
  let raw: unknown;
  try {
    raw = extname(source) === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new ProfileError(source, [`cannot be read: ${(error as Error).message}`]);
  }
  const parsed = profileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ProfileError(
      source,
      parsed.error.issues.map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`),
    );
  }
  return { ...parsed.data, source };
}

export function loadProfileFile(path: string): Profile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ProfileError(path, [`cannot be read (${(error as NodeJS.ErrnoException).code ?? error})`]);
  }
  return parseProfile(text, path);
}

function profileDirs(target: TargetName, dataDir?: string): string[] {
  const dirs = [join(BUILTIN_PROFILE_DIR, target)];
  if (dataDir) dirs.unshift(join(dataDir, 'profiles', target));
  return dirs;
}

/**
 * Finds a profile by name (a user's profile in <data dir>/profiles/<target>/ first, then the built-in ones) or
 * loads it from a path (anything ending in .yaml, .yml or .json, or containing a slash).
 */
export function resolveProfile(target: TargetName, nameOrPath: string, dataDir?: string): Profile {
  const isPath = /[\\/]/.test(nameOrPath) || /\.(ya?ml|json)$/i.test(nameOrPath);
  let profile: Profile | undefined;
  if (isPath) profile = loadProfileFile(nameOrPath);
  else {
    for (const dir of profileDirs(target, dataDir)) {
      for (const ext of ['.yaml', '.yml', '.json']) {
        const path = join(dir, nameOrPath + ext);
        if (existsSync(path)) {
          profile = loadProfileFile(path);
          break;
        }
      }
      if (profile) break;
    }
    if (!profile) {
      const known = listProfiles(target, dataDir)
        .map((p) => p.name)
        .join(', ');
      throw new ProfileError(nameOrPath, [`no ${target} profile of that name (known: ${known || 'none'})`]);
    }
  }
  if (profile.target !== target) {
    throw new ProfileError(profile.source, [`maps ${profile.target}, not ${target}`]);
  }
  return profile;
}

export function listProfiles(target: TargetName, dataDir?: string): Profile[] {
  const found = new Map<string, Profile>();
  for (const dir of profileDirs(target, dataDir).reverse()) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).sort()) {
      if (!/\.(ya?ml|json)$/i.test(file)) continue;
      const profile = loadProfileFile(join(dir, file));
      found.set(profile.name || basename(file, extname(file)), profile);
    }
  }
  return [...found.values()];
}

/**
 * The profile with the number and date conventions of one file (an import's `decimal_separator` / `date_format`,
 * e.g. a French spreadsheet's `,` and `DD/MM/YYYY`): they replace the profile's defaults; a field that names its
 * own keeps it.
 */
export function withFileConventions(
  profile: Profile,
  conventions: { decimal_separator?: '.' | ',' | undefined; date_format?: DateFormat | undefined },
): Profile {
  const format = { ...profile.format };
  if (conventions.decimal_separator) format.decimal_separator = conventions.decimal_separator;
  if (conventions.date_format) format.date_format = conventions.date_format;
  return { ...profile, format };
}
