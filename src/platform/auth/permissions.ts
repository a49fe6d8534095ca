/**
 * Roles and what each may do. This table is the one source of truth: the HTTP hook enforces it, docs/security.md
 * shows it (a test keeps the two equal), and a test checks every registered route against it for every role.
 */

export const ROLES = ['admin', 'analyst', 'officer', 'investigator', 'liaison', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  session: 'be signed in: own session and API tokens',
  'declarations:read': 'read declarations, items and inspection outcomes',
  'partners:read': 'read manifests, payments, the company register and trademarks',
  'imports:read': 'see import runs and their results',
  'imports:write': 'import files (declarations, partner data)',
  'jobs:read': 'see background jobs and follow their progress',
  'jobs:manage': "cancel other users' jobs",
  'users:manage': 'create users, change roles, reset passwords, disable accounts',
  'audit:read': 'read and verify the audit trail',
  'retention:manage': 'see how long each kind of data is kept, and run the purge',
  'holds:read': 'see legal holds',
  'holds:manage': 'place and release legal holds (records no purge may remove)',
  'metrics:read': 'read /metrics when it is not public',
  'risk:read':
    "read rule profiles (without their sensitive intelligence), indicators, scores, decisions of one's office, rule statistics and campaigns",
  'risk:intelligence': 'see the sensitive intelligence behind rules, and the watchlists',
  'risk:manage':
    'write rule profiles (drafts), watchlists, office parameters, exchange rates and campaigns; run back-tests',
  'risk:activate': 'activate or retire a rule profile',
  'risk:select': 'run the daily selection (stores and audits decisions)',
  'risk:all_offices': "see decisions and selections of every office (others see their own office's only)",
  'risk:decide':
    'record inspection outcomes (of declaration items, and of the parcels assigned to oneself), override a channel with a reason, attach photos and documents, decide on valuation findings',
  'risk:attachments': 'see photos and documents attached to declarations and outcomes',
  'risk:integrity': 'read the integrity view: overrides, high-risk releases, outcomes per officer and office',
  'valuation:read': 'read reference values and valuation findings',
  'valuation:manage': 'rebuild reference values',
  'osint:read':
    'read online-monitoring sources, collected items and their evidence, sellers, alerts and watchlists; verify evidence',
  'models:read': 'read the model registry: versions, metrics, feature importance, drift and bias',
  'models:manage': 'train models, promote one to active or retire it',
  'osint:manage':
    'manage online-monitoring sources and watchlists, run collections, submit URLs, confirm or dismiss alerts',
  'cases:read':
    'read case files (links, tasks, notes, evidence, timeline, offence reports) and seizures, with their tax-loss estimates',
  'cases:manage':
    'open cases and move them through the workflow, add links (legal holds), tasks, notes and evidence, generate offence reports',
  'seizures:write':
    'record seizures (and import past ones), update amounts recovered and the fate of the goods',
  'reports:read':
    "read and export the director's figures: seizures, duties and fines recovered, cases by status and age",
  'graph:read':
    'read the link graph: entities, links and their provenance, neighbours, paths, communities, merge suggestions, risk signals (online-only entities need osint:read too)',
  'graph:manage':
    'build the link graph, add entities and links by hand, accept or reject merge suggestions, merge and split',
  'sharing:read':
    "read partner administrations and agencies, closed user groups, messages sent and received, the signed ledger and this installation's public key",
  'sharing:write':
    "add and change partners and closed user groups, preview and send messages (seizure reports split by the group's agreement on nominal data), record messages received, export and checkpoint the ledger",
  'assistance:read':
    'read mutual administrative assistance requests sent and received, overdue requests and the yearly counts',
  'assistance:manage':
    'open assistance requests, send them, record reminders, answers, refusals and withdrawals, close them',
  'parcels:read': 'read e-commerce parcels (advance data) with their pre-arrival scores and reasons',
  'parcels:write':
    'score parcels before arrival, change the parcel settings (threshold, window, referral scores), manage examiners and assignments, record the inspection outcome of any parcel (supervision)',
} as const;
export type Permission = keyof typeof PERMISSIONS;

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: 'administers the platform: users, configuration, everything else',
  analyst: 'targeting cell: imports, rules, models, selection',
  officer: 'controls goods: sees its selections, records inspection outcomes',
  investigator: 'online monitoring, the graph, cases',
  liaison: 'shares with partner administrations',
  auditor: 'reads everything, changes nothing, reads the audit trail',
};

const everything = Object.keys(PERMISSIONS) as Permission[];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: everything,
  analyst: [
    'session',
    'declarations:read',
    'partners:read',
    'imports:read',
    'imports:write',
    'jobs:read',
    'risk:read',
    'risk:intelligence',
    'risk:manage',
    'risk:activate',
    'risk:select',
    'risk:all_offices',
    'risk:decide',
    'risk:attachments',
    'risk:integrity',
    'valuation:read',
    'valuation:manage',
    'models:read',
    'models:manage',
    'reports:read',
    'graph:read',
    'parcels:read',
    'parcels:write',
  ],
  officer: [
    'session',
    'declarations:read',
    'partners:read',
    'risk:read',
    'risk:decide',
    'risk:attachments',
    'valuation:read',
    'cases:read',
    'seizures:write',
    'parcels:read',
  ],
  investigator: [
    'session',
    'declarations:read',
    'partners:read',
    'osint:read',
    'osint:manage',
    'holds:read',
    'holds:manage',
    'cases:read',
    'cases:manage',
    'seizures:write',
    'reports:read',
    'graph:read',
    'graph:manage',
    'parcels:read',
  ],
  liaison: ['session', 'sharing:read', 'sharing:write', 'assistance:read', 'assistance:manage'],
  auditor: [
    'session',
    'declarations:read',
    'partners:read',
    'imports:read',
    'jobs:read',
    'audit:read',
    'holds:read',
    'metrics:read',
    'risk:read',
    'risk:all_offices',
    'risk:attachments',
    'risk:integrity',
    'valuation:read',
    'osint:read',
    'models:read',
    'cases:read',
    'reports:read',
    'graph:read',
    'sharing:read',
    'assistance:read',
    'parcels:read',
  ],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role] ?? []));
}

/** The permission matrix as a Markdown table (docs/security.md carries this very text). */
export function permissionMatrixMarkdown(): string {
  const header = `| permission | ${ROLES.join(' | ')} |\n| --- | ${ROLES.map(() => ':---:').join(' | ')} |`;
  const rows = everything.map(
    (p) =>
      `| \`${p}\` — ${PERMISSIONS[p]} | ${ROLES.map((r) => (ROLE_PERMISSIONS[r].includes(p) ? '✔' : '')).join(' | ')} |`,
  );
  return [header, ...rows].join('\n');
}
