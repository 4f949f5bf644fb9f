import { ApiProperty } from '@nestjs/swagger';
import { DateTimeString } from '../../common/api-response.js';
import type { TopicBucket } from '../../contracts/signals.js';

/** Mentions of one topic in one time bucket. */
export class TopicBucketResponseDto implements TopicBucket {
  @ApiProperty({ format: 'uuid' }) topicId: string;
  @DateTimeString() bucketStart: string;
  @ApiProperty() bucketSeconds: number;
  @ApiProperty() volume: number;
  @ApiProperty() negativeCount: number;
  @ApiProperty() positiveCount: number;
}
