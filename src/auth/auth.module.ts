import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { LoginThrottle } from './login-throttle.js';
import { SessionUsers } from './session-users.js';
import { TokenService } from './token.service.js';
import { UserAccessChanges } from './user-access-changes.js';
import { UsersController } from './users.controller.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [
    DirectoryModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A KeyObject made once: given a string, jsonwebtoken builds one on every verify (after first trying,
        // and failing with an exception, to read it as a public key), on every authenticated request.
        secret:
          config.jwt.secret === undefined
            ? undefined
            : createSecretKey(Buffer.from(config.jwt.secret, 'utf8')),
        signOptions: { issuer: 'ungpho', algorithm: 'HS256' },
        verifyOptions: { issuer: 'ungpho', algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController, UsersController],
  providers: [
    AuthService,
    LoginThrottle,
    TokenService,
    SessionUsers,
    UsersService,
    UsersRepository,
    UserAccessChanges,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, TokenService, SessionUsers, UsersService, UserAccessChanges],
})
export class AuthModule {}
