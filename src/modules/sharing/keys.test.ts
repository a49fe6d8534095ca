import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyIdOf, loadInstallationKey, parsePublicKey, rawPublicKey, signText, verifyText } from './keys.ts';

describe('Ed25519 keys', () => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');

  it('refuses what is not an Ed25519 public key, saying why', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const pem = (k: typeof rsa.publicKey) => k.export({ type: 'spki', format: 'pem' }).toString();
    expect(() => parsePublicKey(pem(rsa.publicKey))).toThrow(/it is a rsa key/);
    expect(() => parsePublicKey(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())).toThrow(
      /this is a private key/,
    );
    expect(() => parsePublicKey('not a key!')).toThrow(/neither PEM nor base64/);
    expect(() => parsePublicKey(Buffer.alloc(31).toString('base64'))).toThrow(/31 bytes .* expected 32/);
    expect(() => parsePublicKey('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----')).toThrow(
      /cannot be read/,
    );
    try {
      parsePublicKey('x');
    } catch (error) {
      expect(error).toMatchObject({ code: 'sharing.bad_public_key', status: 400 });
    }
  });

  it('reads a public key as PEM, raw base64 or SPKI DER base64, all of one id', () => {
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const raw = rawPublicKey(publicKey).toString('base64');
    const der = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    const ids = [pem, raw, der].map((text) => keyIdOf(parsePublicKey(text)));
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toMatch(/^[0-9a-f]{32}$/);
  });

  it('verifies its own signatures and nothing else', () => {
    const signature = signText(privateKey, 'hello');
    expect(verifyText(publicKey, 'hello', signature)).toBe(true);
    expect(verifyText(publicKey, 'hello!', signature)).toBe(false);
    expect(verifyText(generateKeyPairSync('ed25519').publicKey, 'hello', signature)).toBe(false);
    expect(verifyText(publicKey, 'hello', 'not base64 at all')).toBe(false);
    expect(verifyText(publicKey, 'hello', Buffer.alloc(64).toString('base64'))).toBe(false);
  });

  it("makes the installation's key once, readable by its owner only, and never shows a bad file's content", () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-sharing-key-'));
    const path = join(dir, 'sub', 'sharing.pem');
    const key = loadInstallationKey(path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toMatch(/BEGIN PRIVATE KEY/);
    expect(key.publicPem).toMatch(/BEGIN PUBLIC KEY/);
    expect(key.source).toBe(path);
    expect(loadInstallationKey(path).keyId).toBe(key.keyId);
    const bad = join(dir, 'bad.pem');
    writeFileSync(bad, 'SECRET-MATERIAL-1234');
    chmodSync(bad, 0o600);
    let message = '';
    try {
      loadInstallationKey(bad);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/not a PEM private key \(its content is not shown\)/);
    expect(message).not.toContain('SECRET-MATERIAL');
  });
});
