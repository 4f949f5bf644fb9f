/** An incident's topic buckets have the shape of a topic's own (signals owns it). */
export { TopicBucketResponseDto } from '../../signals/dto/signals.response.js';
