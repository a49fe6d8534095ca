/**
 * Sealing set up for a process that works on the database: the key file read (made on first use), checked against
 * the trail (an installation whose entries are sealed with a key this process lacks must not go on writing with
 * another one: its entries would stop verifying), and installed for `appendAudit`; checkpoints written on the way.
 */
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { type Checkpoint, readCheckpoints, writeCheckpoint } from './checkpoints.ts';
import { type AuditKeyring, auditKeyring, installAuditKeyring, loadAuditKeyring } from './key.ts';
import { type VerifyReport, verifyAudit } from './store.ts';

export async function startAuditSealing(database: Database, config: Config): Promise<AuditKeyring> {
  const keyring = loadAuditKeyring(config.auditKeyFile, { create: true })!;
  const last = await database.db
    .selectFrom('audit_log')
    .select(['seq', 'key_id'])
    .where('key_id', 'is not', null)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (last?.key_id && !keyring.keys.has(last.key_id)) {
    throw new Error(
      `the audit trail is sealed with key ${last.key_id} (entry #${last.seq}), which ${keyring.source} does not hold: ` +
        'give every process of this installation the same key file (VIGIE_AUDIT_KEY_FILE)',
    );
  }
  installAuditKeyring(keyring);
  return keyring;
}

/** Writes a checkpoint of the trail's head when it moved; never fails the work it follows. */
export async function checkpointAudit(
  database: Database,
  config: Config,
  onError: (error: unknown) => void = () => {},
): Promise<Checkpoint | null> {
  try {
    return await writeCheckpoint(database.db, auditKeyring(), config.auditCheckpointFile);
  } catch (error) {
    onError(error);
    return null;
  }
}

/**
 * Verifies the installation's trail: with its key (seals), against its last checkpoint (a cut-off end, a chain
 * recomputed after seals were stripped), and the checkpoint file itself (an edited checkpoint is a problem too).
 */
export async function verifyInstallation(
  database: Database,
  config: Config,
  options: { expectHead?: { seq: number; hash: string }; onProgress?: (checked: number) => void } = {},
): Promise<VerifyReport> {
  const keyring = auditKeyring();
  const checkpoints = readCheckpoints(config.auditCheckpointFile, keyring);
  const report = await verifyAudit(database.db, { ...options, keyring, checkpoint: checkpoints.last });
  if (checkpoints.problems.length === 0) return report;
  const problems = [
    ...checkpoints.problems.map((message) => ({ seq: 0, kind: 'checkpoint' as const, message })),
    ...report.problems,
  ];
  return {
    ...report,
    ok: false,
    problems,
    problem: problems[0]!,
    problem_count: report.problem_count + checkpoints.problems.length,
  };
}
