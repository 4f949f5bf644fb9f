import { ApiProperty } from '@nestjs/swagger';
import { DateTimeString, NullableString } from '../../common/api-response.js';
import type { Person, PersonSummary } from '../../contracts/directory.js';

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
