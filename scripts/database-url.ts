import { loadConfig } from '../src/config/app-config.js';
import { startEmbeddedDatabase } from '../src/database/embedded-database.js';

/** Runs fn with DATABASE_URL, or with the embedded PostgreSQL of .data/postgres started for the occasion. */
export async function withDatabaseUrl(fn: (url: string) => Promise<void>): Promise<void> {
  const config = loadConfig();
  if (config.databaseUrl) return fn(config.databaseUrl);
  const db = await startEmbeddedDatabase(config.embeddedPgDir);
  try {
    await fn(db.url);
  } finally {
    await db.stop();
  }
}
