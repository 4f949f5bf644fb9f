import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsISO8601,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { Capability } from '../entities/org-unit-capability.entity.js';
import { OrgUnitType } from '../entities/org-unit.entity.js';
import { SuccessionKind } from '../entities/org-unit-succession.entity.js';
import { DesignationKind } from '../entities/spokesperson-designation.entity.js';
import { ToBoolean } from './validators.js';
import {
  CODE_MESSAGE,
  CODE_PATTERN,
  IsDateOnly,
  NormalizeTags,
  TAG_MESSAGE,
  TAG_PATTERN,
  Trim,
  TrimLower,
} from './validators.js';
import { OrgUnitContactDto } from './org-unit.dto.js';

/**
 * The directory as one JSON document, for bulk import and export. Rows refer to units by official code
 * (plus the unit's validFrom when the code was reused over time) and to people by e-mail or by an
 * import-local key, never by database ids, so a document moves between installations.
 */
export const DIRECTORY_FORMAT = 'ungpho.directory/v1';

export class ImportOrgUnitRow extends OrgUnitContactDto {
  @ApiProperty({ example: 'AH-SVHTTDL' })
  @Trim()
  @IsString()
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  code: string;

  @ApiProperty()
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(255)
  name: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  shortName?: string | null;

  @ApiProperty({ enum: OrgUnitType })
  @IsEnum(OrgUnitType)
  unitType: OrgUnitType;

  @ApiPropertyOptional({ description: 'Mã của đơn vị cấp trên (trong tệp hoặc đã có trong CSDL)' })
  @IsOptional()
  @Trim()
  @IsString()
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  parentCode?: string | null;

  @ApiPropertyOptional({
    description: 'Ngày bắt đầu của đơn vị cấp trên, khi mã đó được dùng cho nhiều đơn vị',
  })
  @IsOptional()
  @IsDateOnly()
  parentValidFrom?: string | null;

  @ApiProperty()
  @IsDateOnly()
  validFrom: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsDateOnly()
  validTo?: string | null;
}

export class ImportCapabilityRow {
  @ApiProperty()
  @Trim()
  @IsString()
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  orgUnitCode: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsDateOnly()
  orgUnitValidFrom?: string | null;

  @ApiProperty({ enum: Capability })
  @IsEnum(Capability)
  capability: Capability;

  @ApiProperty()
  @IsDateOnly()
  validFrom: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsDateOnly()
  validTo?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  legalBasis?: string | null;
}

export class ImportSuccessionRow {
  @ApiProperty()
  @Trim()
  @IsString()
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  predecessorCode: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsDateOnly()
  predecessorValidFrom?: string | null;

  @ApiProperty()
  @Trim()
  @IsString()
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  successorCode: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsDateOnly()
  successorValidFrom?: string | null;

  @ApiProperty({ enum: SuccessionKind })
  @IsEnum(SuccessionKind)
  kind: SuccessionKind;

  @ApiProperty()
  @IsDateOnly()
  effectiveOn: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string | null;
}

export class ImportPersonRow {
  @ApiPropertyOptional({
    description: 'Khóa chỉ dùng trong tệp, để chỉ định phát ngôn tham chiếu khi không có e-mail',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  key?: string | null;

  @ApiProperty()
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  fullName: string;

  @ApiProperty()
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  position: string;

  @ApiProperty()
  @Trim()
  @IsString()
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  orgUnitCode: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsDateOnly()
  orgUnitValidFrom?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(50)
  phone?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @TrimLower()
  @IsEmail()
  @MaxLength(255)
  email?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @NormalizeTags()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(TAG_PATTERN, { each: true, message: TAG_MESSAGE })
  tags?: string[];

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class ImportDesignationRow {
  @ApiProperty({ description: 'E-mail hoặc khóa (key) của người trong phần people' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  person: string;

  @ApiProperty()
  @Trim()
  @IsString()
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  orgUnitCode: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsDateOnly()
  orgUnitValidFrom?: string | null;

  @ApiProperty({ enum: DesignationKind })
  @IsEnum(DesignationKind)
  kind: DesignationKind;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  matter?: string | null;

  @ApiProperty()
  @IsDateOnly()
  validFrom: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsDateOnly()
  validTo?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  published?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  decisionRef?: string | null;

  @ApiPropertyOptional({ description: 'E-mail hoặc khóa của người ký (người đứng đầu)' })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  grantedBy?: string | null;
}

export const IMPORT_SECTIONS = ['orgUnits', 'capabilities', 'successions', 'people', 'designations'] as const;
export type ImportSection = (typeof IMPORT_SECTIONS)[number];

/**
 * Body of POST /api/directory/import. Rows are validated one by one by the importer (so that every bad row
 * is reported with its section and index), hence the sections are only checked to be arrays here.
 */
/** Rows of one kind in one import: a province's directory is a few thousand rows. */
const MAX_IMPORT_ROWS = 20_000;

export class DirectoryDocumentDto {
  @ApiPropertyOptional({ example: DIRECTORY_FORMAT })
  @IsOptional()
  @IsIn([DIRECTORY_FORMAT], { message: `chỉ hỗ trợ định dạng ${DIRECTORY_FORMAT}` })
  format?: string;

  @ApiPropertyOptional({ description: 'Có trong tệp xuất; bỏ qua khi nhập' })
  @IsOptional()
  @IsISO8601()
  exportedAt?: string;

  @ApiPropertyOptional({ type: [ImportOrgUnitRow] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_IMPORT_ROWS)
  orgUnits?: unknown[];

  @ApiPropertyOptional({ type: [ImportCapabilityRow] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_IMPORT_ROWS)
  capabilities?: unknown[];

  @ApiPropertyOptional({ type: [ImportSuccessionRow] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_IMPORT_ROWS)
  successions?: unknown[];

  @ApiPropertyOptional({ type: [ImportPersonRow] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_IMPORT_ROWS)
  people?: unknown[];

  @ApiPropertyOptional({ type: [ImportDesignationRow] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_IMPORT_ROWS)
  designations?: unknown[];
}

/** A document as the exporter writes it and as code (the demo province) builds it. */
export interface DirectoryDocument {
  format?: string;
  exportedAt?: string;
  orgUnits?: ImportOrgUnitRow[];
  capabilities?: ImportCapabilityRow[];
  successions?: ImportSuccessionRow[];
  people?: ImportPersonRow[];
  designations?: ImportDesignationRow[];
}

export class ImportQueryDto {
  @ApiPropertyOptional({ default: false, description: 'Chỉ kiểm tra, không ghi gì' })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  dryRun?: boolean;
}
