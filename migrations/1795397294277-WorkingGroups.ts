import { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkingGroups1795397294277 implements MigrationInterface {
  name = 'WorkingGroups1795397294277';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "working_group_rules" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" character varying(100) NOT NULL, "version" integer NOT NULL, "name" character varying(300) NOT NULL, "priority" integer NOT NULL DEFAULT '0', "categories" text array NOT NULL DEFAULT '{}', "min_severity" character varying(2) NOT NULL DEFAULT 'L1', "org_unit_id" uuid, "roles" jsonb NOT NULL, "ack_deadline_seconds" jsonb NOT NULL, "effective_from" date NOT NULL, "effective_to" date, "legal_basis" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f30466e5b6944f62c7f562961df" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_e38d8fa1dd90c5e48daa06443f" ON "working_group_rules"  ("key", "version") `,
    );
    await queryRunner.query(
      `CREATE TABLE "person_availability" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "status" character varying(20) NOT NULL, "valid_from" date NOT NULL, "valid_to" date NOT NULL, "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_person_availability_range" CHECK ("valid_to" >= "valid_from"), CONSTRAINT "PK_96e1cf938f2e27533ea6f0286ff" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3656ed1c505221e87a867b4fac" ON "person_availability"  ("person_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "working_group_members" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "incident_id" uuid NOT NULL, "role" character varying(50) NOT NULL, "person_id" uuid NOT NULL, "status" character varying(20) NOT NULL, "reason" text NOT NULL, "pick" jsonb NOT NULL, "replaces_member_id" uuid, "invited_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ack_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "responded_at" TIMESTAMP WITH TIME ZONE, "ack_seconds" integer, "decline_reason" text, "assumed_at" TIMESTAMP WITH TIME ZONE, "renounced_at" TIMESTAMP WITH TIME ZONE, "end_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_79c2082b2ac58b4cd21a155503d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_8f7bd484928ec757fa0ba1c970" ON "working_group_members"  ("person_id", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_29c8e240676f36c953fb0e1f76" ON "working_group_members"  ("incident_id", "role") `,
    );
    await queryRunner.query(
      `CREATE TABLE "working_group_roles" ("key" character varying(50) NOT NULL, "name_vi" character varying(200) NOT NULL, "duties" text NOT NULL, "can_edit_statements" boolean NOT NULL DEFAULT false, "can_approve" boolean NOT NULL DEFAULT false, "observer" boolean NOT NULL DEFAULT false, "sort_order" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_665ad8006820015502a02afaa69" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "working_groups" ("incident_id" uuid NOT NULL, "rule_id" uuid, "activated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "assembled_at" TIMESTAMP WITH TIME ZONE, "assemble_seconds" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f727262067344ae1ed9071bf81d" PRIMARY KEY ("incident_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "person_availability" ADD CONSTRAINT "FK_3656ed1c505221e87a867b4face" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "working_group_members" ADD CONSTRAINT "FK_bd86918a3f25beda8793796febb" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "working_group_members" ADD CONSTRAINT "FK_b2a44f8778785bef6784e741031" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "working_groups" ADD CONSTRAINT "FK_f727262067344ae1ed9071bf81d" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Seed: the role catalogue (DOMAIN.md) and the default assembly rules; edited later through the API.
    await queryRunner.query(`INSERT INTO working_group_roles (key, name_vi, duties, can_edit_statements, can_approve, observer, sort_order) VALUES
        ('team_leader', 'Tổ trưởng', 'Chỉ đạo, điều phối toàn bộ hoạt động của Tổ; phân công nhiệm vụ; báo cáo lãnh đạo phê duyệt.', true, false, false, 10),
        ('deputy', 'Tổ phó', 'Giúp Tổ trưởng điều phối; thay Tổ trưởng khi vắng mặt; phối hợp với cơ quan báo chí.', true, false, false, 20),
        ('spokesperson', 'Người phát ngôn', 'Phát ngôn, cung cấp thông tin cho báo chí theo Nghị định 09/2017/NĐ-CP; thống nhất nội dung trước khi phát ngôn.', true, false, false, 30),
        ('drafter', 'Chuyên viên soạn thảo', 'Soạn thảo thông tin ban đầu, thông cáo báo chí, nội dung phát ngôn và văn bản trả lời báo chí.', true, false, false, 40),
        ('legal_reviewer', 'Pháp chế', 'Rà soát căn cứ pháp lý, bí mật nhà nước và bí mật cá nhân trong nội dung trước khi phê duyệt.', false, true, false, 50),
        ('monitoring_analyst', 'Giám sát dư luận', 'Theo dõi, tổng hợp diễn biến thông tin trên báo chí và mạng xã hội; báo cáo định kỳ cho Tổ.', false, false, false, 60),
        ('press_liaison', 'Liên lạc báo chí', 'Đầu mối liên hệ với cơ quan báo chí, Trung tâm Báo chí; đề nghị cải chính, đăng phản hồi khi cần.', false, false, false, 70),
        ('police_liaison', 'Liên lạc công an', 'Đầu mối phối hợp với Công an tỉnh (PA05) trong xác minh, xử lý tin giả và yêu cầu gỡ bỏ nội dung vi phạm.', false, false, false, 80),
        ('party_propaganda_liaison', 'Ban Tuyên giáo và Dân vận (quan sát)', 'Theo dõi, nắm tình hình và định hướng thông tin theo chỉ đạo của cấp ủy; không tham gia soạn thảo, phê duyệt.', false, false, true, 90),
        ('approving_leader', 'Lãnh đạo phê duyệt', 'Phê duyệt nội dung phát ngôn, thông cáo trước khi công bố; chịu trách nhiệm theo Nghị định 09/2017/NĐ-CP.', false, true, false, 100),
        ('scribe', 'Thư ký', 'Ghi biên bản họp, theo dõi tiến độ nhiệm vụ và thời hạn; lưu trữ hồ sơ của Tổ.', false, false, false, 110)`);
    await queryRunner.query(`INSERT INTO working_group_rules (key, version, name, priority, categories, min_severity, org_unit_id, roles, ack_deadline_seconds, effective_from, effective_to, legal_basis) VALUES
        ('general', 1, 'Tổ công tác xử lý sự cố truyền thông (chung)', 0, '{}', 'L1', NULL, '[{"role": "team_leader", "count": 1, "required": true, "sources": [{"from": "responsible_unit", "tags": ["team_lead"]}, {"from": "capability", "capability": "press_state_management", "tags": ["team_lead"]}, {"from": "responsible_unit", "tags": ["deputy_head"]}]}, {"role": "spokesperson", "count": 1, "required": true, "sources": [{"from": "designation"}]}, {"role": "drafter", "count": 1, "required": true, "sources": [{"from": "responsible_unit", "tags": ["drafting"]}, {"from": "capability", "capability": "press_state_management", "tags": ["drafting"]}]}, {"role": "legal_reviewer", "count": 1, "required": true, "sources": [{"from": "responsible_unit", "tags": ["legal"]}, {"from": "capability", "capability": "legal_review", "tags": ["legal"]}]}, {"role": "monitoring_analyst", "count": 1, "required": true, "sources": [{"from": "capability", "capability": "social_listening", "tags": ["monitoring"]}, {"from": "responsible_unit", "tags": ["monitoring"]}]}, {"role": "press_liaison", "count": 1, "required": true, "sources": [{"from": "capability", "capability": "press_state_management", "tags": ["press_liaison"]}, {"from": "capability", "capability": "press_state_management", "position": "Phó Giám đốc"}]}, {"role": "approving_leader", "count": 1, "required": true, "sources": [{"from": "responsible_unit", "tags": ["approver"]}, {"from": "responsible_unit", "tags": ["head"]}]}, {"role": "deputy", "count": 1, "required": false, "sources": [{"from": "capability", "capability": "press_centre", "tags": ["head"]}]}, {"role": "scribe", "count": 1, "required": false, "sources": [{"from": "responsible_unit", "tags": ["scribe"]}, {"from": "responsible_unit", "tags": ["drafting"]}]}]'::jsonb, '{"L1": 3600, "L2": 1800, "L3": 600, "L4": 300}'::jsonb, '2017-02-09', NULL, 'Chỉ thị 07/CT-TTg (21/3/2023), điểm 3.đ; Nghị định 09/2017/NĐ-CP'),
        ('fake_news', 1, 'Tổ công tác xử lý tin giả, tin sai sự thật', 10, '{fake_news}', 'L1', NULL, '[{"role": "team_leader", "count": 1, "required": true, "sources": [{"from": "responsible_unit", "tags": ["team_lead"]}, {"from": "capability", "capability": "press_state_management", "tags": ["team_lead"]}, {"from": "responsible_unit", "tags": ["deputy_head"]}]}, {"role": "spokesperson", "count": 1, "required": true, "sources": [{"from": "designation"}]}, {"role": "drafter", "count": 1, "required": true, "sources": [{"from": "responsible_unit", "tags": ["drafting"]}, {"from": "capability", "capability": "press_state_management", "tags": ["drafting"]}]}, {"role": "legal_reviewer", "count": 1, "required": true, "sources": [{"from": "responsible_unit", "tags": ["legal"]}, {"from": "capability", "capability": "legal_review", "tags": ["legal"]}]}, {"role": "monitoring_analyst", "count": 1, "required": true, "sources": [{"from": "capability", "capability": "social_listening", "tags": ["monitoring"]}, {"from": "responsible_unit", "tags": ["monitoring"]}]}, {"role": "press_liaison", "count": 1, "required": true, "sources": [{"from": "capability", "capability": "press_state_management", "tags": ["press_liaison"]}, {"from": "capability", "capability": "press_state_management", "position": "Phó Giám đốc"}]}, {"role": "police_liaison", "count": 1, "required": true, "sources": [{"from": "capability", "capability": "cyber_police", "tags": ["police_liaison"]}]}, {"role": "party_propaganda_liaison", "count": 1, "required": false, "sources": [{"from": "capability", "capability": "party_propaganda", "tags": ["propaganda_liaison"]}]}, {"role": "approving_leader", "count": 1, "required": true, "sources": [{"from": "responsible_unit", "tags": ["approver"]}, {"from": "responsible_unit", "tags": ["head"]}]}, {"role": "deputy", "count": 1, "required": false, "sources": [{"from": "capability", "capability": "press_centre", "tags": ["head"]}]}, {"role": "scribe", "count": 1, "required": false, "sources": [{"from": "responsible_unit", "tags": ["scribe"]}, {"from": "responsible_unit", "tags": ["drafting"]}]}]'::jsonb, '{"L1": 3600, "L2": 1800, "L3": 600, "L4": 300}'::jsonb, '2017-02-09', NULL, 'Chỉ thị 07/CT-TTg (21/3/2023), điểm 3.đ; Nghị định 09/2017/NĐ-CP')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "working_groups" DROP CONSTRAINT "FK_f727262067344ae1ed9071bf81d"`);
    await queryRunner.query(
      `ALTER TABLE "working_group_members" DROP CONSTRAINT "FK_b2a44f8778785bef6784e741031"`,
    );
    await queryRunner.query(
      `ALTER TABLE "working_group_members" DROP CONSTRAINT "FK_bd86918a3f25beda8793796febb"`,
    );
    await queryRunner.query(
      `ALTER TABLE "person_availability" DROP CONSTRAINT "FK_3656ed1c505221e87a867b4face"`,
    );
    await queryRunner.query(`DROP TABLE "working_groups"`);
    await queryRunner.query(`DROP TABLE "working_group_roles"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_29c8e240676f36c953fb0e1f76"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8f7bd484928ec757fa0ba1c970"`);
    await queryRunner.query(`DROP TABLE "working_group_members"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3656ed1c505221e87a867b4fac"`);
    await queryRunner.query(`DROP TABLE "person_availability"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e38d8fa1dd90c5e48daa06443f"`);
    await queryRunner.query(`DROP TABLE "working_group_rules"`);
  }
}
