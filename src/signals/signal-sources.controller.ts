import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import { CreateSignalSourceDto, UpdateSignalSourceDto } from './dto/signal-source.dto.js';
import { SignalSourcesService } from './signal-sources.service.js';
import type { AuthUser } from '../auth/decorators.js';
import {
  SignalSourceResponseDto,
  SignalSourceWithSecretResponseDto,
  SourceActivityResponseDto,
} from './dto/signals.response.js';
import type { Sendable } from '../common/api-response.js';
import type { SignalSource, SignalSourceWithSecret, SourceActivity } from '../contracts/signals.js';

@ApiTags('signals')
@ApiBearerAuth()
@Controller('signal-sources')
export class SignalSourcesController {
  constructor(private readonly sources: SignalSourcesService) {}

  @Post()
  @Roles(Role.Admin)
  @ApiOperation({
    summary: 'Tạo nguồn tín hiệu (quản trị); trả về khóa bí mật webhook MỘT lần duy nhất',
  })
  @ApiCreatedResponse({ type: SignalSourceWithSecretResponseDto })
  create(@Body() dto: CreateSignalSourceDto): Promise<Sendable<SignalSourceWithSecret>> {
    return this.sources.create(dto);
  }

  @Get()
  @Roles(Role.Admin, Role.Leader, Role.Analyst)
  @ApiOperation({ summary: 'Danh sách nguồn tín hiệu' })
  @ApiOkResponse({ type: [SignalSourceResponseDto] })
  list(@CurrentUser() user: AuthUser): Promise<Sendable<SignalSource[]>> {
    return this.sources.list(user);
  }

  @Get(':id')
  @Roles(Role.Admin, Role.Leader, Role.Analyst)
  @ApiOperation({ summary: 'Chi tiết nguồn tín hiệu' })
  @ApiOkResponse({ type: SignalSourceResponseDto })
  get(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<Sendable<SignalSource>> {
    return this.sources.getVisible(user, id);
  }

  @Get(':id/activity')
  @Roles(Role.Admin, Role.Leader, Role.Analyst)
  @ApiOperation({
    summary:
      'Hoạt động của nguồn trong 24 giờ qua: số đề cập theo giờ, chủ đề khớp, mục bị từ chối và lý do (7 ngày)',
  })
  @ApiOkResponse({ type: SourceActivityResponseDto })
  activity(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<Sendable<SourceActivity>> {
    return this.sources.activity(user, id);
  }

  @Patch(':id')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Sửa tên, mô tả, đơn vị, bật/tắt nguồn (quản trị)' })
  @ApiOkResponse({ type: SignalSourceResponseDto })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateSignalSourceDto,
  ): Promise<Sendable<SignalSource>> {
    return this.sources.update(id, dto);
  }

  @Post(':id/rotate-secret')
  @Roles(Role.Admin)
  @ApiOperation({
    summary: 'Đổi khóa bí mật webhook (quản trị); khóa cũ còn dùng được 1 giờ; khóa mới chỉ hiện một lần',
  })
  @ApiCreatedResponse({ type: SignalSourceWithSecretResponseDto })
  rotateSecret(@Param('id', ParseUUIDPipe) id: string): Promise<Sendable<SignalSourceWithSecret>> {
    return this.sources.rotateSecret(id);
  }
}
