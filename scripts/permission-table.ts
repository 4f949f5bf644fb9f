/**
 * npm run permissions:readme: writes the route table generated from src/access/permissions.ts between
 * `<!-- permissions:start -->` and `<!-- permissions:end -->` in src/access/README.md (run prettier on it after;
 * test/architecture/permission-table.spec.ts checks the copy).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { permissionTableMarkdown } from '../src/access/permissions.js';

const path = 'src/access/README.md';
const readme = readFileSync(path, 'utf8');
const block = /(<!-- permissions:start -->)[\s\S]*?(<!-- permissions:end -->)/;
if (!block.test(readme)) throw new Error(`${path}: no permissions:start / permissions:end markers`);
writeFileSync(
  path,
  readme.replace(
    block,
    (_m, start: string, end: string) => `${start}\n\n${permissionTableMarkdown()}\n\n${end}`,
  ),
);
console.log(`${path}: route table written`);
