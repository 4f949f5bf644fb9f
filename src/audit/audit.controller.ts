import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import { AuditService } from './audit.service.js';
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
  list(@Query() query: AuditQueryDto) {
    return this.audit.list(query);
  }

  @Get('verify')
  @ApiOperation({ summary: 'Kiểm tra toàn vẹn chuỗi hash của nhật ký kiểm toán' })
  verify() {
    return this.audit.verify();
  }
}
