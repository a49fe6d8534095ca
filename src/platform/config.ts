/**
 * The one typed configuration object: defaults, then an optional file (`--config` or VIGIE_CONFIG, JSON or YAML),
 * then environment variables, then command-line options. Validated at start; every problem is reported at once.
 * Nothing else in the code reads `process.env`. Documented in docs/configuration.md.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const bool = z.union([
  z.boolean(),
  z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v)),
]);
const positiveInt = (max: number) => z.coerce.number().int('expected a whole number').min(1).max(max);

export const configSchema = z
  .object({
    dataDir: z.string().min(1),
    databaseUrl: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// or postgresql:// URL')
      .optional(),
    port: z.coerce.number().int().min(0).max(65535),
    host: z.string().min(1),
    logLevel: z.enum(LOG_LEVELS),
    sessionHours: positiveInt(24 * 30),
    sessionIdleMinutes: positiveInt(24 * 60),
    cookieSecure: bool,
    trustProxy: bool,
    loginMaxFailures: positiveInt(100),
    loginLockMinutes: positiveInt(24 * 60),
    loginIpLimit: positiveInt(10_000),
    tokenDays: positiveInt(3650),
    tokenMaxDays: positiveInt(3650),
    metrics: z.enum(['public', 'authenticated', 'off']),
    uploadMaxMb: positiveInt(100_000),
    uploadRetentionDays: positiveInt(3650),
    retentionDays: z.preprocess(
      (value) =>
        typeof value === 'string'
          ? Object.fromEntries(
              value
                .split(',')
                .filter((pair) => pair.trim())
                .map((pair) => {
                  const [kind, days] = pair.split('=');
                  return [kind!.trim(), days === undefined ? Number.NaN : Number(days)];
                }),
            )
          : value,
      z.record(z.string(), z.unknown()).superRefine((periods, ctx) => {
        for (const [kind, days] of Object.entries(periods)) {
          if (!/^[a-z_]+$/.test(kind) || !Number.isInteger(days) || (days as number) < 1)
            ctx.addIssue({
              code: 'custom',
              message: `"${kind}": expected kind=days,kind=days with whole days (e.g. osint_items=365,sessions=30)`,
            });
        }
      }) as z.ZodType<Record<string, number>>,
    ),
    jobConcurrency: positiveInt(16),
    jobExpireMinutes: positiveInt(24 * 60),
    auditKeyFile: z.string().min(1).optional(),
    auditCheckpointFile: z.string().min(1).optional(),
    sharingKeyFile: z.string().min(1).optional(),
    /** Four-eyes activation of rule profiles and promotion of models (docs/decisions/0039-four-eyes.md). */
    fourEyes: bool,
    /** A profile activation request needs a back-test of that version finished within this many days. */
    fourEyesBacktestDays: positiveInt(365),
  })
  .strict();

/** The settings, with the paths that default to the data folder resolved. */
export type Config = Omit<
  z.infer<typeof configSchema>,
  'auditKeyFile' | 'auditCheckpointFile' | 'sharingKeyFile'
> & {
  auditKeyFile: string;
  auditCheckpointFile: string;
  sharingKeyFile: string;
};

const DEFAULTS: Omit<Config, 'databaseUrl' | 'auditKeyFile' | 'auditCheckpointFile' | 'sharingKeyFile'> = {
  dataDir: '.vigie',
  port: 8080,
  host: '0.0.0.0',
  logLevel: 'info',
  sessionHours: 12,
  sessionIdleMinutes: 120,
  cookieSecure: false,
  trustProxy: false,
  loginMaxFailures: 5,
  loginLockMinutes: 15,
  loginIpLimit: 30,
  tokenDays: 90,
  tokenMaxDays: 90,
  metrics: 'authenticated',
  uploadMaxMb: 512,
  uploadRetentionDays: 30,
  retentionDays: {},
  jobConcurrency: 1,
  jobExpireMinutes: 30,
  fourEyes: true,
  fourEyesBacktestDays: 7,
};

/** Environment variable of each setting. */
export const ENV_NAMES: Record<keyof Config, string> = {
  dataDir: 'VIGIE_DATA_DIR',
  databaseUrl: 'VIGIE_DATABASE_URL',
  port: 'PORT',
  host: 'HOST',
  logLevel: 'VIGIE_LOG_LEVEL',
  sessionHours: 'VIGIE_SESSION_HOURS',
  sessionIdleMinutes: 'VIGIE_SESSION_IDLE_MINUTES',
  cookieSecure: 'VIGIE_COOKIE_SECURE',
  trustProxy: 'VIGIE_TRUST_PROXY',
  loginMaxFailures: 'VIGIE_LOGIN_MAX_FAILURES',
  loginLockMinutes: 'VIGIE_LOGIN_LOCK_MINUTES',
  loginIpLimit: 'VIGIE_LOGIN_IP_LIMIT',
  tokenDays: 'VIGIE_TOKEN_DAYS',
  tokenMaxDays: 'VIGIE_TOKEN_MAX_DAYS',
  metrics: 'VIGIE_METRICS',
  uploadMaxMb: 'VIGIE_UPLOAD_MAX_MB',
  uploadRetentionDays: 'VIGIE_UPLOAD_RETENTION_DAYS',
  retentionDays: 'VIGIE_RETENTION_DAYS',
  jobConcurrency: 'VIGIE_JOB_CONCURRENCY',
  jobExpireMinutes: 'VIGIE_JOB_EXPIRE_MINUTES',
  auditKeyFile: 'VIGIE_AUDIT_KEY_FILE',
  auditCheckpointFile: 'VIGIE_AUDIT_CHECKPOINT_FILE',
  sharingKeyFile: 'VIGIE_SHARING_KEY_FILE',
  fourEyes: 'VIGIE_FOUR_EYES',
  fourEyesBacktestDays: 'VIGIE_FOUR_EYES_BACKTEST_DAYS',
};

export type ConfigOverrides = Partial<Record<keyof Config, string | number | boolean | undefined>> & {
  configFile?: string | undefined;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function readFile(path: string, problems: string[]): Record<string, unknown> {
  try {
    const text = readFileSync(path, 'utf8');
    const value = /\.json$/i.test(path) ? JSON.parse(text) : parseYaml(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      problems.push(`${path}: expected an object of settings`);
      return {};
    }
    return value as Record<string, unknown>;
  } catch (error) {
    problems.push(`${path}: cannot be read (${(error as Error).message.split('\n')[0]})`);
    return {};
  }
}

/** Reads the configuration; throws a ConfigError listing every problem. */
export function loadConfig(overrides: ConfigOverrides = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const configFile = overrides.configFile ?? env.VIGIE_CONFIG;
  const fromFile = configFile ? readFile(configFile, problems) : {};
  const source: Record<string, { value: unknown; from: string }> = {};
  for (const [key, value] of Object.entries(DEFAULTS)) source[key] = { value, from: 'default' };
  for (const [key, value] of Object.entries(fromFile)) source[key] = { value, from: `${configFile}: ${key}` };
  for (const [key, name] of Object.entries(ENV_NAMES)) {
    const value = env[name];
    if (value !== undefined && value !== '') source[key] = { value, from: name };
  }
  for (const [key, value] of Object.entries(overrides)) {
    if (key !== 'configFile' && value !== undefined)
      source[key] = { value, from: `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` };
  }
  const raw = Object.fromEntries(Object.entries(source).map(([k, v]) => [k, v.value]));
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      if (issue.code === 'unrecognized_keys') {
        for (const unknown of issue.keys)
          problems.push(`${configFile}: ${unknown}: not a setting (see docs/configuration.md)`);
      } else problems.push(`${source[key]?.from ?? key}: ${issue.message}`);
    }
  }
  if (parsed.success && parsed.data.tokenDays > parsed.data.tokenMaxDays) {
    problems.push(
      `${source.tokenDays?.from}: the default token lifetime (${parsed.data.tokenDays} days) exceeds tokenMaxDays (${parsed.data.tokenMaxDays}, from ${source.tokenMaxDays?.from})`,
    );
  }
  if (problems.length) throw new ConfigError(problems);
  const config = parsed.data!;
  const dataDir = resolve(config.dataDir);
  return {
    ...config,
    dataDir,
    auditKeyFile: resolve(config.auditKeyFile ?? join(dataDir, 'audit.key')),
    auditCheckpointFile: resolve(config.auditCheckpointFile ?? join(dataDir, 'audit-checkpoints.jsonl')),
    sharingKeyFile: resolve(config.sharingKeyFile ?? join(dataDir, 'sharing-ed25519.pem')),
  };
}
