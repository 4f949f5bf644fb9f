import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DateTimeString, NullableString } from '../../common/api-response.js';
import type {
  AuthorizedSpeaker,
  DirectoryImportResult,
  PeopleCsvImportResult,
  Person,
  PersonDetail,
  PersonSummary,
  Speaker,
  SpokespersonDesignation,
  UnitSpeakers,
} from '../../contracts/directory.js';
import { OrgUnitResponseDto, UnitSummaryResponseDto } from './org-unit.response.js';

/** The short form of a person embedded in other answers. */
export class PersonSummaryResponseDto implements PersonSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fullName: string;
  @ApiProperty() position: string;
  @ApiProperty({ format: 'uuid' }) orgUnitId: string;
  @NullableString() phone: string | null;
  @NullableString() email: string | null;
}

/** A person of the directory. */
export class PersonResponseDto extends PersonSummaryResponseDto implements Person {
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty() active: boolean;
  @DateTimeString() createdAt: string;
  @DateTimeString() updatedAt: string;
}

/** A spokesperson designation (or a matter-bound authorisation) of a person for a unit. */
export class SpokespersonDesignationResponseDto implements SpokespersonDesignation {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty({ format: 'uuid' }) orgUnitId: string;
  @ApiProperty({ enum: ['spokesperson', 'authorized'] }) kind: 'spokesperson' | 'authorized';
  @NullableString({ description: 'Vụ việc được ủy quyền (chỉ với authorized)' }) matter: string | null;
  @ApiProperty({ format: 'date' }) validFrom: string;
  @NullableString({ format: 'date' }) validTo: string | null;
  @ApiProperty() published: boolean;
  @NullableString({ description: 'Số quyết định' }) decisionRef: string | null;
  @NullableString({ format: 'uuid' }) grantedByPersonId: string | null;
  @DateTimeString() createdAt: string;
  @ApiPropertyOptional({ type: OrgUnitResponseDto }) orgUnit?: OrgUnitResponseDto;
}

export class DesignationPageResponseDto {
  @ApiProperty({ type: [SpokespersonDesignationResponseDto] }) items: SpokespersonDesignationResponseDto[];
  @ApiProperty() total: number;
}

/** A person as listed: with their unit. */
export class PersonListItemResponseDto extends PersonResponseDto {
  @ApiPropertyOptional({ type: OrgUnitResponseDto }) orgUnit?: OrgUnitResponseDto;
}

export class PersonPageResponseDto {
  @ApiProperty({ type: [PersonListItemResponseDto] }) items: PersonListItemResponseDto[];
  @ApiProperty() total: number;
}

/** A person with their unit and every designation they held or hold. */
export class PersonDetailResponseDto extends PersonResponseDto implements PersonDetail {
  @ApiPropertyOptional({ type: OrgUnitResponseDto }) orgUnit?: OrgUnitResponseDto;
  @ApiProperty({ type: [SpokespersonDesignationResponseDto] })
  designations: SpokespersonDesignationResponseDto[];
}

export class SpeakerResponseDto implements Speaker {
  @ApiProperty({ format: 'uuid' }) designationId: string;
  @ApiProperty({ type: PersonSummaryResponseDto }) person: PersonSummaryResponseDto;
  @ApiProperty({ format: 'date' }) validFrom: string;
  @NullableString({ format: 'date' }) validTo: string | null;
  @ApiProperty() published: boolean;
  @NullableString() decisionRef: string | null;
}

export class AuthorizedSpeakerResponseDto extends SpeakerResponseDto implements AuthorizedSpeaker {
  @ApiProperty() matter: string;
  @ApiProperty({ format: 'date' }) declare validTo: string;
  @ApiProperty({ type: PersonSummaryResponseDto, nullable: true }) grantedBy: PersonSummaryResponseDto | null;
}

export class SpeakerSuccessorResponseDto {
  @ApiProperty({ enum: ['merged_into', 'split_from', 'renamed_to'] }) kind: string;
  @ApiProperty({ format: 'date' }) effectiveOn: string;
  @ApiProperty({ type: UnitSummaryResponseDto }) unit: UnitSummaryResponseDto;
}

export class UnitSpeakersResponseDto implements UnitSpeakers {
  @ApiProperty({ type: UnitSummaryResponseDto }) orgUnit: UnitSummaryResponseDto;
  @ApiProperty({ format: 'date' }) on: string;
  @ApiProperty() unitValidOnDate: boolean;
  @ApiProperty({ type: [PersonSummaryResponseDto] }) heads: PersonSummaryResponseDto[];
  @ApiProperty({ type: [SpeakerResponseDto] }) spokespersons: SpeakerResponseDto[];
  @ApiProperty({ type: [AuthorizedSpeakerResponseDto] }) authorized: AuthorizedSpeakerResponseDto[];
  @ApiPropertyOptional({
    type: [SpeakerSuccessorResponseDto],
    description: 'Chỉ khi đơn vị không còn vào ngày hỏi',
  })
  successors?: SpeakerSuccessorResponseDto[];
}

export class ImportCountsResponseDto {
  @ApiProperty() orgUnits: number;
  @ApiProperty() capabilities: number;
  @ApiProperty() successions: number;
  @ApiProperty() people: number;
  @ApiProperty() designations: number;
}

export class DirectoryImportResultResponseDto implements DirectoryImportResult {
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ type: ImportCountsResponseDto }) counts: ImportCountsResponseDto;
}

export class PeopleCsvImportResultResponseDto implements PeopleCsvImportResult {
  @ApiProperty() dryRun: boolean;
  @ApiProperty() rows: number;
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
}
