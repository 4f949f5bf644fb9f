import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `mention_topics` carries each link's voice (`author`: the mention's outlet, else platform, else source type, as
 * detection counts voices) and its `sentiment`, written with the link. The slow burn and the traction rule read a
 * week of a topic's links and ask who spoke and how (topic-reads.repository.ts, `negativeAuthorPosts`): from the
 * links' own rows (the primary key's range on topic and time) instead of one lookup into `mentions` per link,
 * which made every evaluation read its months' mentions (src/signals/README.md). Existing links are filled from
 * their mentions; a link whose mention is gone keeps NULLs and is left out, as the join left it out.
 */
export class MentionTopicVoices1796680000001 implements MigrationInterface {
  name = 'MentionTopicVoices1796680000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "mention_topics" ADD COLUMN "author" character varying(300), ADD COLUMN "sentiment" "sentiment_label"`,
    );
    await queryRunner.query(
      `UPDATE "mention_topics" mt
          SET "author" = coalesce(m.outlet, m.platform, m.source_type::text), "sentiment" = m.sentiment
         FROM "mentions" m
        WHERE m.id = mt.mention_id
          AND m.occurred_month = date_trunc('month', mt.occurred_at AT TIME ZONE 'UTC')::date`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mention_topics" DROP COLUMN "sentiment", DROP COLUMN "author"`);
  }
}
