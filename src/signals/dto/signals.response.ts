import { ApiProperty } from '@nestjs/swagger';
import { DateTimeString, NullableDateTime, NullableString } from '../../common/api-response.js';
import type { SignalSource, WatchTopic } from '../../contracts/signals.js';
import { SignalSourceKind } from '../entities/signal-source.entity.js';
import { TopicCategory } from '../entities/topic.entity.js';

/** A watch topic: its rules and where it applies. */
export class WatchTopicResponseDto implements WatchTopic {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) orgUnitId: string;
  @ApiProperty() name: string;
  @NullableString() description: string | null;
  @ApiProperty({ enum: TopicCategory }) category: string;
  @ApiProperty({ type: [String] }) anyTerms: string[];
  @ApiProperty({ type: [String] }) allTerms: string[];
  @ApiProperty({ type: [String] }) noneTerms: string[];
  @ApiProperty({ type: [String] }) unitNames: string[];
  @ApiProperty({ type: [String] }) leaderNames: string[];
  @ApiProperty({ type: [String] }) geoCodes: string[];
  @ApiProperty() bucketMinutes: number;
  @ApiProperty() active: boolean;
  @DateTimeString() createdAt: string;
  @DateTimeString() updatedAt: string;
}

/** A signal source as listed and read: never its secret. */
export class SignalSourceResponseDto implements SignalSource {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: SignalSourceKind }) kind: string;
  @NullableString() description: string | null;
  @NullableString({ format: 'uuid', description: 'Null: a province-wide source' }) orgUnitId: string | null;
  @ApiProperty() active: boolean;
  @NullableDateTime() secretRotatedAt: string | null;
  @NullableDateTime() previousSecretValidUntil: string | null;
  @DateTimeString() createdAt: string;
  @DateTimeString() updatedAt: string;
}
