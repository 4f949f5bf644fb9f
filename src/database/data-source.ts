import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { ENTITIES } from './entities.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

/** The one place the database connection is described; the app, the scripts and the tests use it. */
export function dataSourceOptions(url: string, opts: { logQueries?: boolean } = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    uuidExtension: 'pgcrypto',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // Failed queries surface as errors through the exception filter; full query logs only when asked.
    logging: opts.logQueries ? 'all' : false,
    extra: { max: 20, application_name: 'ungpho' },
  };
}

export function createDataSource(url: string): DataSource {
  return new DataSource(dataSourceOptions(url));
}

/** For the TypeORM CLI: `typeorm -d dist/src/database/data-source.js` (needs DATABASE_URL). */
export default createDataSource(process.env.DATABASE_URL ?? 'postgres://localhost/ungpho');
