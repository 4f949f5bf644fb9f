import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators.js';
import type { AuthUser } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import {
  ApplyPlaybookDto,
  CreatePlaybookDto,
  CreatePlaybookVersionDto,
  DecideProposalDto,
  ListPlaybooksQueryDto,
  ListProposalsQueryDto,
  ProposePlaybookDto,
  SearchQueryDto,
} from './dto/playbook.dto.js';
import {
  AppliedPlaybookDto,
  IncidentSearchHitDto,
  PlaybookApplicationDto,
  PlaybookDetailDto,
  PlaybookListDto,
  PlaybookProposalDto,
  PlaybookSearchHitDto,
  PlaybookSuggestionsDto,
  PlaybookVersionDto,
  SearchResultDto,
} from './dto/playbook.response.js';
import { PlaybookProposalsService } from './playbook-proposals.service.js';
import { PlaybookSuggestionsService } from './playbook-suggestions.service.js';
import { PlaybooksFlow } from './playbooks.flow.js';
import { PlaybooksService } from './playbooks.service.js';
import { ParseVersionPipe } from '../common/limits.js';

@ApiTags('playbooks')
@ApiBearerAuth()
@Controller()
export class PlaybooksController {
  constructor(
    private readonly playbooks: PlaybooksService,
    private readonly proposalsService: PlaybookProposalsService,
    private readonly suggestionsService: PlaybookSuggestionsService,
    private readonly flow: PlaybooksFlow,
  ) {}

  @Get('playbooks')
  @ApiOperation({ summary: 'Thư viện cẩm nang (phiên bản hiện hành)' })
  @ApiOkResponse({ type: PlaybookListDto })
  list(@Query() query: ListPlaybooksQueryDto) {
    return this.playbooks.list(query);
  }

  @Post('playbooks')
  @Roles(Role.Admin, Role.Leader)
  @ApiOperation({ summary: 'Thêm cẩm nang (quản trị: dùng chung; lãnh đạo: của đơn vị mình)' })
  @ApiCreatedResponse({ type: PlaybookDetailDto })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreatePlaybookDto) {
    return this.playbooks.create(user, dto);
  }

  @Get('playbooks/:id')
  @ApiOperation({ summary: 'Cẩm nang: phiên bản hiện hành và lịch sử phiên bản' })
  @ApiOkResponse({ type: PlaybookDetailDto })
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.playbooks.get(id);
  }

  @Get('playbooks/:id/versions/:version')
  @ApiOperation({ summary: 'Một phiên bản cẩm nang (không đổi sau khi ban hành)' })
  @ApiOkResponse({ type: PlaybookVersionDto })
  version(@Param('id', ParseUUIDPipe) id: string, @Param('version', ParseVersionPipe) version: number) {
    return this.playbooks.getVersion(id, version);
  }

  @Post('playbooks/:id/versions')
  @Roles(Role.Admin, Role.Leader)
  @ApiOperation({ summary: 'Ban hành phiên bản mới của cẩm nang' })
  @ApiCreatedResponse({ type: PlaybookDetailDto })
  addVersion(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreatePlaybookVersionDto,
  ) {
    return this.playbooks.addVersion(user, id, dto);
  }

  @Post('playbook-proposals')
  @Roles(Role.Admin, Role.Leader, Role.Officer)
  @ApiOperation({ summary: 'Đề xuất sửa cẩm nang (hoặc cẩm nang mới) từ bài học kinh nghiệm' })
  @ApiCreatedResponse({ type: PlaybookProposalDto })
  propose(@CurrentUser() user: AuthUser, @Body() dto: ProposePlaybookDto) {
    return this.proposalsService.propose(user, dto, null);
  }

  @Get('playbook-proposals')
  @Roles(Role.Admin, Role.Leader)
  @ApiOperation({ summary: 'Các đề xuất sửa cẩm nang' })
  @ApiOkResponse({ type: [PlaybookProposalDto] })
  proposals(@CurrentUser() user: AuthUser, @Query() query: ListProposalsQueryDto) {
    return this.proposalsService.listProposals(user, query);
  }

  @Post('playbook-proposals/:id/decision')
  @Roles(Role.Admin, Role.Leader)
  @ApiOperation({ summary: 'Duyệt (ban hành phiên bản mới) hoặc không duyệt đề xuất' })
  @ApiCreatedResponse({ type: PlaybookProposalDto })
  decide(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DecideProposalDto,
  ) {
    return this.proposalsService.decide(user, id, dto);
  }

  @Get('incidents/:id/playbook-suggestions')
  @ApiOperation({ summary: 'Cẩm nang phù hợp nhất với sự cố, kèm lý do' })
  @ApiOkResponse({ type: PlaybookSuggestionsDto })
  suggestions(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.suggestionsService.suggestions(user, id);
  }

  @Get('incidents/:id/playbook')
  @ApiOperation({ summary: 'Cẩm nang (phiên bản) đã áp dụng cho sự cố' })
  @ApiOkResponse({ type: AppliedPlaybookDto, description: 'null khi sự cố chưa áp dụng cẩm nang' })
  applied(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.playbooks.applied(user, id);
  }

  @Post('incidents/:id/playbooks/:playbookId/apply')
  @ApiOperation({ summary: 'Áp dụng cẩm nang: tạo nhiệm vụ, bổ sung vai trò, tạo dự thảo văn bản' })
  @ApiCreatedResponse({ type: PlaybookApplicationDto })
  apply(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('playbookId', ParseUUIDPipe) playbookId: string,
    @Body() dto: ApplyPlaybookDto,
  ) {
    return this.flow.apply(user, id, playbookId, dto);
  }

  @Get('search')
  @ApiOperation({
    summary: 'Tìm trong cẩm nang và sự cố đã lưu trữ (không phân biệt dấu), có xếp hạng và trích đoạn',
  })
  @ApiExtraModels(PlaybookSearchHitDto, IncidentSearchHitDto)
  @ApiOkResponse({ type: SearchResultDto })
  search(@CurrentUser() user: AuthUser, @Query() query: SearchQueryDto) {
    return this.playbooks.search(user, query);
  }
}
