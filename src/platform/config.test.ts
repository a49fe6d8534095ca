import { describe, expect, it } from 'vitest';
import { tempFiles } from '../../test/files.ts';
import { ConfigError, configSchema, ENV_NAMES, loadConfig } from './config.ts';

const files = tempFiles();

describe('configuration', () => {
  it('lists every problem at once, naming where each value came from', () => {
    const file = files.write('bad.yaml', 'port: 99999\nsessionHours: 0\ncolour: blue\n');
    try {
      loadConfig(
        { configFile: file },
        { VIGIE_METRICS: 'sometimes', VIGIE_DATABASE_URL: 'mysql://x', VIGIE_COOKIE_SECURE: 'perhaps' },
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toContain(`${file}: colour: not a setting`);
      expect(problems).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: port: .*65535`));
      expect(problems).toMatch(/: sessionHours: .*>=1/);
      expect(problems).toMatch(/VIGIE_METRICS: .*"public"\|"authenticated"\|"off"/);
      expect(problems).toContain('VIGIE_DATABASE_URL: expected a postgres:// or postgresql:// URL');
      expect(problems).toMatch(/VIGIE_COOKIE_SECURE: /);
      expect((error as ConfigError).problems).toHaveLength(6);
    }
  });

  it('takes defaults, then the file, then the environment, then the command line', () => {
    const file = files.write('vigie.json', JSON.stringify({ port: 9000, logLevel: 'warn', tokenDays: 30 }));
    const config = loadConfig(
      { configFile: file, port: 9100 },
      { VIGIE_LOG_LEVEL: 'error', PORT: '9050', VIGIE_COOKIE_SECURE: 'yes' },
    );
    expect(config).toMatchObject({
      port: 9100,
      logLevel: 'error',
      tokenDays: 30,
      cookieSecure: true,
      sessionHours: 12,
      metrics: 'authenticated',
    });
    expect(config.dataDir).toMatch(/^\//);
  });

  it('reports an unreadable file', () => {
    expect(() => loadConfig({ configFile: '/nonexistent/vigie.yaml' }, {})).toThrow(
      /vigie.yaml: cannot be read/,
    );
  });

  it('names an environment variable for every setting, and docs/configuration.md documents each', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../../docs/configuration.md', import.meta.url), 'utf8');
    expect(Object.keys(ENV_NAMES).sort()).toEqual(Object.keys(configSchema.shape).sort());
    for (const [key, env] of Object.entries(ENV_NAMES)) {
      expect(doc, key).toContain(`\`${key}\``);
      expect(doc, env).toContain(`\`${env}\``);
    }
  });
});
