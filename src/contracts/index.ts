/** The API's contracts (see README.md): `import type { Incident } from '…/contracts/index.js'`. */
export * from './enums.js';
export * from './labels.js';
export type * from './incidents.js';
export type * from './signals.js';
export type * from './detection.js';
export type * from './working-groups.js';
export type * from './statements.js';
export type * from './playbooks.js';
export * from './signal-imports.js';
export type * from './audit.js';
export type * from './health.js';
export type * from './auth.js';
export type * from './directory.js';
export type * from './notifications.js';
export type * from './officer-reports.js';
export type * from './press.js';
export type * from './reports.js';
