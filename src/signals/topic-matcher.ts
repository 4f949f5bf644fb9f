import { termTokens } from '../common/text.js';

export type MatchedOn = 'keywords' | 'unit_name' | 'leader_name';

/** The rules of one watchlist topic, as stored. */
export interface TopicRules {
  id: string;
  anyTerms: string[];
  allTerms: string[];
  noneTerms: string[];
  unitNames: string[];
  leaderNames: string[];
  geoCodes: string[];
}

export interface TopicMatch {
  topicId: string;
  /** Why it matched; when several reasons hold, the most specific: unit_name, then leader_name, then keywords. */
  matchedOn: MatchedOn;
}

interface CompiledTopic {
  id: string;
  any: number[];
  all: number[];
  none: number[];
  unit: number[];
  leader: number[];
  geo: Set<string> | null;
}

/**
 * Every active topic's terms compiled into one phrase index, so that matching a mention costs one pass over its
 * words whatever the number of topics: each word looks up the phrases that start with it, the phrases found
 * are stamped, and only the topics owning a found phrase are evaluated.
 *
 * Rules of a topic (terms are words or phrases; matching is on folded text, whole words only):
 * - keywords: at least one of `anyTerms` (when there are any) and every one of `allTerms`; a topic with neither
 *   list matches on names only;
 * - unit_name / leader_name: any of `unitNames` / `leaderNames` appears;
 * - `noneTerms`: any of them appearing excludes the mention, whatever else matched;
 * - `geoCodes`: when set, a mention whose geo code is outside the list does not match; a mention without a
 *   geo code still does.
 */
export class CompiledTopics {
  private readonly phrases: string[][] = [];
  private readonly byFirstWord = new Map<string, number[]>();
  private readonly topicsByPhrase: number[][] = [];
  private readonly topics: CompiledTopic[] = [];
  /** stamp[p] === generation: phrase p was found in the text being matched (avoids clearing an array per text). */
  private stamp: Uint32Array;
  private generation = 0;

  constructor(rules: TopicRules[]) {
    const ids = new Map<string, number>();
    const phraseId = (term: string, topicIndex: number): number | null => {
      const tokens = termTokens(term);
      if (!tokens.length) return null;
      const key = tokens.join(' ');
      let id = ids.get(key);
      if (id === undefined) {
        id = this.phrases.length;
        ids.set(key, id);
        this.phrases.push(tokens);
        this.topicsByPhrase.push([]);
        const list = this.byFirstWord.get(tokens[0]);
        if (list) list.push(id);
        else this.byFirstWord.set(tokens[0], [id]);
      }
      const owners = this.topicsByPhrase[id];
      if (owners[owners.length - 1] !== topicIndex) owners.push(topicIndex);
      return id;
    };
    for (const r of rules) {
      const index = this.topics.length;
      const compile = (terms: string[]) =>
        terms.map((t) => phraseId(t, index)).filter((id): id is number => id !== null);
      this.topics.push({
        id: r.id,
        any: compile(r.anyTerms),
        all: compile(r.allTerms),
        none: compile(r.noneTerms),
        unit: compile(r.unitNames),
        leader: compile(r.leaderNames),
        geo: r.geoCodes.length ? new Set(r.geoCodes) : null,
      });
    }
    this.stamp = new Uint32Array(this.phrases.length);
  }

  get size(): number {
    return this.topics.length;
  }

  /** Topics matched by a text given as folded words (see foldTokens). */
  match(tokens: readonly string[], geoCode: string | null): TopicMatch[] {
    return this.matchParts([tokens], geoCode);
  }

  /** Topics matched by a text in several parts (title, body); a phrase never spans two parts. */
  matchParts(parts: readonly (readonly string[])[], geoCode: string | null): TopicMatch[] {
    if (!this.topics.length) return [];
    const gen = this.nextGeneration();
    const candidates: number[] = [];
    for (const tokens of parts) {
      for (let i = 0; i < tokens.length; i++) {
        const starting = this.byFirstWord.get(tokens[i]);
        if (!starting) continue;
        next: for (const p of starting) {
          if (this.stamp[p] === gen) continue;
          const phrase = this.phrases[p];
          if (i + phrase.length > tokens.length) continue;
          for (let k = 1; k < phrase.length; k++) if (tokens[i + k] !== phrase[k]) continue next;
          this.stamp[p] = gen;
          for (const t of this.topicsByPhrase[p]) candidates.push(t);
        }
      }
    }
    if (!candidates.length) return [];
    const found = (p: number) => this.stamp[p] === gen;
    const out: TopicMatch[] = [];
    const seen = new Set<number>();
    for (const t of candidates) {
      if (seen.has(t)) continue;
      seen.add(t);
      const topic = this.topics[t];
      if (topic.geo && geoCode !== null && !topic.geo.has(geoCode)) continue;
      if (topic.none.some(found)) continue;
      let matchedOn: MatchedOn | null = null;
      if (topic.unit.some(found)) matchedOn = 'unit_name';
      else if (topic.leader.some(found)) matchedOn = 'leader_name';
      else if (
        (topic.any.length || topic.all.length) &&
        (!topic.any.length || topic.any.some(found)) &&
        topic.all.every(found)
      ) {
        matchedOn = 'keywords';
      }
      if (matchedOn) out.push({ topicId: topic.id, matchedOn });
    }
    return out;
  }

  private nextGeneration(): number {
    this.generation++;
    if (this.generation === 0xffffffff) {
      this.stamp.fill(0);
      this.generation = 1;
    }
    return this.generation;
  }
}
