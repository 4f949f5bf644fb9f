import { ApiProperty } from '@nestjs/swagger';
import { DateTimeString, NullableString } from '../../common/api-response.js';
import type {
  JournalistsImportResult,
  PressJournalist,
  PressJournalistList,
  PressOutlet,
  PressOutletList,
} from '../../contracts/press.js';
import { OUTLET_TYPES } from '../entities/press-outlet.entity.js';

export class PressOutletResponseDto implements PressOutlet {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: OUTLET_TYPES }) type: PressOutlet['type'];
  @NullableString({ description: 'Số giấy phép hoạt động báo chí' }) licenceNumber: string | null;
  @NullableString({ description: 'Cơ quan chủ quản' }) governingBody: string | null;
  @NullableString() address: string | null;
  @NullableString() phone: string | null;
  @NullableString() email: string | null;
  @NullableString() website: string | null;
  @NullableString({ format: 'uuid', description: 'Đơn vị có danh sách riêng; trống: danh sách của tỉnh' })
  orgUnitId: string | null;
  @ApiProperty() active: boolean;
  @DateTimeString() createdAt: string;
  @DateTimeString() updatedAt: string;
}

export class PressOutletListResponseDto implements PressOutletList {
  @ApiProperty({ type: [PressOutletResponseDto] }) items: PressOutletResponseDto[];
  @ApiProperty() total: number;
}

export class PressJournalistResponseDto implements PressJournalist {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ format: 'uuid' }) outletId: string;
  @NullableString() outletName: string | null;
  @NullableString({ description: 'Lĩnh vực theo dõi' }) beat: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ description: 'Liên hệ bị ẩn (chỉ bộ phận báo chí được xem)' }) contactsHidden: boolean;
  @NullableString({ required: false }) email?: string | null;
  @NullableString({ required: false }) phone?: string | null;
  @NullableString({ required: false, description: 'Số thẻ nhà báo' }) pressCardNumber?: string | null;
  @NullableString({ required: false, format: 'date' }) pressCardExpiresOn?: string | null;
}

export class PressJournalistListResponseDto implements PressJournalistList {
  @ApiProperty({ type: [PressJournalistResponseDto] }) items: PressJournalistResponseDto[];
  @ApiProperty() total: number;
}

export class JournalistsImportResultResponseDto implements JournalistsImportResult {
  @ApiProperty({ description: 'Chạy thử: không ghi gì' }) dryRun: boolean;
  @ApiProperty() outletsAdded: number;
  @ApiProperty() added: number;
  @ApiProperty() updated: number;
}
