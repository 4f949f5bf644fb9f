/**
 * Validation of the items of an ingest batch. A batch carries up to 5,000 items and the service must keep up
 * with tens of thousands of items a second, so items are checked by this table-driven validator rather than
 * class-validator (which builds a class instance and runs decorators for every item). The same table gives
 * the OpenAPI schema (mentionItemSchema), so the documentation cannot drift from what is enforced.
 */

export const MENTION_SOURCE_TYPES = ['print', 'online_news', 'radio_tv', 'social', 'forum', 'video'] as const;
export type MentionSourceType = (typeof MENTION_SOURCE_TYPES)[number];

export const SENTIMENT_LABELS = ['positive', 'neutral', 'negative'] as const;

/** VAFC (tingia.gov.vn) labels: tin giả (fabricated), tin sai sự thật (false), tin xác thực (verified). */
export const FAKE_NEWS_LABELS = ['tin_gia', 'tin_sai_su_that', 'tin_xac_thuc'] as const;
export type FakeNewsLabel = (typeof FAKE_NEWS_LABELS)[number];

export const MAX_BATCH_ITEMS = 5000;
/** How far in the future a publication time may be (clock skew between the feed and us). */
export const FUTURE_TOLERANCE_MS = 10 * 60_000;

/** One validated item, with optional fields absent or null. */
export interface MentionInput {
  externalId: string | null;
  sourceType: MentionSourceType;
  platform: string | null;
  outlet: string | null;
  followers: number | null;
  verified: boolean | null;
  url: string | null;
  title: string | null;
  text: string | null;
  publishedAt: Date | null;
  collectedAt: Date | null;
  reach: number | null;
  reactions: number | null;
  comments: number | null;
  shares: number | null;
  sentiment: 'positive' | 'neutral' | 'negative' | null;
  sentimentScore: number | null;
  geoCode: string | null;
  language: string | null;
  fakeNewsLabel: FakeNewsLabel | null;
  evidenceUrl: string | null;
}

export type ItemResult = { ok: true; value: MentionInput } | { ok: false; field?: string; reason: string };

type FieldSpec = { description: string; example?: unknown } & (
  | { kind: 'string'; max: number; pattern?: RegExp; patternMessage?: string }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'count' }
  | { kind: 'score' }
  | { kind: 'boolean' }
  | { kind: 'instant' }
  | { kind: 'url' }
);

const MAX_URL = 2000;
const MAX_TEXT = 50_000;

const FIELDS: Record<keyof MentionInput, FieldSpec> = {
  externalId: {
    kind: 'string',
    max: 200,
    description: 'Mã của bài trong hệ thống nguồn; cùng nguồn + cùng mã chỉ lưu một lần',
    example: 'sb-20250812-000123',
  },
  sourceType: {
    kind: 'enum',
    values: MENTION_SOURCE_TYPES,
    description: 'Loại nguồn: báo in, báo điện tử, phát thanh/truyền hình, mạng xã hội, diễn đàn, video',
    example: 'social',
  },
  platform: {
    kind: 'string',
    max: 100,
    description: 'Nền tảng (facebook, tiktok, youtube, zalo, …)',
    example: 'facebook',
  },
  outlet: {
    kind: 'string',
    max: 300,
    description: 'Tên cơ quan báo chí hoặc tài khoản',
    example: 'Hội cư dân An Hòa',
  },
  followers: { kind: 'count', description: 'Số người theo dõi tài khoản/kênh', example: 48200 },
  verified: { kind: 'boolean', description: 'Tài khoản đã xác minh (tích xanh)', example: false },
  url: {
    kind: 'url',
    description: 'Đường dẫn bài viết (http/https)',
    example: 'https://facebook.com/groups/anhoa/posts/1',
  },
  title: { kind: 'string', max: 1000, description: 'Tiêu đề', example: 'Nghi ngộ độc sau bữa trưa ở trường' },
  text: {
    kind: 'string',
    max: MAX_TEXT,
    description: 'Nội dung hoặc đoạn trích (cần title hoặc text)',
    example: 'Phụ huynh bức xúc vì nhiều học sinh phải nhập viện…',
  },
  publishedAt: {
    kind: 'instant',
    description: 'Thời điểm đăng, ISO 8601 có múi giờ',
    example: '2025-08-12T07:45:00+07:00',
  },
  collectedAt: {
    kind: 'instant',
    description: 'Thời điểm nguồn thu thập (mặc định: lúc nhận)',
    example: '2025-08-12T07:52:10+07:00',
  },
  reach: { kind: 'count', description: 'Lượt tiếp cận hoặc lượt xem', example: 120000 },
  reactions: { kind: 'count', description: 'Lượt tương tác cảm xúc', example: 3400 },
  comments: { kind: 'count', description: 'Lượt bình luận', example: 870 },
  shares: { kind: 'count', description: 'Lượt chia sẻ', example: 410 },
  sentiment: {
    kind: 'enum',
    values: SENTIMENT_LABELS,
    description: 'Cảm xúc do nguồn gán; không có thì hệ thống tự chấm bằng từ điển',
    example: 'negative',
  },
  sentimentScore: { kind: 'score', description: 'Điểm cảm xúc từ -1 (rất tiêu cực) đến 1', example: -0.7 },
  geoCode: {
    kind: 'string',
    max: 20,
    pattern: /^[0-9A-Za-z._-]+$/,
    patternMessage: 'phải là mã đơn vị hành chính (chữ, số, . _ -)',
    description: 'Mã đơn vị hành chính liên quan',
    example: '26734',
  },
  language: {
    kind: 'string',
    max: 20,
    pattern: /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/,
    patternMessage: 'phải là mã ngôn ngữ như vi hoặc en-US',
    description: 'Ngôn ngữ (BCP 47)',
    example: 'vi',
  },
  fakeNewsLabel: {
    kind: 'enum',
    values: FAKE_NEWS_LABELS,
    description: 'Nhãn của Trung tâm xử lý tin giả (VAFC): tin_gia, tin_sai_su_that, tin_xac_thuc',
    example: 'tin_gia',
  },
  evidenceUrl: {
    kind: 'url',
    description: 'Bằng chứng lưu trữ (ảnh chụp, bản lưu) — cần cho yêu cầu gỡ bỏ',
    example: 'https://archive.example.vn/s/abc123',
  },
};

const FIELD_NAMES = Object.keys(FIELDS) as (keyof MentionInput)[];
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const HAS_TIMEZONE_LESS_FORM = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

class ItemError {
  constructor(
    readonly field: string | undefined,
    readonly reason: string,
  ) {}
}

function emptyInput(): MentionInput {
  return {
    externalId: null,
    sourceType: 'social',
    platform: null,
    outlet: null,
    followers: null,
    verified: null,
    url: null,
    title: null,
    text: null,
    publishedAt: null,
    collectedAt: null,
    reach: null,
    reactions: null,
    comments: null,
    shares: null,
    sentiment: null,
    sentimentScore: null,
    geoCode: null,
    language: null,
    fakeNewsLabel: null,
    evidenceUrl: null,
  };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A field's problem; the only allocation on the (hot) path of valid items is the value itself. */
class Invalid {
  constructor(readonly message: string) {}
}

function checkField(spec: FieldSpec, value: unknown): unknown {
  switch (spec.kind) {
    case 'string': {
      if (typeof value !== 'string') return new Invalid('phải là chuỗi ký tự');
      const s = value.trim();
      if (!s) return new Invalid('không được để trống (bỏ trường đi nếu không có)');
      if (s.length > spec.max) return new Invalid(`quá dài (tối đa ${spec.max} ký tự)`);
      // PostgreSQL text cannot hold U+0000: refuse the item rather than fail the batch.
      if (s.includes('\u0000')) return new Invalid('chứa ký tự NUL (\\u0000), không lưu được');
      if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s))
        return new Invalid('chứa ký tự Unicode không hợp lệ (nửa cặp UTF-16)');
      if (spec.pattern && !spec.pattern.test(s))
        return new Invalid(spec.patternMessage ?? 'không đúng định dạng');
      return s;
    }
    case 'enum':
      if (typeof value !== 'string' || !spec.values.includes(value)) {
        return new Invalid(`phải là một trong: ${spec.values.join(', ')}`);
      }
      return value;
    case 'count':
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
        return new Invalid('phải là số nguyên không âm');
      }
      return value;
    case 'score':
      if (typeof value !== 'number' || !Number.isFinite(value) || value < -1 || value > 1) {
        return new Invalid('phải là số từ -1 đến 1');
      }
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') return new Invalid('phải là true hoặc false');
      return value;
    case 'instant': {
      const m = typeof value === 'string' ? ISO_INSTANT.exec(value) : null;
      if (!m) {
        if (typeof value === 'string' && HAS_TIMEZONE_LESS_FORM.test(value)) {
          return new Invalid('phải là thời điểm ISO 8601 có múi giờ (ví dụ 2025-08-12T07:45:00+07:00)');
        }
        return new Invalid('phải là thời điểm ISO 8601 (ví dụ 2025-08-12T07:45:00+07:00)');
      }
      const month = +m[2];
      const day = +m[3];
      const hour = +m[4];
      const minute = +m[5];
      const second = m[6] === undefined ? 0 : +m[6];
      if (
        month < 1 ||
        month > 12 ||
        day < 1 ||
        (day > 28 && day > daysInMonth(+m[1], month)) ||
        hour > 23 ||
        minute > 59 ||
        second > 59
      ) {
        return new Invalid('phải là thời điểm ISO 8601 hợp lệ (ngày hoặc giờ không tồn tại)');
      }
      const ms = Date.parse(value as string);
      if (Number.isNaN(ms))
        return new Invalid('phải là thời điểm ISO 8601 (ví dụ 2025-08-12T07:45:00+07:00)');
      return new Date(ms);
    }
    case 'url': {
      if (typeof value !== 'string') return new Invalid('phải là đường dẫn http(s)');
      const raw = value.trim();
      if (!/^https?:\/\//i.test(raw) || raw.length > MAX_URL * 3)
        return new Invalid('phải là đường dẫn http(s)');
      let href: string;
      try {
        // Canonical form: lower-case scheme and host, non-ASCII percent-encoded, so one post has one URL.
        href = new URL(raw).href;
      } catch {
        return new Invalid('phải là đường dẫn http(s) hợp lệ');
      }
      if (href.length > MAX_URL) return new Invalid(`quá dài (tối đa ${MAX_URL} ký tự sau khi mã hóa)`);
      return href;
    }
  }
}

/**
 * Checks one item. `now` bounds publication times: a post cannot be published more than FUTURE_TOLERANCE_MS
 * ahead of us. Reasons are Vietnamese and name the field: `items[12].publishedAt: phải là thời điểm ISO 8601`.
 */
export function validateMentionItem(raw: unknown, index: number, now: number): ItemResult {
  const at = (field?: string) => (field ? `items[${index}].${field}` : `items[${index}]`);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, reason: `${at()}: phải là một đối tượng JSON` };
  }
  try {
    const input = emptyInput();
    const record = raw as Record<string, unknown>;
    for (const key in record) {
      if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
      const spec = (FIELDS as Record<string, FieldSpec | undefined>)[key];
      if (!spec || !Object.prototype.hasOwnProperty.call(FIELDS, key)) {
        throw new ItemError(key, `${at(key)}: trường không được phép`);
      }
      const value = record[key];
      // Feeds often send null for "unknown": treat it as absent.
      if (value === null || value === undefined) continue;
      const checked = checkField(spec, value);
      if (checked instanceof Invalid) throw new ItemError(key, `${at(key)}: ${checked.message}`);
      (input as unknown as Record<string, unknown>)[key] = checked;
    }
    if (record.sourceType === undefined || record.sourceType === null) {
      throw new ItemError('sourceType', `${at('sourceType')}: bắt buộc`);
    }
    if (!input.title && !input.text) {
      throw new ItemError('text', `${at('text')}: cần ít nhất một trong title hoặc text`);
    }
    if (input.publishedAt && input.publishedAt.getTime() > now + FUTURE_TOLERANCE_MS) {
      throw new ItemError('publishedAt', `${at('publishedAt')}: không được ở tương lai`);
    }
    if (input.collectedAt && input.collectedAt.getTime() > now + FUTURE_TOLERANCE_MS) {
      throw new ItemError('collectedAt', `${at('collectedAt')}: không được ở tương lai`);
    }
    return { ok: true, value: input };
  } catch (e) {
    if (e instanceof ItemError) return { ok: false, field: e.field, reason: e.reason };
    throw e;
  }
}

/** OpenAPI schema of one item, generated from the same table the validator enforces. */
export function mentionItemSchema(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const name of FIELD_NAMES) {
    const spec = FIELDS[name];
    const base = { description: spec.description, example: spec.example, nullable: name !== 'sourceType' };
    switch (spec.kind) {
      case 'string':
        properties[name] = { ...base, type: 'string', maxLength: spec.max, pattern: spec.pattern?.source };
        break;
      case 'enum':
        properties[name] = { ...base, type: 'string', enum: [...spec.values] };
        break;
      case 'count':
        properties[name] = { ...base, type: 'integer', minimum: 0 };
        break;
      case 'score':
        properties[name] = { ...base, type: 'number', minimum: -1, maximum: 1 };
        break;
      case 'boolean':
        properties[name] = { ...base, type: 'boolean' };
        break;
      case 'instant':
        properties[name] = { ...base, type: 'string', format: 'date-time' };
        break;
      case 'url':
        properties[name] = { ...base, type: 'string', format: 'uri', maxLength: MAX_URL };
        break;
    }
  }
  return {
    type: 'object',
    required: ['sourceType'],
    additionalProperties: false,
    description: 'Một đề cập (bài báo, bài đăng, video…). Cần title hoặc text.',
    properties,
  };
}
