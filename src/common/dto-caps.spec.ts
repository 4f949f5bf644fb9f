import 'reflect-metadata';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata.js';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Every file that declares request DTOs: the dto/ folders and the few DTOs kept next to their module. */
function dtoFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return dtoFiles(full);
    const isDto = (/[/\\]dto[/\\]/.test(full) || name.endsWith('.dto.ts')) && !name.endsWith('.spec.ts');
    return isDto && name.endsWith('.ts') ? [full] : [];
  });
}

/** Constraints that bound a string's length by themselves. */
const STRING_CAPS = new Set([
  'maxLength',
  'length',
  'isUuid',
  'isEnum',
  'isIn',
  'isEmail',
  'isIso8601',
  'isDateString',
  'isUrl',
  'isMilitaryTime',
  'isHexColor',
  'isBoolean',
  'isInt',
  'isNumber',
]);

/** A `matches` pattern caps the length when it is anchored and every quantifier is bounded. */
function boundedPattern(meta: ValidationMetadata): boolean {
  const re = meta.constraints?.[0] as RegExp | string | undefined;
  const source = re instanceof RegExp ? re.source : String(re ?? '');
  return source.startsWith('^') && source.endsWith('$') && !/(?<!\\)[+*]|\{\d+,\}/.test(source);
}

describe('request DTOs', () => {
  it('cap every string, array and number field (length, element count, range), so no field takes unbounded input', async () => {
    const files = dtoFiles(SRC);
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) await import(pathToFileURL(f).href);
    const storage = getMetadataStorage() as unknown as {
      validationMetadatas: Map<object, ValidationMetadata[]>;
    };
    const uncapped: string[] = [];
    let fields = 0;
    for (const [target, metas] of storage.validationMetadatas) {
      const byProperty = new Map<string, ValidationMetadata[]>();
      for (const m of metas) byProperty.set(m.propertyName, [...(byProperty.get(m.propertyName) ?? []), m]);
      for (const [property, list] of byProperty) {
        fields++;
        const names = list.map((m) => m.name ?? (m.type === 'nestedValidation' ? 'nested' : m.type));
        const isArray = names.includes('isArray') || list.some((m) => m.each);
        const isString = list.some((m) => m.name === 'isString');
        const where = `${(target as { name: string }).name}.${property}`;
        if (isArray && !names.includes('arrayMaxSize'))
          uncapped.push(`${where}: array without @ArrayMaxSize`);
        // @ValidateNested lets a missing object through: it must be declared required or optional.
        const nested = list.some((m) => m.type === 'nestedValidation');
        const required = list.some(
          (m) =>
            m.type === 'isDefined' || m.type === 'conditionalValidation' || (m.name === 'isArray' && !m.each),
        );
        if (nested && !required) uncapped.push(`${where}: nested object neither @IsDefined nor @IsOptional`);
        const isNumber = list.some((m) => m.name === 'isInt' || m.name === 'isNumber');
        if (isNumber && !(names.includes('max') && names.includes('min')))
          uncapped.push(`${where}: number without @Min and @Max`);
        if (isString) {
          const capped = list.some(
            (m) => STRING_CAPS.has(m.name ?? '') || (m.name === 'matches' && boundedPattern(m)),
          );
          if (!capped) uncapped.push(`${where}: string without @MaxLength`);
        }
      }
    }
    expect(fields).toBeGreaterThan(100);
    expect(uncapped).toEqual([]);
  });
});
