/**
 * npm run migration:generate -- Name
 * Applies pending migrations to the configured database (DATABASE_URL, or the embedded one in .data/postgres),
 * diffs the entities against it and writes migrations/<timestamp>-<Name>.ts, registered in migrations/index.ts.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createDataSource } from '../src/database/data-source.js';
import { runMigrationsLocked } from '../src/database/migrate.js';
import { withDatabaseUrl } from './database-url.js';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
  console.error('Cách dùng: npm run migration:generate -- TenMigrationPascalCase');
  process.exit(1);
}

// The script runs from dist/scripts; sources live at the project root.
const root = path.resolve(import.meta.dirname, '../..');

await withDatabaseUrl(async (url) => {
  const ds = createDataSource(url);
  await ds.initialize();
  try {
    await runMigrationsLocked(ds);
    const sql = await ds.driver.createSchemaBuilder().log();
    if (!sql.upQueries.length) {
      console.log('Không có thay đổi nào giữa entity và cơ sở dữ liệu: không tạo migration.');
      return;
    }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const q = (s: string) =>
      '`' + s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
    const up = sql.upQueries.map((x) => `    await queryRunner.query(${q(x.query)});`).join('\n');
    const down = sql.downQueries
      .reverse()
      .map((x) => `    await queryRunner.query(${q(x.query)});`)
      .join('\n');
    const file = `${timestamp}-${name}`;
    const body = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${up}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${down}
  }
}
`;
    await writeFile(path.join(root, 'migrations', `${file}.ts`), body);
    const indexPath = path.join(root, 'migrations', 'index.ts');
    let index = existsSync(indexPath) ? await readFile(indexPath, 'utf8') : '';
    index = index.replace(/(\n\/\*\*)/, `\nimport { ${className} } from './${file}.js';$1`);
    index = index.replace(
      /export const MIGRATIONS(.*?) = \[([\s\S]*?)\];/,
      (_m, type: string, list: string) => {
        const items = list
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        items.push(className);
        return `export const MIGRATIONS${type} = [\n${items.map((i) => `  ${i},`).join('\n')}\n];`;
      },
    );
    await writeFile(indexPath, index);
    console.log(
      `Đã tạo migrations/${file}.ts (${sql.upQueries.length} câu lệnh). Hãy đọc lại trước khi commit.`,
    );
  } finally {
    await ds.destroy();
  }
});
