import { ApiProperty } from '@nestjs/swagger';
import { DateTimeString, NullableDateTime, NullableString } from '../../common/api-response.js';
import type {
  MatchedOn,
  SignalSource,
  SignalSourceWithSecret,
  SourceActivity,
  TopicBucket,
  TopicMention,
  TopicPreview,
  WatchTopic,
} from '../../contracts/signals.js';
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

const MATCHED_ON = ['keywords', 'unit_name', 'leader_name'];

/** A new signal source (or one whose secret was rotated) with its webhook key, shown this once. */
export class SignalSourceWithSecretResponseDto implements SignalSourceWithSecret {
  @ApiProperty({ type: SignalSourceResponseDto }) source: SignalSourceResponseDto;
  @ApiProperty({ description: 'HMAC-SHA256 key of the webhook; shown only in this answer' }) secret: string;
}

export class SourceActivityTotalDto {
  @ApiProperty() accepted: number;
  @ApiProperty() duplicates: number;
  @ApiProperty() rejected: number;
}

export class SourceActivityHourDto extends SourceActivityTotalDto {
  @DateTimeString() hourStart: string;
}

export class SourceActivityTopicDto {
  @ApiProperty({ format: 'uuid' }) topicId: string;
  @NullableString() name: string | null;
  @ApiProperty() mentions: number;
}

export class SourceActivityRejectDto {
  @ApiProperty({ description: 'webhook, poll, import…' }) via: string;
  @ApiProperty() field: string;
  @ApiProperty() reason: string;
  @ApiProperty() count: number;
  @DateTimeString() lastAt: string;
}

/** A source's activity: the last 24 hours by hour, the topics matched, the rejects of 7 days. */
export class SourceActivityResponseDto implements SourceActivity {
  @ApiProperty({ format: 'uuid' }) sourceId: string;
  @DateTimeString() since: string;
  @ApiProperty({ type: SourceActivityTotalDto }) total: SourceActivityTotalDto;
  @ApiProperty({ type: [SourceActivityHourDto] }) hours: SourceActivityHourDto[];
  @ApiProperty({ type: [SourceActivityTopicDto] }) topics: SourceActivityTopicDto[];
  @ApiProperty({ type: [SourceActivityRejectDto] }) rejects: SourceActivityRejectDto[];
  @DateTimeString() rejectsSince: string;
}

/** A recent mention a topic's rules would match. */
export class TopicPreviewItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @NullableString() title: string | null;
  @NullableString({ description: 'The first 280 characters' }) text: string | null;
  @NullableString() outlet: string | null;
  @NullableString() platform: string | null;
  @NullableString() url: string | null;
  @NullableString() geoCode: string | null;
  @NullableString() sentiment: string | null;
  @NullableDateTime() publishedAt: string | null;
  @DateTimeString() collectedAt: string;
  @ApiProperty({ enum: MATCHED_ON }) matchedOn: MatchedOn;
}

/** Which recent mentions a topic's rules would match. */
export class TopicPreviewResponseDto implements TopicPreview {
  @DateTimeString() since: string;
  @ApiProperty() scanned: number;
  @ApiProperty() scanLimit: number;
  @ApiProperty() matched: number;
  @ApiProperty({ type: [TopicPreviewItemDto] }) items: TopicPreviewItemDto[];
}

/** Mentions of one topic in one time bucket. */
export class TopicBucketResponseDto implements TopicBucket {
  @ApiProperty({ format: 'uuid' }) topicId: string;
  @DateTimeString() bucketStart: string;
  @ApiProperty() bucketSeconds: number;
  @ApiProperty() volume: number;
  @ApiProperty() negativeCount: number;
  @ApiProperty() positiveCount: number;
}

/** A topic's top mention in a window. */
export class TopicMentionResponseDto implements TopicMention {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) topicId: string;
  @ApiProperty({ enum: MATCHED_ON }) matchedOn: MatchedOn;
  @ApiProperty({ format: 'uuid' }) sourceId: string;
  @ApiProperty() sourceType: string;
  @NullableString() platform: string | null;
  @NullableString() outlet: string | null;
  @ApiProperty({ type: Number, nullable: true }) followers: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) verified: boolean | null;
  @NullableString() url: string | null;
  @NullableString() title: string | null;
  @NullableString({ description: 'The first 280 characters of the text' }) snippet: string | null;
  @NullableDateTime() publishedAt: string | null;
  @DateTimeString() collectedAt: string;
  @DateTimeString() occurredAt: string;
  @ApiProperty({ type: Number, nullable: true }) reach: number | null;
  @ApiProperty({ description: 'Reach, else engagement (reactions + comments + shares)' })
  effectiveReach: number;
  @ApiProperty({ type: Number, nullable: true }) reactions: number | null;
  @ApiProperty({ type: Number, nullable: true }) comments: number | null;
  @ApiProperty({ type: Number, nullable: true }) shares: number | null;
  @ApiProperty({ enum: ['positive', 'neutral', 'negative'] }) sentiment: 'positive' | 'neutral' | 'negative';
  @ApiProperty({ type: Number, nullable: true }) sentimentScore: number | null;
  @ApiProperty({ enum: ['source', 'lexicon'] }) sentimentOrigin: 'source' | 'lexicon';
  @NullableString() geoCode: string | null;
  @NullableString() fakeNewsLabel: string | null;
  @NullableString() evidenceUrl: string | null;
}
