import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/decorators.js';
import type { AuthUser } from '../../auth/decorators.js';
import { Role } from '../../auth/role.js';
import type { Sendable } from '../../common/api-response.js';
import type { PressCoverage, PressCoverageList } from '../../contracts/press.js';
import {
  CoverageOutcomeDto,
  CreateCoverageDto,
  ListCoverageQueryDto,
  RespondCoverageDto,
  VerifyCoverageDto,
} from './dto/press-coverage.dto.js';
import { PressCoverageListResponseDto, PressCoverageResponseDto } from './dto/press-coverage.response.js';
import { PressCoverageService } from './press-coverage.service.js';

@ApiTags('press')
@ApiBearerAuth()
@Controller('press/coverage')
@Roles(Role.Leader, Role.Officer)
export class PressCoverageController {
  constructor(private readonly coverage: PressCoverageService) {}

  @Get()
  @ApiOperation({ summary: 'Báo nêu của các đơn vị trong phạm vi, theo hạn xử lý' })
  @ApiOkResponse({ type: PressCoverageListResponseDto })
  list(@CurrentUser() user: AuthUser, @Query() query: ListCoverageQueryDto): Promise<Sendable<PressCoverageList>> {
    return this.coverage.list(user, query);
  }

  @Post()
  @ApiOperation({ summary: 'Ghi nhận một bài báo, phóng sự nêu vấn đề cần xử lý, trả lời' })
  @ApiCreatedResponse({ type: PressCoverageResponseDto })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateCoverageDto): Promise<Sendable<PressCoverage>> {
    return this.coverage.create(user, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Một báo nêu: xác minh, trả lời, kết quả' })
  @ApiOkResponse({ type: PressCoverageResponseDto })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<Sendable<PressCoverage>> {
    return this.coverage.get(user, id);
  }

  @Post(':id/verification')
  @HttpCode(200)
  @ApiOperation({ summary: 'Kết quả xác minh nội dung báo nêu' })
  @ApiOkResponse({ type: PressCoverageResponseDto })
  verify(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: VerifyCoverageDto): Promise<Sendable<PressCoverage>> {
    return this.coverage.verify(user, id, dto);
  }

  @Post(':id/response')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Trả lời: văn bản trả lời, đề nghị cải chính hoặc đăng phản hồi (NĐ 09/2017 Điều 4 khoản 6), hay mở sự cố',
  })
  @ApiOkResponse({ type: PressCoverageResponseDto })
  respond(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RespondCoverageDto): Promise<Sendable<PressCoverage>> {
    return this.coverage.respond(user, id, dto);
  }

  @Post(':id/outcome')
  @HttpCode(200)
  @ApiOperation({ summary: 'Kết quả: báo đã cải chính, có bài tiếp theo, hoặc không thay đổi' })
  @ApiOkResponse({ type: PressCoverageResponseDto })
  outcome(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CoverageOutcomeDto): Promise<Sendable<PressCoverage>> {
    return this.coverage.outcome(user, id, dto);
  }
}
