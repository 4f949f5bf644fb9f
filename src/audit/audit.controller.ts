import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import type { Sendable } from '../common/api-response.js';
import type { AuditPage, AuditVerification } from '../contracts/audit.js';
import { AuditService } from './audit.service.js';
import { AuditPageResponseDto, AuditVerificationResponseDto } from './dto/audit.response.js';
import { AuditQueryDto } from './dto/audit-query.dto.js';

@ApiTags('audit')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({
    summary: 'Nhật ký kiểm toán (mới nhất trước), lọc theo đối tượng, người thực hiện, thời gian',
  })
  @ApiOkResponse({ type: AuditPageResponseDto })
  list(@Query() query: AuditQueryDto): Promise<Sendable<AuditPage>> {
    return this.audit.list(query);
  }

  @Get('verify')
  @ApiOperation({ summary: 'Kiểm tra toàn vẹn chuỗi hash của nhật ký kiểm toán' })
  @ApiOkResponse({ type: AuditVerificationResponseDto })
  verify(): Promise<AuditVerification> {
    return this.audit.verify();
  }
}
