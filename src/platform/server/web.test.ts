/**
 * The bundle report counts JavaScript and CSS apart, raw and gzipped, and names the largest chunks; builds run one
 * at a time.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempFiles } from '../../../test/files.ts';
import { bundleSize, wantsWebPage, withBuildLock } from './web.ts';

const files = tempFiles();

describe('web bundle', () => {
  it('reports nothing, without failing, when there is no build', () => {
    expect(bundleSize(join(files.dir, 'nowhere'))).toMatchObject({
      js_kb: 0,
      css_kb: 0,
      chunks: 0,
      largest: [],
    });
  });

  it('measures JavaScript and CSS, raw and gzipped, largest chunks first', () => {
    const dir = join(files.dir, 'assets');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index-a.js'), 'x'.repeat(4096));
    writeFileSync(join(dir, 'echarts-b.js'), Array.from({ length: 4000 }, (_, i) => `${i * 7919}`).join(','));
    writeFileSync(join(dir, 'index-c.css'), 'a{}'.repeat(1024));
    writeFileSync(join(dir, 'logo.svg'), '<svg/>');
    const size = bundleSize(dir);
    expect(size.chunks).toBe(2);
    expect(size.css_kb).toBe(3);
    expect(size.js_kb).toBeGreaterThan(size.js_gzip_kb);
    expect(size.largest.map((f) => f.file)).toEqual(['echarts-b.js', 'index-a.js']);
  });

  it('builds one at a time: a second build waits for the first to end', async () => {
    const lock = join(files.dir, 'lock');
    const order: string[] = [];
    let release!: () => void;
    const first = withBuildLock(lock, async () => {
      order.push('first starts');
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      order.push('first ends');
    });
    const second = withBuildLock(lock, async () => {
      order.push('second');
    });
    await vi.waitFor(() => expect(order).toEqual(['first starts']));
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first starts', 'first ends', 'second']);
    expect(existsSync(lock)).toBe(false);
  });

  it('serves the workbench page only for browser navigations outside the API', () => {
    expect(wantsWebPage('GET', '/selection?office=301', 'text/html')).toBe(true);
    expect(wantsWebPage('GET', '/api/risk/decisions', 'text/html')).toBe(false);
    expect(wantsWebPage('POST', '/selection', 'text/html')).toBe(false);
  });
});
