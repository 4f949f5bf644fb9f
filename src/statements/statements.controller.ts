import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../auth/decorators.js';
import type { AuthUser } from '../auth/decorators.js';
import {
  CommentDto,
  CorrectStatementDto,
  CreateStatementDto,
  DecisionDto,
  DiffQueryDto,
  DocumentFormatQueryDto,
  PublicationDto,
  SubmitStatementDto,
  UpdateStatementDto,
} from './dto/statement.dto.js';
import { StatementApprovalsService } from './statement-approvals.service.js';
import { StatementCommentsService } from './statement-comments.service.js';
import { StatementDocumentsService } from './statement-documents.service.js';
import { StatementPublicationsService } from './statement-publications.service.js';
import { StatementsService } from './statements.service.js';
import { ParseVersionPipe } from '../common/limits.js';
import {
  DecisionResultDto,
  PublicationListDto,
  PublicationResponseDto,
  StatementCommentDto,
  StatementCommentListDto,
  StatementDetailDto,
  StatementListDto,
  StatementResponseDto,
  SubmitResultDto,
  VersionDetailDto,
  VersionDiffDto,
  VersionListDto,
} from './dto/statement.response.js';

@ApiTags('statements')
@ApiBearerAuth()
@Controller()
export class StatementsController {
  constructor(
    private readonly statements: StatementsService,
    private readonly approvals: StatementApprovalsService,
    private readonly publications: StatementPublicationsService,
    private readonly comments: StatementCommentsService,
    private readonly documents: StatementDocumentsService,
  ) {}

  @Get('incidents/:id/statements')
  @ApiOperation({ summary: 'Các văn bản (thông tin ban đầu, thông cáo, trả lời báo chí, …) của sự cố' })
  @ApiOkResponse({ type: StatementListDto })
  list(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.statements.list(user, id);
  }

  @Post('incidents/:id/statements')
  @ApiOperation({ summary: 'Tạo văn bản dự thảo (thành viên Tổ công tác có vai trò soạn thảo)' })
  @ApiCreatedResponse({ type: StatementResponseDto })
  create(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateStatementDto,
  ) {
    return this.statements.create(user, id, dto);
  }

  @Get('statements/:id')
  @ApiOperation({
    summary: 'Văn bản: dự thảo hiện tại, quyền của mình, các phiên bản, chuỗi phê duyệt, công bố',
  })
  @ApiOkResponse({ type: StatementDetailDto })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.statements.get(user, id);
  }

  @Patch('statements/:id')
  @ApiOperation({ summary: 'Sửa kênh công bố dự kiến và sự kiện trích dẫn (khi còn là dự thảo)' })
  @ApiOkResponse({ type: StatementResponseDto })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateStatementDto,
  ) {
    return this.statements.update(user, id, dto);
  }

  @Post('statements/:id/submit')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Trình duyệt: khóa dự thảo, lưu phiên bản bất biến kèm SHA-256, mở chuỗi phê duyệt',
  })
  @ApiOkResponse({ type: SubmitResultDto })
  submit(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SubmitStatementDto,
  ) {
    return this.statements.submit(user, id, dto);
  }

  @Get('statements/:id/versions')
  @ApiOperation({ summary: 'Các phiên bản đã trình' })
  @ApiOkResponse({ type: VersionListDto })
  versions(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.statements.versions(user, id);
  }

  @Get('statements/:id/versions/:n')
  @ApiOperation({ summary: 'Một phiên bản: văn bản chuẩn, SHA-256, các bước duyệt và quyết định' })
  @ApiOkResponse({ type: VersionDetailDto })
  version(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('n', ParseVersionPipe) n: number,
  ) {
    return this.statements.version(user, id, n);
  }

  @Get('statements/:id/versions/:n/document')
  @ApiOperation({
    summary:
      'Phiên bản n dưới dạng văn bản hành chính (Nghị định 30/2020/NĐ-CP): PDF kèm SHA-256, DOCX để sửa, HTML để xem',
  })
  @ApiProduces(
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'text/html',
  )
  @ApiOkResponse({
    description: 'PDF (kèm SHA-256), DOCX hoặc HTML của phiên bản',
    schema: { type: 'string', format: 'binary' },
  })
  async document(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('n', ParseVersionPipe) n: number,
    @Query() q: DocumentFormatQueryDto,
    @Res() res: Response,
  ) {
    const file = await this.documents.export(user, id, n, q.format ?? 'pdf');
    const inline = file.contentType.startsWith('text/html');
    res
      .type(file.contentType)
      .setHeader(
        'Content-Disposition',
        `${inline ? 'inline' : 'attachment'}; filename="${file.filename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      )
      .send(file.body);
  }

  @Get('statements/:id/diff')
  @ApiOperation({ summary: 'So sánh theo từ giữa hai phiên bản (?from=1&to=2)' })
  @ApiOkResponse({ type: VersionDiffDto })
  diff(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Query() q: DiffQueryDto) {
    return this.statements.diff(user, id, q.from, q.to);
  }

  @Post('statements/:id/versions/:n/decisions')
  @ApiOperation({
    summary:
      'Quyết định trên phiên bản n (gắn với SHA-256): phê duyệt (nhập lại mật khẩu), từ chối, yêu cầu sửa',
  })
  @ApiCreatedResponse({ type: DecisionResultDto })
  decide(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('n', ParseVersionPipe) n: number,
    @Body() dto: DecisionDto,
  ) {
    return this.approvals.decide(user, id, n, dto);
  }

  @Get('statements/:id/publications')
  @ApiOperation({ summary: 'Các lần công bố (kênh, thời điểm, đường dẫn, mã băm)' })
  @ApiOkResponse({ type: PublicationListDto })
  listPublications(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.publications.list(user, id);
  }

  @Post('statements/:id/publications')
  @ApiOperation({ summary: 'Ghi nhận công bố trên một kênh: chỉ phiên bản đã phê duyệt đủ, đúng mã băm' })
  @ApiCreatedResponse({ type: PublicationResponseDto })
  publish(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PublicationDto,
  ) {
    return this.publications.publish(user, id, dto);
  }

  @Post('statements/:id/corrections')
  @ApiOperation({ summary: 'Cải chính hoặc thu hồi văn bản đã công bố: một văn bản mới gắn với văn bản cũ' })
  @ApiCreatedResponse({ type: StatementResponseDto })
  correct(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CorrectStatementDto,
  ) {
    return this.statements.correct(user, id, dto);
  }

  @Get('statements/:id/comments')
  @ApiOperation({ summary: 'Bình luận neo vào đoạn văn bản, kèm vị trí hiện tại của đoạn đó' })
  @ApiOkResponse({ type: StatementCommentListDto })
  listComments(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.comments.list(user, id);
  }

  @Post('statements/:id/comments')
  @ApiOperation({ summary: 'Bình luận một đoạn (theo vị trí hiện tại, hoặc vị trí tương đối Yjs)' })
  @ApiCreatedResponse({ type: StatementCommentDto })
  comment(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CommentDto) {
    return this.comments.add(user, id, dto);
  }

  @Post('statements/:id/comments/:commentId/resolve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đánh dấu đã xử lý' })
  @ApiOkResponse({ type: StatementCommentDto })
  resolve(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('commentId', ParseUUIDPipe) commentId: string,
  ) {
    return this.comments.setStatus(user, id, commentId, 'resolved');
  }

  @Post('statements/:id/comments/:commentId/reopen')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mở lại bình luận' })
  @ApiOkResponse({ type: StatementCommentDto })
  reopen(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('commentId', ParseUUIDPipe) commentId: string,
  ) {
    return this.comments.setStatus(user, id, commentId, 'open');
  }
}
