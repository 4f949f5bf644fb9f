/** npm run migration:run: applies pending migrations to DATABASE_URL (or the embedded database). */
import { createDataSource } from '../src/database/data-source.js';
import { runMigrationsLocked } from '../src/database/migrate.js';
import { withDatabaseUrl } from './database-url.js';

await withDatabaseUrl(async (url) => {
  const ds = createDataSource(url);
  await ds.initialize();
  try {
    const applied = await runMigrationsLocked(ds);
    console.log(
      applied.length ? `Đã áp dụng: ${applied.map((m) => m.name).join(', ')}` : 'Không có migration mới.',
    );
  } finally {
    await ds.destroy();
  }
});
