import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators.js';
import type { AuthUser } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import { CreateApprovalPolicyDto, DelegationDto, PreApprovedLineDto } from './dto/approval.dto.js';
import {
  ApprovalDelegationListDto,
  ApprovalDelegationResponseDto,
  ApprovalInboxDto,
  ApprovalPolicyListDto,
  ApprovalPolicyResponseDto,
  PreApprovedLineListDto,
  PreApprovedLineResponseDto,
} from './dto/approvals.response.js';
import { ApprovalPoliciesService } from './approval-policies.service.js';
import { ApprovalDelegationsService } from './approval-delegations.service.js';
import { StatementApprovalsService } from './statement-approvals.service.js';

@ApiTags('approvals')
@ApiBearerAuth()
@Controller()
export class ApprovalsController {
  constructor(
    private readonly approvals: StatementApprovalsService,
    private readonly policies: ApprovalPoliciesService,
    private readonly delegationsService: ApprovalDelegationsService,
  ) {}

  @Get('me/approvals')
  @ApiOperation({ summary: 'Hộp duyệt của tôi: các bước đang chờ tôi quyết định (kể cả được ủy quyền)' })
  @ApiOkResponse({ type: ApprovalInboxDto })
  inbox(@CurrentUser() user: AuthUser) {
    return this.approvals.inbox(user);
  }

  @Get('approval-delegations')
  @ApiOperation({ summary: 'Ủy quyền duyệt thay tôi đã giao hoặc được nhận' })
  @ApiOkResponse({ type: ApprovalDelegationListDto })
  delegations(@CurrentUser() user: AuthUser) {
    return this.delegationsService.listDelegations(user);
  }

  @Post('approval-delegations')
  @ApiOperation({ summary: 'Ủy quyền duyệt thay cho một vụ việc, có thời hạn, không được ủy quyền lại' })
  @ApiCreatedResponse({ type: ApprovalDelegationResponseDto })
  delegate(@CurrentUser() user: AuthUser, @Body() dto: DelegationDto) {
    return this.delegationsService.delegate(user, dto);
  }

  @Post('approval-delegations/:id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Thu hồi ủy quyền' })
  @ApiOkResponse({ type: ApprovalDelegationResponseDto })
  revoke(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.delegationsService.revokeDelegation(user, id);
  }

  @Get('approval-policies')
  @Roles(Role.Admin, Role.Leader, Role.Officer)
  @ApiOperation({ summary: 'Quy trình phê duyệt theo loại văn bản, mức độ, đơn vị (các phiên bản)' })
  @ApiOkResponse({ type: ApprovalPolicyListDto })
  listPolicies() {
    return this.policies.list();
  }

  @Post('approval-policies')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Thêm phiên bản mới của một quy trình phê duyệt' })
  @ApiCreatedResponse({ type: ApprovalPolicyResponseDto })
  createPolicy(@Body() dto: CreateApprovalPolicyDto) {
    return this.policies.create(dto);
  }

  @Get('pre-approved-lines')
  @Roles(Role.Admin, Role.Leader, Role.Officer)
  @ApiOperation({ summary: 'Câu thông tin ban đầu được duyệt trước (đường nhanh)' })
  @ApiOkResponse({ type: PreApprovedLineListDto })
  listLines() {
    return this.policies.listLines();
  }

  @Post('pre-approved-lines')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Thêm câu được duyệt trước' })
  @ApiCreatedResponse({ type: PreApprovedLineResponseDto })
  createLine(@Body() dto: PreApprovedLineDto) {
    return this.policies.createLine(dto);
  }
}
