import type { Page } from '../contracts/enums.js';
import type { StatementComment as CommentView } from '../contracts/statements.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';
import type { AuthUser } from '../auth/decorators.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { IncidentTimeline } from '../incidents/incident-timeline.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { CommentDto } from './dto/statement.dto.js';
import { StatementComment } from './entities/statement-comment.entity.js';
import { StatementAccess } from './statement-access.js';
import { StatementDocs } from './statement-docs.js';
import type { DraftField } from './statement-text.js';

/**
 * Comments on the draft, anchored by Yjs relative positions: the anchor names the characters, not their index,
 * so it keeps covering the same words while others type before, inside or after it.
 */
@Injectable()
export class StatementCommentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly timeline: IncidentTimeline,
    private readonly access: StatementAccess,
    private readonly docs: StatementDocs,
    private readonly incidents: IncidentsService,
  ) {}

  async add(user: AuthUser, statementId: string, dto: CommentDto): Promise<CommentView> {
    const { statement, incident } = await this.access.load(user, statementId);
    this.assertCanComment(await this.access.rights(user, incident.id));
    const { doc } = await this.docs.get(statementId);
    const text = doc.getText(dto.field);
    let start: Uint8Array;
    let end: Uint8Array;
    if (dto.anchorStart !== undefined) {
      start = Buffer.from(dto.anchorStart, 'base64');
      end = Buffer.from(dto.anchorEnd ?? '', 'base64');
    } else {
      const index = dto.index ?? 0;
      const length = dto.length ?? 0;
      if (index + length > text.length) {
        throw new AppError(ErrorCode.VALIDATION_FAILED, 'Đoạn được bình luận nằm ngoài văn bản', [
          { field: 'index', messages: [`index: index + length phải ≤ ${text.length}`], constraints: ['max'] },
        ]);
      }
      start = Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index));
      // The end sticks to the character before it: typing right after the range does not extend it.
      end = Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index + length, -1));
    }
    const range = resolve(doc, dto.field, start, end);
    if (!range) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, 'Vị trí neo không thuộc văn bản này', [
        {
          field: 'anchorStart',
          messages: ['anchorStart: không tìm thấy trong văn bản'],
          constraints: ['anchor'],
        },
      ]);
    }
    return this.timeline.change(statement.incidentId, async (change) => {
      // Closed, dismissed and archived incidents are read-only everywhere, comments included.
      this.incidents.assertWritable(change.incident);
      const c = await change.manager.save(
        change.manager.create(StatementComment, {
          statementId,
          field: dto.field,
          anchorStart: Buffer.from(start),
          anchorEnd: Buffer.from(end),
          quote: range.text,
          body: dto.body.normalize('NFC'),
          status: 'open',
          authorUserId: user.id,
        }),
      );
      change.emit(
        'statement.comment_added',
        { statementId, commentId: c.id, field: c.field, quote: c.quote, body: c.body },
        { type: 'statement_comment', id: c.id },
      );
      return commentView(c, range);
    });
  }

  async list(user: AuthUser, statementId: string): Promise<Page<CommentView>> {
    await this.access.load(user, statementId);
    const [{ doc }, rows] = await Promise.all([
      this.docs.get(statementId),
      this.dataSource
        .getRepository(StatementComment)
        .find({ where: { statementId }, order: { createdAt: 'ASC' } }),
    ]);
    return {
      items: rows.map((c) => commentView(c, resolve(doc, c.field as DraftField, c.anchorStart, c.anchorEnd))),
    };
  }

  async setStatus(
    user: AuthUser,
    statementId: string,
    commentId: string,
    status: 'open' | 'resolved',
  ): Promise<CommentView> {
    const { statement, incident } = await this.access.load(user, statementId);
    this.assertCanComment(await this.access.rights(user, incident.id));
    const { doc } = await this.docs.get(statementId);
    return this.timeline.change(statement.incidentId, async (change) => {
      // Closed, dismissed and archived incidents are read-only everywhere, comments included.
      this.incidents.assertWritable(change.incident);
      const c = await change.manager.findOneBy(StatementComment, { id: commentId, statementId });
      if (!c) throw AppError.notFound('bình luận', commentId);
      if (c.status !== status) {
        c.status = status;
        c.resolvedByUserId = status === 'resolved' ? user.id : null;
        c.resolvedAt = status === 'resolved' ? new Date() : null;
        await change.manager.save(c);
        change.emit(
          status === 'resolved' ? 'statement.comment_resolved' : 'statement.comment_reopened',
          { statementId, commentId },
          { type: 'statement_comment', id: commentId },
        );
      }
      return commentView(c, resolve(doc, c.field as DraftField, c.anchorStart, c.anchorEnd));
    });
  }

  private assertCanComment(rights: { canComment: boolean }) {
    if (!rights.canComment) {
      throw new AppError(
        ErrorCode.FORBIDDEN,
        'Chỉ thành viên Tổ công tác soạn thảo hoặc duyệt văn bản mới được bình luận',
      );
    }
  }
}

interface ResolvedRange {
  index: number;
  length: number;
  text: string;
}

/** Where an anchor stands in the document now; null when it does not point into this field. */
function resolve(doc: Y.Doc, field: DraftField, start: Uint8Array, end: Uint8Array): ResolvedRange | null {
  try {
    const type = doc.getText(field);
    const a = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(start), doc);
    const b = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(end), doc);
    if (!a || !b || a.type !== type || b.type !== type) return null;
    const index = Math.min(a.index, b.index);
    const length = Math.max(0, b.index - a.index);
    return { index, length, text: type.toString().slice(index, index + length) };
  } catch {
    return null;
  }
}

function commentView(c: StatementComment, range: ResolvedRange | null): CommentView {
  return {
    id: c.id,
    statementId: c.statementId,
    field: c.field as DraftField,
    quote: c.quote,
    body: c.body,
    status: c.status,
    authorUserId: c.authorUserId,
    resolvedByUserId: c.resolvedByUserId,
    resolvedAt: c.resolvedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    // Where the anchored text is now (null: its text was deleted, or the anchor is not in this draft).
    range: range && (range.length > 0 || c.quote.length === 0) ? range : null,
    anchor: {
      start: Buffer.from(c.anchorStart).toString('base64'),
      end: Buffer.from(c.anchorEnd).toString('base64'),
    },
  };
}
