import { MigrationInterface } from 'typeorm';

import { Initial1795392610181 } from './1795392610181-Initial.js';
import { Incidents1795393305710 } from './1795393305710-Incidents.js';
/**
 * All migrations in order. `npm run migration:generate -- Name` writes a new file here and adds it to this list.
 */
export const MIGRATIONS: (new () => MigrationInterface)[] = [Initial1795392610181, Incidents1795393305710];
