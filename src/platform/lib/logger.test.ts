import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { createLogger } from './logger.ts';

it('never writes passwords, tokens, cookies or database URLs', () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const logger = createLogger('info', sink);
  logger.info(
    {
      password: 'hunter2-password',
      user: { password: 'nested-secret' },
      token: 'vt_abc',
      req: { headers: { authorization: 'Bearer vt_secret', cookie: 'vigie_session=vs_secret' } },
      databaseUrl: 'postgres://u:pw@h/db',
    },
    'something happened',
  );
  const out = lines.join('');
  expect(out).toContain('something happened');
  for (const secret of ['hunter2-password', 'nested-secret', 'vt_abc', 'vt_secret', 'vs_secret', 'pw@h']) {
    expect(out).not.toContain(secret);
  }
});
