import { Body, Controller, Get, Headers, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Sendable } from '../common/api-response.js';
import type { LoginResult, LogoutResult, User } from '../contracts/auth.js';
import { AuthService } from './auth.service.js';
import { CurrentUser, Public } from './decorators.js';
import type { AuthUser } from './decorators.js';
import { LoginDto, LogoutDto, RefreshDto } from './dto/login.dto.js';
import { LoginResponseDto, LogoutResponseDto, UserResponseDto } from './dto/user.response.js';
import { UsersService } from './users.service.js';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đăng nhập: trả về access token ngắn hạn và refresh token xoay vòng' })
  @ApiOkResponse({ type: LoginResponseDto })
  login(
    @Body() dto: LoginDto,
    @Ip() ip: string,
    @Headers('user-agent') userAgent?: string,
  ): Promise<Sendable<LoginResult>> {
    return this.auth.login(dto.email, dto.password, userAgent, ip);
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Đổi refresh token lấy cặp token mới (token cũ hết hiệu lực; dùng lại sẽ thu hồi cả phiên)',
  })
  @ApiOkResponse({ type: LoginResponseDto })
  refresh(
    @Body() dto: RefreshDto,
    @Headers('user-agent') userAgent?: string,
  ): Promise<Sendable<LoginResult>> {
    return this.auth.refresh(dto.refreshToken, userAgent);
  }

  @ApiBearerAuth()
  @Post('auth/logout')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đăng xuất: thu hồi phiên của refresh token, hoặc mọi phiên' })
  @ApiOkResponse({ type: LogoutResponseDto })
  logout(@CurrentUser() user: AuthUser, @Body() dto: LogoutDto): Promise<LogoutResult> {
    return this.auth.logout(user.id, dto.refreshToken, dto.allDevices);
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOperation({ summary: 'Tài khoản đang đăng nhập, kèm người tương ứng trong danh bạ' })
  @ApiOkResponse({ type: UserResponseDto })
  me(@CurrentUser() user: AuthUser): Promise<Sendable<User>> {
    return this.users.get(user.id);
  }
}
