import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DateTimeString, NullableDateTime, NullableString } from '../../common/api-response.js';
import type { LoginResult, LogoutResult, User } from '../../contracts/auth.js';
import { ROLES } from '../../contracts/enums.js';
import type { Role } from '../../contracts/enums.js';
import { PersonResponseDto } from '../../directory/dto/person.response.js';

/** An account, never its password hash. */
export class UserResponseDto implements User {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty() active: boolean;
  @NullableString({ format: 'uuid' }) personId: string | null;
  @ApiPropertyOptional({ type: PersonResponseDto, nullable: true }) person?: PersonResponseDto | null;
  @NullableDateTime() lastLoginAt: string | null;
  @ApiProperty({ description: 'Tăng khi mọi phiên kết thúc' }) sessionVersion: number;
  @DateTimeString() createdAt: string;
  @DateTimeString() updatedAt: string;
}

export class UserPageResponseDto {
  @ApiProperty({ type: [UserResponseDto] }) items: UserResponseDto[];
  @ApiProperty() total: number;
}

export class LoginResponseDto implements LoginResult {
  @ApiProperty() accessToken: string;
  @ApiProperty({ description: 'Giây' }) accessTokenExpiresIn: number;
  @ApiProperty() refreshToken: string;
  @DateTimeString() refreshTokenExpiresAt: string;
  @ApiProperty({ type: UserResponseDto }) user: UserResponseDto;
}

export class LogoutResponseDto implements LogoutResult {
  @ApiProperty({ description: 'Số phiên đã thu hồi' }) revoked: number;
}
