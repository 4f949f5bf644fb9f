import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MENTION_SOURCE_TYPES } from '../../signals/mention-item.validator.js';
import type { MentionSourceType } from '../../signals/mention-item.validator.js';
import { DATE_FORMATS } from '../import-mapping.js';
import type { DateFormat } from '../import-mapping.js';

const header = () => [IsOptional(), IsString(), MinLength(1), MaxLength(255)];
const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) => {
    for (const d of decorators) d(target, key);
  };

/** Which header of the file feeds each field; at least one of text or title. */
export class ImportColumnsDto {
  @ApiPropertyOptional({ example: 'Nội dung' }) @apply(header()) text?: string;
  @ApiPropertyOptional({ example: 'Tiêu đề' }) @apply(header()) title?: string;
  @ApiPropertyOptional({ example: 'Đường dẫn' }) @apply(header()) url?: string;
  @ApiPropertyOptional({ example: 'Thời gian đăng' }) @apply(header()) publishedAt?: string;
  @ApiPropertyOptional({ example: 'Tác giả' }) @apply(header()) author?: string;
  @ApiPropertyOptional({ example: 'Trang/Kênh' }) @apply(header()) outlet?: string;
  @ApiPropertyOptional() @apply(header()) platform?: string;
  @ApiPropertyOptional({ example: 'Loại nguồn' }) @apply(header()) sourceType?: string;
  @ApiPropertyOptional({ example: 'Sắc thái' }) @apply(header()) sentiment?: string;
  @ApiPropertyOptional() @apply(header()) sentimentScore?: string;
  @ApiPropertyOptional({ example: 'Lượt tiếp cận' }) @apply(header()) reach?: string;
  @ApiPropertyOptional() @apply(header()) reactions?: string;
  @ApiPropertyOptional() @apply(header()) comments?: string;
  @ApiPropertyOptional() @apply(header()) shares?: string;
  @ApiPropertyOptional() @apply(header()) followers?: string;
  @ApiPropertyOptional({ example: 'ID' }) @apply(header()) externalId?: string;
  @ApiPropertyOptional() @apply(header()) fakeNewsLabel?: string;
  @ApiPropertyOptional() @apply(header()) geoCode?: string;
}

export class ImportMappingDto {
  @ApiProperty({ type: ImportColumnsDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ImportColumnsDto)
  columns: ImportColumnsDto;

  @ApiProperty({ enum: DATE_FORMATS, example: 'dd/MM/yyyy HH:mm' })
  @IsIn(DATE_FORMATS)
  dateFormat: DateFormat;

  @ApiProperty({ example: '+07:00', description: 'Múi giờ của các thời điểm ghi không kèm múi giờ' })
  @IsString()
  @MaxLength(6)
  @Matches(/^[+-](0\d|1[0-4]):[0-5]\d$/, { message: 'utcOffset phải có dạng +07:00' })
  utcOffset: string;

  @ApiProperty({ enum: MENTION_SOURCE_TYPES, example: 'social' })
  @IsIn(MENTION_SOURCE_TYPES)
  defaultSourceType: MentionSourceType;
}

export class PreviewImportDto {
  @ApiPropertyOptional({
    type: ImportMappingDto,
    description: 'Thử một cách ghép cột; mặc định: cách đã lưu',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ImportMappingDto)
  mapping?: ImportMappingDto;
}

export class StartImportDto {
  @ApiPropertyOptional({ type: ImportMappingDto, description: 'Mặc định: cách ghép đã lưu của nguồn' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ImportMappingDto)
  mapping?: ImportMappingDto;

  @ApiPropertyOptional({ description: 'Lưu cách ghép cột này cho nguồn (mặc định: có)' })
  @IsOptional()
  @IsBoolean()
  saveMapping?: boolean;
}

/** Multipart fields beside the file. */
export class UploadImportDto {
  @ApiProperty()
  @IsUUID()
  sourceId: string;
}

export class ListImportsQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  sourceId?: string;
}
