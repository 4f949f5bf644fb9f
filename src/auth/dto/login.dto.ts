import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'admin@ungpho.local' })
  @IsEmail()
  @MaxLength(255)
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class RefreshDto {
  @ApiProperty({ description: 'Refresh token nhận được từ lần đăng nhập hoặc làm mới gần nhất' })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  refreshToken: string;
}

export class LogoutDto {
  @ApiPropertyOptional({ description: 'Thu hồi phiên của refresh token này' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  refreshToken?: string;

  @ApiPropertyOptional({ description: 'Đăng xuất khỏi mọi thiết bị' })
  @IsOptional()
  @IsBoolean()
  allDevices?: boolean;
}
