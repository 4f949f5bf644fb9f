import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Sendable } from '../common/api-response.js';
import type { User } from '../contracts/auth.js';
import type { Page } from '../contracts/enums.js';
import { CurrentUser, Roles } from './decorators.js';
import type { AuthUser } from './decorators.js';
import { CreateUserDto, ListUsersQueryDto, UpdateUserDto } from './dto/user.dto.js';
import { UserPageResponseDto, UserResponseDto } from './dto/user.response.js';
import { Role } from './role.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'Danh sách tài khoản (quản trị)' })
  @ApiOkResponse({ type: UserPageResponseDto })
  list(@Query() query: ListUsersQueryDto): Promise<Sendable<Page<User>>> {
    return this.users.list(query);
  }

  @Post()
  @ApiOperation({ summary: 'Tạo tài khoản (quản trị)' })
  @ApiCreatedResponse({ type: UserResponseDto })
  create(@Body() dto: CreateUserDto): Promise<Sendable<User>> {
    return this.users.create(dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Chi tiết tài khoản (quản trị)' })
  @ApiOkResponse({ type: UserResponseDto })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<Sendable<User>> {
    return this.users.get(id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Sửa vai trò, khóa/mở khóa, đặt lại mật khẩu, gắn người trong danh bạ (quản trị)',
  })
  @ApiOkResponse({ type: UserResponseDto })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateUserDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<Sendable<User>> {
    return this.users.update(id, dto, actor.id);
  }
}
