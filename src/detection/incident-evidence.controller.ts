import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/decorators.js';
import type { AuthUser } from '../auth/decorators.js';
import { TopicBucketResponseDto } from './dto/incident-evidence.response.js';
import { TopicWindowRangeDto } from './dto/incident-evidence.dto.js';
import { IncidentEvidenceService } from './incident-evidence.service.js';

@ApiTags('detection')
@ApiBearerAuth()
@Controller()
export class IncidentEvidenceController {
  constructor(private readonly evidence: IncidentEvidenceService) {}

  @Get('incidents/:id/topic-buckets')
  @ApiOperation({
    summary:
      'Số đề cập theo khung thời gian của các chủ đề gắn với sự cố (ai xem được sự cố thì xem được; mặc định 24 giờ qua)',
  })
  @ApiOkResponse({ type: [TopicBucketResponseDto] })
  buckets(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: TopicWindowRangeDto,
  ) {
    return this.evidence.buckets(user, id, query);
  }
}
