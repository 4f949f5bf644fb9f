// Long file: the sentiment word list is data (several hundred weighted Vietnamese phrases and negators read
// together); the scorer that reads it is a few lines at the end.
import { foldText } from '../common/text.js';

export type SentimentLabel = 'positive' | 'neutral' | 'negative';

export interface SentimentResult {
  label: SentimentLabel;
  /** -1 (very negative) … 1 (very positive). */
  score: number;
}

/**
 * Fills in sentiment for mentions whose source gives none. Replaceable: provide another implementation under
 * SENTIMENT_SCORER (a trained model, a call to the listening platform's API, …).
 */
export interface SentimentScorer {
  score(text: string): SentimentResult;
}

export const SENTIMENT_SCORER = Symbol('SENTIMENT_SCORER');

/** A score at or below -threshold is negative, at or above +threshold positive, neutral in between. */
export const SENTIMENT_THRESHOLD = 0.15;

export function labelForScore(score: number): SentimentLabel {
  if (score <= -SENTIMENT_THRESHOLD) return 'negative';
  if (score >= SENTIMENT_THRESHOLD) return 'positive';
  return 'neutral';
}

/**
 * Sentiment words and phrases of Vietnamese public-affairs news and social posts, with weights (negative < 0).
 * Written with diacritics; matched syllable by syllable, longest phrase first.
 * `plain: true` marks one-syllable words that stay unambiguous once diacritics are stripped, for posts typed
 * without diacritics (every phrase of two or more syllables is used there too). "tệ" (bad) is not: without
 * diacritics it is "te", as in "y tế".
 */
const LEXICON: readonly { phrase: string; weight: number; plain?: boolean }[] = [
  // Anger, complaint, criticism
  { phrase: 'bức xúc', weight: -2 },
  { phrase: 'phẫn nộ', weight: -2.5 },
  { phrase: 'căm phẫn', weight: -2.5 },
  { phrase: 'phẫn uất', weight: -2 },
  { phrase: 'bất bình', weight: -2 },
  { phrase: 'bất công', weight: -2 },
  { phrase: 'phản đối', weight: -1.5 },
  { phrase: 'chỉ trích', weight: -1.5 },
  { phrase: 'khiếu nại', weight: -1 },
  { phrase: 'tố cáo', weight: -1.5 },
  { phrase: 'kêu cứu', weight: -2 },
  { phrase: 'kêu trời', weight: -1.5 },
  { phrase: 'thất vọng', weight: -2 },
  { phrase: 'tiêu cực', weight: -1.5 },
  { phrase: 'tồi tệ', weight: -2 },
  { phrase: 'tệ', weight: -1.5 },
  { phrase: 'xấu', weight: -1 },
  { phrase: 'kém', weight: -1 },
  { phrase: 'yếu kém', weight: -1.5 },
  { phrase: 'dở', weight: -1 },
  // Misconduct
  { phrase: 'lừa đảo', weight: -2.5 },
  { phrase: 'lừa', weight: -1.5 },
  { phrase: 'tham nhũng', weight: -2.5 },
  { phrase: 'sai phạm', weight: -2 },
  { phrase: 'vi phạm', weight: -1.5 },
  { phrase: 'gian lận', weight: -2 },
  { phrase: 'bê bối', weight: -2 },
  { phrase: 'nhũng nhiễu', weight: -2 },
  { phrase: 'hách dịch', weight: -2 },
  { phrase: 'vòi tiền', weight: -2 },
  { phrase: 'ăn chặn', weight: -2 },
  { phrase: 'trục lợi', weight: -2 },
  { phrase: 'khuất tất', weight: -2 },
  { phrase: 'mập mờ', weight: -1.5 },
  { phrase: 'lãng phí', weight: -1.5 },
  { phrase: 'chặt chém', weight: -2 },
  { phrase: 'thổi giá', weight: -1.5 },
  { phrase: 'oan sai', weight: -2 },
  { phrase: 'vô trách nhiệm', weight: -2 },
  { phrase: 'thiếu trách nhiệm', weight: -2 },
  { phrase: 'đùn đẩy', weight: -2 },
  { phrase: 'né tránh', weight: -1.5 },
  { phrase: 'thờ ơ', weight: -1.5 },
  { phrase: 'bỏ mặc', weight: -2 },
  { phrase: 'dối trá', weight: -2 },
  { phrase: 'khởi tố', weight: -1.5 },
  { phrase: 'bắt giữ', weight: -1 },
  { phrase: 'đình chỉ', weight: -1 },
  { phrase: 'lộ lọt', weight: -2 },
  { phrase: 'rò rỉ', weight: -1.5 },
  // False information
  { phrase: 'tin giả', weight: -2 },
  { phrase: 'sai sự thật', weight: -2 },
  { phrase: 'xuyên tạc', weight: -2 },
  { phrase: 'bịa đặt', weight: -2 },
  { phrase: 'sai', weight: -1, plain: true },
  // Harm, accidents, disasters, public health
  { phrase: 'tai nạn', weight: -2 },
  { phrase: 'tử vong', weight: -2.5 },
  { phrase: 'thiệt mạng', weight: -2.5 },
  { phrase: 'thương vong', weight: -2 },
  { phrase: 'chết', weight: -2, plain: true },
  { phrase: 'bị thương', weight: -1.5 },
  { phrase: 'ngộ độc', weight: -2 },
  { phrase: 'cháy', weight: -1.5 },
  { phrase: 'cháy nổ', weight: -2 },
  { phrase: 'sập', weight: -2 },
  { phrase: 'sụp đổ', weight: -2 },
  { phrase: 'sạt lở', weight: -1.5 },
  { phrase: 'lũ lụt', weight: -1.5 },
  { phrase: 'ngập lụt', weight: -1.5 },
  { phrase: 'ngập', weight: -1 },
  { phrase: 'ô nhiễm', weight: -2 },
  { phrase: 'dịch bệnh', weight: -1.5 },
  { phrase: 'thiệt hại', weight: -1.5 },
  { phrase: 'mất trắng', weight: -2 },
  { phrase: 'điêu đứng', weight: -2 },
  { phrase: 'bạo lực', weight: -2 },
  { phrase: 'cướp', weight: -2 },
  { phrase: 'trộm', weight: -1.5 },
  { phrase: 'nguy hiểm', weight: -1.5 },
  { phrase: 'khủng hoảng', weight: -2 },
  { phrase: 'sự cố', weight: -1 },
  // Service failures
  { phrase: 'ùn tắc', weight: -1.5 },
  { phrase: 'kẹt xe', weight: -1.5 },
  { phrase: 'mất điện', weight: -1.5 },
  { phrase: 'mất nước', weight: -1.5 },
  { phrase: 'quá tải', weight: -1.5 },
  { phrase: 'chậm trễ', weight: -1.5 },
  { phrase: 'chậm chạp', weight: -1.5 },
  { phrase: 'xuống cấp', weight: -1.5 },
  { phrase: 'hư hỏng', weight: -1.5 },
  { phrase: 'hỏng', weight: -1.2 },
  { phrase: 'bất cập', weight: -1.5 },
  { phrase: 'lỗi', weight: -1 },
  // Worry
  { phrase: 'lo ngại', weight: -1.5 },
  { phrase: 'lo lắng', weight: -1.2 },
  { phrase: 'hoang mang', weight: -1.5 },
  { phrase: 'bất an', weight: -1.5 },
  { phrase: 'nghi vấn', weight: -1 },
  { phrase: 'nghi ngờ', weight: -1 },
  // Approval, thanks, good service
  { phrase: 'tốt', weight: 1, plain: true },
  { phrase: 'tuyệt vời', weight: 2 },
  { phrase: 'xuất sắc', weight: 2 },
  { phrase: 'hài lòng', weight: 1.5 },
  { phrase: 'cảm ơn', weight: 1.5 },
  { phrase: 'cám ơn', weight: 1.5 },
  { phrase: 'biết ơn', weight: 1.5 },
  { phrase: 'ủng hộ', weight: 1.2 },
  { phrase: 'đồng tình', weight: 1.2 },
  { phrase: 'hoan nghênh', weight: 1.5 },
  { phrase: 'khen ngợi', weight: 1.5 },
  { phrase: 'đánh giá cao', weight: 1.5 },
  { phrase: 'kịp thời', weight: 1.2 },
  { phrase: 'nhanh chóng', weight: 1 },
  { phrase: 'minh bạch', weight: 1.2 },
  { phrase: 'hiệu quả', weight: 1.2 },
  { phrase: 'thành công', weight: 1.5 },
  { phrase: 'chuyên nghiệp', weight: 1.2 },
  { phrase: 'tận tình', weight: 1.5 },
  { phrase: 'chu đáo', weight: 1.5 },
  { phrase: 'an toàn', weight: 1 },
  { phrase: 'ổn định', weight: 0.8 },
  { phrase: 'tích cực', weight: 1.2 },
  { phrase: 'vui mừng', weight: 1.5 },
  { phrase: 'phấn khởi', weight: 1.5 },
  { phrase: 'yên tâm', weight: 1.2 },
  { phrase: 'tin tưởng', weight: 1.2 },
  { phrase: 'cải thiện', weight: 1 },
  { phrase: 'giúp đỡ', weight: 1 },
  { phrase: 'đúng đắn', weight: 1.2 },
  { phrase: 'hợp lý', weight: 1 },
  { phrase: 'thuận lợi', weight: 1 },
  { phrase: 'thuận tiện', weight: 1 },
  { phrase: 'sạch sẽ', weight: 1 },
  { phrase: 'khen', weight: 1 },
];

/**
 * Words that turn the next sentiment phrase (within NEGATION_REACH words) around: "không tốt", "chưa minh bạch";
 * and the verbs of fighting a harm, which public-affairs news is full of: "phòng, chống tham nhũng", "ngăn chặn
 * lừa đảo", "khắc phục sự cố" are not bad news.
 */
const NEGATORS = [
  'không',
  'chẳng',
  'chả',
  'chưa',
  'đâu có',
  'không hề',
  'chẳng hề',
  'chưa hề',
  'thiếu',
  'ko',
  'k',
  'chống',
  'phòng chống',
  'ngăn chặn',
  'ngăn ngừa',
  'phòng ngừa',
  'khắc phục',
  'đẩy lùi',
];
/** Negators safe to use in text without diacritics ("chả" would be "cha", father). */
const PLAIN_NEGATORS = [
  'khong',
  'ko',
  'k',
  'chang',
  'chua',
  'thieu',
  'dau co',
  'phong chong',
  'ngan chan',
  'ngan ngua',
  'phong ngua',
  'khac phuc',
  'day lui',
];
const NEGATION_REACH = 3;
/** A negated positive is nearly as bad as the negative word; a negated negative is only mildly good ("không tệ"). */
const NEGATED_POSITIVE = -0.8;
const NEGATED_NEGATIVE = -0.4;

const INTENSIFIERS_BEFORE = [
  'rất',
  'quá',
  'cực kỳ',
  'cực kì',
  'vô cùng',
  'hết sức',
  'thật sự',
  'cực',
  'siêu',
];
const INTENSIFIERS_AFTER = ['lắm', 'quá', 'vô cùng', 'cực kỳ', 'cực kì'];
const PLAIN_INTENSIFIERS_BEFORE = ['rat', 'cuc ky', 'cuc ki', 'vo cung', 'het suc', 'that su'];
const PLAIN_INTENSIFIERS_AFTER = ['lam', 'vo cung', 'cuc ky', 'cuc ki'];
const INTENSITY = 1.5;

/** "…, nhưng …": what follows the contrast is what the writer means. */
const CONTRASTS = ['nhưng', 'tuy nhiên', 'thế nhưng'];
const PLAIN_CONTRASTS = ['nhung', 'tuy nhien'];
const AFTER_CONTRAST = 1.3;

/** Squashes the weighted sum into (-1, 1): one strong word gives about ±0.5, several pile up towards ±1. */
const SQUASH = 2;

type Phrase = { syllables: string[]; weight: number };
type PhraseTable = Map<string, Phrase[]>;

/** The phrases of each kind that start with one word: scoring looks each word up once, not once per kind. */
interface WordEntry {
  lexicon: Phrase[] | undefined;
  negators: Phrase[] | undefined;
  before: Phrase[] | undefined;
  after: Phrase[] | undefined;
  contrasts: Phrase[] | undefined;
}

interface Vocabulary {
  byWord: Map<string, WordEntry>;
}

function table(entries: { phrase: string; weight: number }[]): PhraseTable {
  const t: PhraseTable = new Map();
  for (const e of entries) {
    const syllables = e.phrase.split(' ');
    const list = t.get(syllables[0]) ?? [];
    list.push({ syllables, weight: e.weight });
    // Longest phrase first, so "thiếu trách nhiệm" wins over the negator "thiếu".
    list.sort((a, b) => b.syllables.length - a.syllables.length);
    t.set(syllables[0], list);
  }
  return t;
}

function vocabulary(tables: Record<keyof WordEntry, PhraseTable>): Vocabulary {
  const byWord = new Map<string, WordEntry>();
  const kinds = Object.keys(tables) as (keyof WordEntry)[];
  for (const kind of kinds) {
    for (const [word, phrases] of tables[kind]) {
      let entry = byWord.get(word);
      if (!entry) {
        entry = {
          lexicon: undefined,
          negators: undefined,
          before: undefined,
          after: undefined,
          contrasts: undefined,
        };
        byWord.set(word, entry);
      }
      entry[kind] = phrases;
    }
  }
  return { byWord };
}

const words = (list: string[]) => list.map((phrase) => ({ phrase, weight: 1 }));

const WITH_DIACRITICS = vocabulary({
  lexicon: table(dedupe(LEXICON.map((e) => ({ phrase: e.phrase, weight: e.weight })))),
  negators: table(words(NEGATORS)),
  before: table(words(INTENSIFIERS_BEFORE)),
  after: table(words(INTENSIFIERS_AFTER)),
  contrasts: table(words(CONTRASTS)),
});

const WITHOUT_DIACRITICS = vocabulary({
  lexicon: table(
    dedupe(
      LEXICON.filter((e) => e.plain || e.phrase.includes(' ')).map((e) => ({
        phrase: foldText(e.phrase),
        weight: e.weight,
      })),
    ),
  ),
  negators: table(words(PLAIN_NEGATORS)),
  before: table(words(PLAIN_INTENSIFIERS_BEFORE)),
  after: table(words(PLAIN_INTENSIFIERS_AFTER)),
  contrasts: table(words(PLAIN_CONTRASTS)),
});

function dedupe(entries: { phrase: string; weight: number }[]) {
  const seen = new Map<string, { phrase: string; weight: number }>();
  for (const e of entries) if (!seen.has(e.phrase)) seen.set(e.phrase, e);
  return [...seen.values()];
}

/** Weight of the phrase matchAt last found (a module variable: no result object per word). */
let matchedWeight = 0;

/** Length of the first of `candidates` (phrases starting with tokens[i]) found at tokens[i], or 0. */
function matchAt(candidates: Phrase[] | undefined, tokens: string[], i: number): number {
  if (!candidates) return 0;
  outer: for (const c of candidates) {
    if (i + c.syllables.length > tokens.length) continue;
    for (let k = 1; k < c.syllables.length; k++) if (tokens[i + k] !== c.syllables[k]) continue outer;
    matchedWeight = c.weight;
    return c.syllables.length;
  }
  return 0;
}

const CLAUSE_END = '.';
/** Letters with diacritics (Latin-1, Latin Extended, Vietnamese) or combining marks: the text has diacritics. */
const PRECOMPOSED_LETTER = /[\u00c0-\u024f\u1e00-\u1eff]/;
const COMBINING_MARK = /[\u0300-\u036f]/;
const hasDiacritics = (s: string) => PRECOMPOSED_LETTER.test(s) || COMBINING_MARK.test(s);
const NON_ASCII = /[\u0080-\uffff]/;

// Character classes for the tokenizer, filled lazily per UTF-16 code unit (letters and digits make words).
const UNKNOWN = 0;
const WORD = 1;
const CLAUSE = 2;
const OTHER = 3;
const CLASSES = new Uint8Array(65536);

function classify(c: number): number {
  const ch = String.fromCharCode(c);
  const cls = /[\p{L}\p{N}\p{M}]/u.test(ch) ? WORD : '.;!?'.includes(ch) ? CLAUSE : OTHER;
  CLASSES[c] = cls;
  return cls;
}

/** Words (letters, digits) and sentence ends ('.') of a lower-cased text. */
function tokenize(lower: string): string[] {
  const tokens: string[] = [];
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    let cls = OTHER;
    if (i < lower.length) {
      const c = lower.charCodeAt(i);
      cls = CLASSES[c];
      if (cls === UNKNOWN) cls = classify(c);
    }
    if (cls === WORD) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      tokens.push(lower.slice(start, i));
      start = -1;
    }
    if (cls === CLAUSE) tokens.push(CLAUSE_END);
  }
  return tokens;
}

/**
 * A lexicon scorer for Vietnamese: sums the weights of the sentiment phrases found, turning a phrase around
 * after a negator ("không", "chưa", "thiếu", … within three words), strengthening it next to an intensifier
 * ("rất", "quá", "lắm", …), weighting what follows "nhưng"/"tuy nhiên" more, then squashes the sum into
 * (-1, 1): score = sum / (|sum| + 2). Negation does not cross the end of a sentence. Text written without any
 * diacritics is matched against the folded lexicon (phrases only, plus a few unambiguous words).
 *
 * It is a heuristic: it misses irony and domain-specific turns of phrase. Sources that carry their own
 * sentiment always win over it.
 */
export class LexiconSentimentScorer implements SentimentScorer {
  score(text: string): SentimentResult {
    const lower = (NON_ASCII.test(text) ? text.normalize('NFC') : text).toLowerCase();
    const vocabulary = hasDiacritics(lower) ? WITH_DIACRITICS : WITHOUT_DIACRITICS;
    return this.scoreTokens(tokenize(lower), vocabulary);
  }

  private scoreTokens(tokens: string[], v: Vocabulary): SentimentResult {
    let sum = 0;
    let negatedUntil = -1;
    let intensifyNext = false;
    let contrast = 1;
    for (let i = 0; i < tokens.length;) {
      if (tokens[i] === CLAUSE_END) {
        negatedUntil = -1;
        intensifyNext = false;
        i++;
        continue;
      }
      const entry = v.byWord.get(tokens[i]);
      if (!entry) {
        i++;
        continue;
      }
      const hit = matchAt(entry.lexicon, tokens, i);
      if (hit) {
        let w = matchedWeight;
        if (i <= negatedUntil) w *= w > 0 ? NEGATED_POSITIVE : NEGATED_NEGATIVE;
        const next = i + hit;
        if (
          intensifyNext ||
          (next < tokens.length && matchAt(v.byWord.get(tokens[next])?.after, tokens, next))
        ) {
          w *= INTENSITY;
        }
        sum += w * contrast;
        negatedUntil = -1;
        intensifyNext = false;
        i = next;
        continue;
      }
      const neg = matchAt(entry.negators, tokens, i);
      if (neg) {
        negatedUntil = i + neg - 1 + NEGATION_REACH;
        i += neg;
        continue;
      }
      const before = matchAt(entry.before, tokens, i);
      if (before) {
        intensifyNext = true;
        i += before;
        continue;
      }
      const c = matchAt(entry.contrasts, tokens, i);
      if (c) {
        contrast = AFTER_CONTRAST;
        i += c;
        continue;
      }
      i++;
    }
    const score = Math.round((sum / (Math.abs(sum) + SQUASH)) * 1000) / 1000;
    return { label: labelForScore(score), score: score === 0 ? 0 : score };
  }
}
