import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../auth/decorators.js';
import { AppError, ErrorCode } from '../../common/app-error.js';
import { IncidentFactsService } from '../../incidents/incident-facts.service.js';
import { IncidentsService } from '../../incidents/incidents.service.js';
import { StatementsService } from '../../statements/statements.service.js';
import type { AnticipatedQuestionDto } from './dto/press-conference.dto.js';
import type { AnticipatedQuestion } from './entities/press-conference.entity.js';

/** Statements whose current version has been approved: the only texts a spokesperson may read out. */
const APPROVED = new Set(['approved', 'published']);
const MAX_LINE = 5000;

/** Markdown to plain lines for a spokesperson's card. */
const plain = (md: string) =>
  md
    .replace(/^#+\s*/gm, '')
    .replace(/[*_`>]/g, '')
    .replace(/\n{2,}/g, '\n')
    .trim();

/**
 * Prepared lines of a conference's anticipated questions, drawn from the linked incident: its verified facts
 * (never unverified or retracted ones) and its approved statements (the approved version's text).
 */
@Injectable()
export class PreparedLines {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly facts: IncidentFactsService,
    private readonly statements: StatementsService,
  ) {}

  async assertIncidentVisible(user: AuthUser, incidentId: string) {
    try {
      await this.incidents.getVisible(user, incidentId);
    } catch (e) {
      if (e instanceof AppError && e.code === ErrorCode.NOT_FOUND)
        throw new AppError(ErrorCode.VALIDATION_FAILED, 'Không tìm thấy sự cố liên quan', [
          { field: 'incidentId', messages: ['incidentId: không có sự cố này trong phạm vi của bạn'] },
        ]);
      throw e;
    }
  }

  async sources(user: AuthUser, incidentId: string) {
    const [facts, { items }] = await Promise.all([
      this.facts.list(user, incidentId),
      this.statements.list(user, incidentId),
    ]);
    const approved = items.filter((s) => APPROVED.has(s.status) && s.currentVersion);
    const versions = await Promise.all(
      approved.map((s) => this.statements.version(user, s.id, s.currentVersion!)),
    );
    return {
      facts: facts
        .filter((f) => f.status === 'verified')
        .map((f) => ({ kind: 'fact' as const, id: f.id, text: f.statement, source: f.source })),
      statements: approved.map((s, i) => ({
        kind: 'statement' as const,
        id: s.id,
        typeLabel: s.typeLabel,
        title: versions[i].title,
        text: plain(versions[i].body),
        version: versions[i].number,
        sha256: versions[i].sha256,
      })),
    };
  }

  async statementIds(user: AuthUser, incidentId: string): Promise<Set<string>> {
    return new Set((await this.statements.list(user, incidentId)).items.map((s) => s.id));
  }

  /**
   * Each question with its line: the one written, else the texts of its sources joined. A source must be a
   * verified fact or an approved statement of the linked incident.
   */
  async prepare(
    user: AuthUser,
    incidentId: string | null,
    questions: AnticipatedQuestionDto[],
  ): Promise<AnticipatedQuestion[]> {
    const wanted = questions.some((q) => q.sources?.length);
    if (wanted && !incidentId) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, 'Cần gắn sự cố để lấy nội dung trả lời từ sự cố', [
        { field: 'anticipatedQuestions', messages: ['anticipatedQuestions: sources cần incidentId'] },
      ]);
    }
    const available = wanted ? await this.sources(user, incidentId!) : { facts: [], statements: [] };
    const byKey = new Map([...available.facts, ...available.statements].map((s) => [`${s.kind}:${s.id}`, s]));
    return questions.map((q, i) => {
      const sources = q.sources ?? [];
      const texts = sources.map((s) => {
        const found = byKey.get(`${s.kind}:${s.id}`);
        if (!found)
          throw new AppError(ErrorCode.VALIDATION_FAILED, 'Nguồn nội dung trả lời không dùng được', [
            {
              field: `anticipatedQuestions[${i}].sources`,
              messages: [
                `anticipatedQuestions[${i}].sources: ${s.id} không phải sự kiện đã xác minh hay văn bản đã duyệt của sự cố`,
              ],
            },
          ]);
        return found.text;
      });
      const line = q.preparedLine ?? texts.join('\n');
      if (!line.trim())
        throw new AppError(ErrorCode.VALIDATION_FAILED, 'Câu hỏi dự kiến chưa có nội dung trả lời', [
          {
            field: `anticipatedQuestions[${i}].preparedLine`,
            messages: [`anticipatedQuestions[${i}].preparedLine: cần nội dung hoặc nguồn (sources)`],
          },
        ]);
      return {
        question: q.question,
        preparedLine: line.slice(0, MAX_LINE),
        sources: sources.map((s) => ({ kind: s.kind, id: s.id })),
      };
    });
  }
}
