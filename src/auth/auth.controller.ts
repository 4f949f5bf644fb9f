import { Body, Controller, Get, Headers, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthService } from './auth.service.js';
import { CurrentUser, Public } from './decorators.js';
import type { AuthUser } from './decorators.js';
import { LoginDto, LogoutDto, RefreshDto } from './dto/login.dto.js';
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
  login(@Body() dto: LoginDto, @Ip() ip: string, @Headers('user-agent') userAgent?: string) {
    return this.auth.login(dto.email, dto.password, userAgent, ip);
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Đổi refresh token lấy cặp token mới (token cũ hết hiệu lực; dùng lại sẽ thu hồi cả phiên)',
  })
  refresh(@Body() dto: RefreshDto, @Headers('user-agent') userAgent?: string) {
    return this.auth.refresh(dto.refreshToken, userAgent);
  }

  @ApiBearerAuth()
  @Post('auth/logout')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đăng xuất: thu hồi phiên của refresh token, hoặc mọi phiên' })
  logout(@CurrentUser() user: AuthUser, @Body() dto: LogoutDto) {
    return this.auth.logout(user.id, dto.refreshToken, dto.allDevices);
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOperation({ summary: 'Tài khoản đang đăng nhập, kèm người tương ứng trong danh bạ' })
  me(@CurrentUser() user: AuthUser) {
    return this.users.get(user.id);
  }
}
