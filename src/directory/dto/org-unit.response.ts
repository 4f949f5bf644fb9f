import { ApiProperty } from '@nestjs/swagger';
import { DateTimeString, NullableString } from '../../common/api-response.js';
import type {
  Lineage,
  LineageStep,
  OrgUnit,
  OrgUnitCapability,
  OrgUnitDetail,
  OrgUnitList,
  OrgUnitListItem,
  OrgUnitSuccession,
  SuccessionLink,
  UnitSummary,
} from '../../contracts/directory.js';
import { Capability } from '../entities/org-unit-capability.entity.js';
import { SuccessionKind } from '../entities/org-unit-succession.entity.js';
import { OrgUnitType } from '../entities/org-unit.entity.js';

export class UnitSummaryResponseDto implements UnitSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: OrgUnitType }) unitType: string;
  @ApiProperty({ format: 'date' }) validFrom: string;
  @NullableString({ format: 'date' }) validTo: string | null;
}

export class OrgUnitResponseDto implements OrgUnit {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @NullableString() shortName: string | null;
  @ApiProperty({ enum: OrgUnitType }) unitType: string;
  @NullableString({ format: 'uuid' }) parentId: string | null;
  @ApiProperty({ format: 'date' }) validFrom: string;
  @NullableString({ format: 'date' }) validTo: string | null;
  @NullableString() address: string | null;
  @NullableString() phone: string | null;
  @NullableString() email: string | null;
  @NullableString() website: string | null;
  @DateTimeString() createdAt: string;
  @DateTimeString() updatedAt: string;
}

export class OrgUnitCapabilityResponseDto implements OrgUnitCapability {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) orgUnitId: string;
  @ApiProperty({ enum: Capability }) capability: string;
  @ApiProperty({ format: 'date' }) validFrom: string;
  @NullableString({ format: 'date' }) validTo: string | null;
  @NullableString({ description: 'Căn cứ pháp lý' }) legalBasis: string | null;
  @DateTimeString() createdAt: string;
}

export class HeldCapabilityResponseDto extends OrgUnitCapabilityResponseDto {
  @ApiProperty({ description: 'Có giữ chức năng vào ngày hỏi không' }) heldOnDate: boolean;
}

export class OrgUnitListItemResponseDto extends OrgUnitResponseDto implements OrgUnitListItem {
  @ApiProperty({ type: [OrgUnitCapabilityResponseDto], description: 'Chức năng giữ vào ngày hỏi' })
  capabilities: OrgUnitCapabilityResponseDto[];
}

export class OrgUnitListResponseDto implements OrgUnitList {
  @ApiProperty({ format: 'date' }) on: string;
  @ApiProperty({ type: [OrgUnitListItemResponseDto] }) items: OrgUnitListItemResponseDto[];
  @ApiProperty() total: number;
}

export class SuccessionLinkResponseDto implements SuccessionLink {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SuccessionKind }) kind: string;
  @ApiProperty({ format: 'date' }) effectiveOn: string;
  @NullableString() note: string | null;
  @ApiProperty({ type: UnitSummaryResponseDto }) unit: UnitSummaryResponseDto;
}

export class OrgUnitDetailResponseDto extends OrgUnitResponseDto implements OrgUnitDetail {
  @ApiProperty({ format: 'date' }) on: string;
  @ApiProperty() validOnDate: boolean;
  @ApiProperty({ type: UnitSummaryResponseDto, nullable: true }) parent: UnitSummaryResponseDto | null;
  @ApiProperty({ type: [HeldCapabilityResponseDto] }) capabilities: HeldCapabilityResponseDto[];
  @ApiProperty({ type: [UnitSummaryResponseDto] }) children: UnitSummaryResponseDto[];
  @ApiProperty({ type: [SuccessionLinkResponseDto] }) successors: SuccessionLinkResponseDto[];
  @ApiProperty({ type: [SuccessionLinkResponseDto] }) predecessors: SuccessionLinkResponseDto[];
}

export class OrgUnitSuccessionResponseDto implements OrgUnitSuccession {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) predecessorId: string;
  @ApiProperty({ format: 'uuid' }) successorId: string;
  @ApiProperty({ enum: SuccessionKind }) kind: string;
  @ApiProperty({ format: 'date' }) effectiveOn: string;
  @NullableString() note: string | null;
  @DateTimeString() createdAt: string;
}

export class LineageStepResponseDto implements LineageStep {
  @ApiProperty({ type: UnitSummaryResponseDto }) unit: UnitSummaryResponseDto;
  @ApiProperty({ enum: SuccessionKind }) kind: string;
  @ApiProperty({ format: 'date' }) effectiveOn: string;
  @NullableString() note: string | null;
  @ApiProperty({ description: '1: liên kết trực tiếp; 2: tiền thân của tiền thân; …' }) depth: number;
  @ApiProperty({ format: 'uuid' }) linkedUnitId: string;
}

export class LineageResponseDto implements Lineage {
  @ApiProperty({ type: UnitSummaryResponseDto }) unit: UnitSummaryResponseDto;
  @ApiProperty({ type: [LineageStepResponseDto] }) predecessors: LineageStepResponseDto[];
  @ApiProperty({ type: [LineageStepResponseDto] }) successors: LineageStepResponseDto[];
}
