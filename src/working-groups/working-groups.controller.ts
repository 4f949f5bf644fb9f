import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../auth/decorators.js';
import type { AuthUser } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import {
  AddMemberDto,
  AvailabilityDto,
  CreateAssemblyRuleDto,
  DecisionQueryDto,
  DeclineInvitationDto,
  MemberChangeDto,
  RemoveMemberDto,
} from './dto/working-group.dto.js';
import {
  AssemblyRuleResponseDto,
  GroupMemberDto,
  PersonAvailabilityResponseDto,
  WorkingGroupResponseDto,
  WorkingGroupRoleDto,
} from './dto/working-group.response.js';
import { GroupConfigurationService } from './group-configuration.service.js';
import { InvitationsService } from './invitations.service.js';
import { WorkingGroupViews } from './working-group-views.js';
import { WorkingGroupsService } from './working-groups.service.js';

@ApiTags('working-groups')
@ApiBearerAuth()
@Controller()
export class WorkingGroupsController {
  constructor(
    private readonly groups: WorkingGroupsService,
    private readonly views: WorkingGroupViews,
    private readonly invitations: InvitationsService,
    private readonly configuration: GroupConfigurationService,
  ) {}

  @Get('incidents/:id/working-group')
  @ApiOperation({ summary: 'Tổ công tác của sự cố: vai trò cần, thành viên, lời mời và lý do lựa chọn' })
  @ApiOkResponse({ type: WorkingGroupResponseDto })
  view(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.views.view(user, id);
  }

  @Post('incidents/:id/working-group')
  @ApiOperation({ summary: 'Thành lập Tổ công tác ngay theo quy tắc (nếu chưa có)' })
  @ApiCreatedResponse({ type: WorkingGroupResponseDto })
  assemble(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.groups.assembleNow(user, id);
  }

  @Get('incidents/:id/working-group/decision')
  @ApiOperation({ summary: 'Quyết định thành lập Tổ công tác (Markdown hoặc HTML)' })
  @ApiProduces('text/markdown', 'text/html')
  @ApiOkResponse({ schema: { type: 'string' }, description: 'Văn bản quyết định (Markdown hoặc HTML)' })
  async decision(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: DecisionQueryDto,
    @Res() res: Response,
  ) {
    const doc = await this.views.decision(user, id, query.format ?? 'md');
    res.type(doc.contentType).send(doc.body);
  }

  @Post('incidents/:id/working-group/members')
  @ApiOperation({ summary: 'Bổ sung thành viên (tổ trưởng, tổ phó hoặc quản trị)' })
  @ApiCreatedResponse({ type: WorkingGroupResponseDto })
  add(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AddMemberDto) {
    return this.groups.addMember(user, id, dto);
  }

  @Delete('incidents/:id/working-group/members/:memberId')
  @ApiOperation({ summary: 'Đưa thành viên ra khỏi Tổ công tác (mất quyền vào phòng ngay)' })
  @ApiOkResponse({ type: WorkingGroupResponseDto })
  remove(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('memberId', ParseUUIDPipe) memberId: string,
    @Body() dto: RemoveMemberDto,
  ) {
    return this.groups.removeMember(user, id, memberId, dto.reason);
  }

  @Post('incidents/:id/working-group/members/:memberId/replace')
  @ApiOperation({ summary: 'Thay thành viên (người chỉ định hoặc ứng viên kế tiếp)' })
  @ApiCreatedResponse({ type: WorkingGroupResponseDto })
  replace(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('memberId', ParseUUIDPipe) memberId: string,
    @Body() dto: MemberChangeDto,
  ) {
    return this.groups.replaceMember(user, id, memberId, dto, 'replace');
  }

  @Post('incidents/:id/working-group/members/:memberId/handover')
  @ApiOperation({ summary: 'Bàn giao vai trò cho người khác (giữ lịch sử đảm nhận)' })
  @ApiCreatedResponse({ type: WorkingGroupResponseDto })
  handover(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('memberId', ParseUUIDPipe) memberId: string,
    @Body() dto: MemberChangeDto,
  ) {
    return this.groups.replaceMember(user, id, memberId, dto, 'handover');
  }

  @Post('invitations/:id/accept')
  @ApiOperation({ summary: 'Nhận lời mời tham gia Tổ công tác' })
  @ApiCreatedResponse({ type: GroupMemberDto })
  accept(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.invitations.accept(user, id);
  }

  @Post('invitations/:id/decline')
  @ApiOperation({ summary: 'Từ chối lời mời (nêu lý do); hệ thống mời người kế tiếp' })
  @ApiCreatedResponse({ type: GroupMemberDto })
  decline(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DeclineInvitationDto,
  ) {
    return this.invitations.decline(user, id, dto.reason);
  }

  @Get('working-group-roles')
  @ApiOperation({ summary: 'Danh mục vai trò trong Tổ công tác' })
  @ApiOkResponse({ type: [WorkingGroupRoleDto] })
  roles() {
    return this.configuration.listRoles();
  }

  @Get('working-group-rules')
  @ApiOperation({ summary: 'Quy tắc thành lập Tổ công tác (mọi phiên bản)' })
  @ApiOkResponse({ type: [AssemblyRuleResponseDto] })
  rules() {
    return this.configuration.listRules();
  }

  @Post('working-group-rules')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Thêm quy tắc hoặc phiên bản mới của quy tắc (quản trị)' })
  @ApiCreatedResponse({ type: AssemblyRuleResponseDto })
  createRule(@Body() dto: CreateAssemblyRuleDto) {
    return this.configuration.createRule(dto);
  }

  @Post('availability')
  @Roles(Role.Admin, Role.Leader)
  @ApiOperation({ summary: 'Ghi trạng thái trực/vắng mặt của một người theo ngày' })
  @ApiCreatedResponse({ type: PersonAvailabilityResponseDto })
  availability(@CurrentUser() user: AuthUser, @Body() dto: AvailabilityDto) {
    return this.configuration.setAvailability(user, dto);
  }
}
