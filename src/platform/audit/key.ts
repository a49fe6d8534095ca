/**
 * The audit key: a secret kept outside the database (a file of the data folder by default, mode 0600, or the file
 * `VIGIE_AUDIT_KEY_FILE` names) that seals every audit entry and every checkpoint. Someone who can write to the
 * database but not read that file can alter an entry and recompute the hash chain, but cannot make the seals
 * match, so `vigie audit verify` names what they touched (docs/security.md, the threat model).
 *
 * The file holds one key a line (64 hexadecimal digits); the first seals new entries, the others only verify older
 * ones (after `vigie audit key rotate`). Each entry records the id of its key (a hash of it, never the key).
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface AuditKeyring {
  /** The key that seals new entries. */
  readonly current: { id: string; key: Buffer };
  /** Every key of the file by id, the current one included. */
  readonly keys: ReadonlyMap<string, Buffer>;
  /** Where the keys came from, safe to print. */
  readonly source: string;
}

/** A key's public name: enough to tell keys apart, nothing about the key. */
export function auditKeyId(key: Buffer): string {
  return createHash('sha256').update('vigie-audit-key-id\n').update(key).digest('hex').slice(0, 16);
}

export function parseKeyring(text: string, source: string): AuditKeyring {
  const keys = new Map<string, Buffer>();
  let current: { id: string; key: Buffer } | undefined;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    if (!/^[0-9a-f]{64}$/i.test(line)) {
      throw new Error(
        `${source}:${index + 1}: expected an audit key of 64 hexadecimal digits (the line is not shown)`,
      );
    }
    const key = Buffer.from(line, 'hex');
    const id = auditKeyId(key);
    keys.set(id, key);
    current ??= { id, key };
  });
  if (!current) throw new Error(`${source}: holds no audit key`);
  return { current, keys, source };
}

const HEADER = [
  '# Vigie audit keys: the first line seals new audit entries, the others verify older ones.',
  '# Keep this file outside the database and its backups; losing it loses the proof, not the data.',
];

/** Reads the key file; with `create`, makes one (a new random key, readable by its owner only) when missing. */
export function loadAuditKeyring(path: string, options: { create: boolean }): AuditKeyring | null {
  if (!existsSync(path)) {
    if (!options.create) return null;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${[...HEADER, randomBytes(32).toString('hex')].join('\n')}\n`, {
      mode: 0o600,
      flag: 'wx',
    });
  }
  return parseKeyring(readFileSync(path, 'utf8'), path);
}

/** Puts a new key first in the file; the older keys stay to verify the entries they sealed. */
export function rotateAuditKey(path: string): AuditKeyring {
  const old = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const kept = old.split('\n').filter((l) => l.trim() && !l.startsWith('#'));
  writeFileSync(path, `${[...HEADER, randomBytes(32).toString('hex'), ...kept].join('\n')}\n`, {
    mode: 0o600,
  });
  chmodSync(path, 0o600);
  return parseKeyring(readFileSync(path, 'utf8'), path);
}

let installed: AuditKeyring | null = null;

/**
 * Makes `keyring` the one this process seals with. Every entry point that opens the database for work (the CLI's
 * context, `serve`, the test harness) installs one; without it entries are chained but not sealed.
 */
export function installAuditKeyring(keyring: AuditKeyring | null): void {
  installed = keyring;
}

export function auditKeyring(): AuditKeyring | null {
  return installed;
}
