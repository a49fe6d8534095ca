/**
 * Ed25519 keys (Node's crypto): this installation's key pair and partners' public keys.
 *
 * The private key is a PKCS#8 PEM file outside the database (`sharingKeyFile`, default
 * `<dataDir>/sharing-ed25519.pem`), created once with mode 0600 — the same care as the audit key
 * (platform/audit/key.ts): someone who can write to the database but not read that file cannot sign in this
 * installation's name. Its content is never printed, logged or put in an error message. The public key is
 * recorded in `sharing_installation_keys`, so that an exported ledger carries every key it was signed with.
 *
 * A key's id is the first 32 hexadecimal digits of the SHA-256 of its 32 raw bytes: enough to tell keys apart and
 * for a person to compare over the telephone.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/lib/errors.ts';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 raw bytes follow. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export interface InstallationKey {
  readonly keyId: string;
  readonly publicKey: KeyObject;
  /** SPKI PEM: what partners are given. */
  readonly publicPem: string;
  readonly privateKey: KeyObject;
  /** Where the private key lives, safe to print. */
  readonly source: string;
}

export function rawPublicKey(key: KeyObject): Buffer {
  const der = key.export({ type: 'spki', format: 'der' });
  return der.subarray(der.length - 32);
}

export function keyIdOf(key: KeyObject): string {
  return createHash('sha256').update(rawPublicKey(key)).digest('hex').slice(0, 32);
}

export function publicPemOf(key: KeyObject): string {
  return key.export({ type: 'spki', format: 'pem' }).toString();
}

/**
 * A partner's public key from what it gave: an SPKI PEM (`-----BEGIN PUBLIC KEY-----`), or base64 of the 32 raw
 * bytes, or base64 of the SPKI DER. 400 `sharing.bad_public_key` for anything else (an RSA key, a private key…).
 */
export function parsePublicKey(text: string): KeyObject {
  const trimmed = text.trim();
  const bad = (why: string) =>
    new AppError(
      'sharing.bad_public_key',
      `expected an Ed25519 public key as PEM or base64 of its 32 raw bytes: ${why}`,
      400,
    );
  if (/PRIVATE KEY/.test(trimmed)) throw bad('this is a private key; give the public one only');
  let key: KeyObject;
  try {
    if (trimmed.startsWith('-----BEGIN')) key = createPublicKey({ key: trimmed, format: 'pem' });
    else {
      if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) throw bad('neither PEM nor base64');
      const bytes = Buffer.from(trimmed, 'base64');
      const der =
        bytes.length === 32
          ? Buffer.concat([SPKI_PREFIX, bytes])
          : bytes.length === 44 && bytes.subarray(0, 12).equals(SPKI_PREFIX)
            ? bytes
            : null;
      if (!der) throw bad(`${bytes.length} bytes after base64 decoding, expected 32`);
      key = createPublicKey({ key: der, format: 'der', type: 'spki' });
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw bad('it cannot be read');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw bad(`it is a ${key.asymmetricKeyType} key`);
  return key;
}

/** Ed25519 signature of a text, base64. */
export function signText(privateKey: KeyObject, text: string): string {
  return sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64');
}

/** A base64 Ed25519 signature's 64 bytes, or null when it is not one. */
function signatureBytes(signature: string): Buffer | null {
  if (typeof signature !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(signature)) return null;
  const bytes = Buffer.from(signature, 'base64');
  return bytes.length === 64 ? bytes : null;
}

/** Whether `signature` (base64) is `publicKey`'s signature of the text; false for anything malformed. */
export function verifyText(publicKey: KeyObject, text: string, signature: string): boolean {
  const bytes = signatureBytes(signature);
  if (!bytes) return false;
  try {
    return verify(null, Buffer.from(text, 'utf8'), publicKey, bytes);
  } catch {
    return false;
  }
}

/**
 * `verifyText` in libuv's thread pool (Node's `crypto.verify` with a callback): many signatures checked at once,
 * on every core, while the caller goes on (the offline ledger verification, docs/decisions/0020-sharing.md).
 */
export function verifyTextInPool(publicKey: KeyObject, text: string, signature: string): Promise<boolean> {
  const bytes = signatureBytes(signature);
  if (!bytes) return Promise.resolve(false);
  return new Promise((resolve) => {
    try {
      verify(null, Buffer.from(text, 'utf8'), publicKey, bytes, (error, ok) => resolve(!error && ok));
    } catch {
      resolve(false);
    }
  });
}

const loaded = new Map<string, InstallationKey>();

/**
 * This installation's key pair from its file; made (a new Ed25519 pair, mode 0600) when the file is missing. Two
 * processes starting at once both try an exclusive create: the loser reads the winner's key.
 */
export function loadInstallationKey(path: string): InstallationKey {
  const cached = loaded.get(path);
  if (cached) return cached;
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    try {
      writeFileSync(path, pem, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: readFileSync(path, 'utf8'), format: 'pem' });
  } catch {
    throw new Error(`${path}: not a PEM private key (its content is not shown)`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new Error(`${path}: holds a ${privateKey.asymmetricKeyType} key, expected Ed25519`);
  const publicKey = createPublicKey(privateKey);
  const key: InstallationKey = {
    keyId: keyIdOf(publicKey),
    publicKey,
    publicPem: publicPemOf(publicKey),
    privateKey,
    source: path,
  };
  loaded.set(path, key);
  return key;
}

const registered = new WeakMap<Database, Set<string>>();

/** The installation's key, its public half recorded in the database (once per process and database). */
export async function installationKey(database: Database, path: string): Promise<InstallationKey> {
  const key = loadInstallationKey(path);
  const seen = registered.get(database) ?? new Set<string>();
  if (!seen.has(key.keyId)) {
    await database.db
      .insertInto('sharing_installation_keys')
      .values({ key_id: key.keyId, public_key: key.publicPem })
      .onConflict((oc) => oc.column('key_id').doNothing())
      .execute();
    seen.add(key.keyId);
    registered.set(database, seen);
  }
  return key;
}

/** Every public key this installation has signed with, oldest first. */
export async function installationKeys(database: Database) {
  return database.db
    .selectFrom('sharing_installation_keys')
    .select(['key_id', 'public_key'])
    .orderBy('created_at')
    .orderBy('key_id')
    .execute();
}
