import { ApiProperty } from '@nestjs/swagger';
import { DateTimeString, NullableDateTime, NullableString } from '../../common/api-response.js';
import { DATE_FORMATS, MAPPABLE_FIELDS } from '../../contracts/signal-imports.js';
import type {
  DateFormat,
  ImportMapping,
  ImportPreview,
  ImportProblem,
  MappableField,
  SavedImportMapping,
  SignalImportDetail,
  SignalImportJob,
} from '../../contracts/signal-imports.js';

/** A source's column mapping. */
export class ImportMappingResponseDto implements ImportMapping {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: `Field → the file's column header; fields: ${MAPPABLE_FIELDS.join(', ')}`,
  })
  columns: Partial<Record<MappableField, string>>;
  @ApiProperty({ enum: DATE_FORMATS }) dateFormat: DateFormat;
  @ApiProperty({ example: '+07:00' }) utcOffset: string;
  @ApiProperty() defaultSourceType: string;
}

/** The source's saved mapping. */
export class SavedImportMappingResponseDto implements SavedImportMapping {
  @ApiProperty({ type: ImportMappingResponseDto, nullable: true }) mapping: ImportMappingResponseDto | null;
}

/** A problem of a row or of the mapping. */
export class ImportProblemResponseDto implements ImportProblem {
  @NullableString({ description: "The file's column; null: the row's or the mapping's own" }) column:
    string | null;
  @ApiProperty() reason: string;
}

/** One uploaded file and its import. */
export class SignalImportJobResponseDto implements SignalImportJob {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) sourceId: string;
  @ApiProperty({ format: 'uuid' }) createdByUserId: string;
  @ApiProperty() fileName: string;
  @ApiProperty({ enum: ['csv', 'xlsx'] }) format: 'csv' | 'xlsx';
  @ApiProperty() sizeBytes: number;
  @ApiProperty() sha256: string;
  @ApiProperty({ type: [String] }) headers: string[];
  @ApiProperty({ enum: ['uploaded', 'running', 'done', 'failed'] }) status:
    'uploaded' | 'running' | 'done' | 'failed';
  @ApiProperty({ type: ImportMappingResponseDto, nullable: true }) mapping: ImportMappingResponseDto | null;
  @ApiProperty() rowsRead: number;
  @ApiProperty() accepted: number;
  @ApiProperty() duplicates: number;
  @ApiProperty() rejected: number;
  @NullableString({ description: 'Why the whole import was refused (nothing written)' }) fatalError:
    string | null;
  @DateTimeString() createdAt: string;
  @NullableDateTime() startedAt: string | null;
  @NullableDateTime() finishedAt: string | null;
}

/** A refused row. */
export class ImportRowErrorResponseDto {
  @ApiProperty({ description: 'As the spreadsheet numbers it (header = 1)' }) rowNumber: number;
  @NullableString() column: string | null;
  @ApiProperty() reason: string;
}

/** An import with its first row errors. */
export class SignalImportDetailResponseDto extends SignalImportJobResponseDto implements SignalImportDetail {
  @ApiProperty({ type: [ImportRowErrorResponseDto] }) errors: ImportRowErrorResponseDto[];
}

/** A previewed row. */
export class ImportPreviewRowResponseDto {
  @ApiProperty() rowNumber: number;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Header → cell' })
  values: Record<string, string | number | boolean | null>;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'The mention the row becomes (the fields of POST /api/signals); null when it has errors',
  })
  item: Record<string, unknown> | null;
  @ApiProperty({ type: [ImportProblemResponseDto] }) errors: ImportProblemResponseDto[];
}

/** What the first rows become with a mapping. */
export class ImportPreviewResponseDto implements ImportPreview {
  @ApiProperty({ format: 'uuid' }) importId: string;
  @ApiProperty({ type: [String] }) headers: string[];
  @ApiProperty({ type: ImportMappingResponseDto, nullable: true }) mapping: ImportMappingResponseDto | null;
  @ApiProperty({ type: [ImportProblemResponseDto] }) mappingProblems: ImportProblemResponseDto[];
  @ApiProperty({ type: [ImportPreviewRowResponseDto] }) rows: ImportPreviewRowResponseDto[];
}
