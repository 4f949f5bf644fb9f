import type { IngestResult } from './dto/ingest.dto.js';
import { validateMentionItem } from './mention-item.validator.js';
import { contentHash, mentionId, urlKey } from './mention-keys.js';
import { labelForScore } from './sentiment-lexicon.js';
import type { SentimentScorer } from './sentiment-lexicon.js';
import type { NotableMention } from './signals.events.js';
import type { MentionTopicLink, PreparedMention } from './signals.repository.js';
import { cleanText, foldTokens } from '../common/text.js';
import { bucketContribution, bucketStart, DEFAULT_BUCKET_MINUTES } from './topic-buckets.js';
import type { TopicIndex } from './topics.service.js';

/** Items prepared between two yields to the event loop (about 2 ms of work). */
const PREPARE_CHUNK = 100;

/** A batch ready to write: its mentions, their topic links, the notable ones for detection, the refused items. */
export interface PreparedBatch {
  mentions: PreparedMention[];
  links: MentionTopicLink[];
  notable: NotableMention[];
  rejected: IngestResult['rejected'];
}

/**
 * Validation and everything that needs no database: normalization, content hash, sentiment when missing,
 * topic matching, bucket contributions. Yields to the event loop every PREPARE_CHUNK items, so that other
 * batches' transactions (which hold the hot bucket rows) are not kept waiting behind this CPU work.
 */
export async function prepareMentions(
  items: unknown[],
  index: TopicIndex,
  scorer: SentimentScorer,
  labelScope: Set<string> | null = null,
  majorOutlet = false,
): Promise<PreparedBatch> {
  const now = Date.now();
  const receivedAt = new Date(now);
  const mentions: PreparedMention[] = [];
  const links: MentionTopicLink[] = [];
  const notable: NotableMention[] = [];
  const rejected: IngestResult['rejected'] = [];
  for (let i = 0; i < items.length; i++) {
    if (i && i % PREPARE_CHUNK === 0) await new Promise((resolve) => setImmediate(resolve));
    const result = validateMentionItem(items[i], i, now);
    if (!result.ok) {
      rejected.push(
        result.field
          ? { index: i, field: result.field, reason: result.reason }
          : { index: i, reason: result.reason },
      );
      continue;
    }
    const input = result.value;
    const title = input.title === null ? null : cleanText(input.title);
    const text = input.text === null ? null : cleanText(input.text);
    const hash = contentHash(title, text);
    let sentiment = input.sentiment;
    let sentimentScore = input.sentimentScore;
    let sentimentOrigin: 'source' | 'lexicon' = 'source';
    if (!sentiment && sentimentScore !== null) sentiment = labelForScore(sentimentScore);
    if (!sentiment) {
      const scored = scorer.score(title && text ? `${title}. ${text}` : (title ?? text ?? ''));
      sentiment = scored.label;
      sentimentScore = scored.score;
      sentimentOrigin = 'lexicon';
    }
    const collectedAt = input.collectedAt ?? receivedAt;
    const mention: PreparedMention = {
      id: mentionId(now),
      input,
      title,
      text,
      contentHash: hash,
      urlKey: urlKey(input.url, hash),
      collectedAt,
      occurredAt: input.publishedAt ?? collectedAt,
      sentiment,
      sentimentScore,
      sentimentOrigin,
    };
    mentions.push(mention);

    // Title and text are matched separately so that a phrase never spans the two.
    const matches = index.matcher.matchParts(
      title && text ? [foldTokens(title), foldTokens(text)] : [foldTokens(title ?? text ?? '')],
      input.geoCode,
    );
    if (!matches.length) continue;
    const contribution = bucketContribution(input, sentiment);
    for (const m of matches) {
      // A source's fake-news label speaks for its own units only: naming another unit opens nothing there.
      const topicUnit = index.topics.get(m.topicId)?.orgUnitId;
      const fakeNewsLabel =
        !labelScope || (topicUnit && labelScope.has(topicUnit)) ? input.fakeNewsLabel : null;
      const isNotable = sentiment === 'negative' || fakeNewsLabel !== null;
      const minutes = index.bucketMinutes.get(m.topicId) ?? DEFAULT_BUCKET_MINUTES;
      links.push({
        mentionId: mention.id,
        topicId: m.topicId,
        matchedOn: m.matchedOn,
        occurredAt: mention.occurredAt,
        author: input.outlet ?? input.platform ?? input.sourceType,
        sentiment,
        bucketStart: bucketStart(mention.occurredAt, minutes),
        bucketSeconds: minutes * 60,
        contribution,
      });
      if (isNotable) {
        notable.push({
          mentionId: mention.id,
          topicId: m.topicId,
          matchedOn: m.matchedOn,
          sentiment,
          sentimentScore,
          fakeNewsLabel,
          reach: contribution.reach,
          followers: input.followers ?? 0,
          verified: input.verified ?? false,
          majorOutlet,
          outlet: input.outlet,
          sourceType: input.sourceType,
          url: input.url,
          occurredAt: mention.occurredAt,
        });
      }
    }
  }
  return { mentions, links, notable, rejected };
}
