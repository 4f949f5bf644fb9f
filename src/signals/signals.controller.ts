import { Body, Controller, Headers, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentUser, Public, Roles } from '../auth/decorators.js';
import type { AuthUser } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import { INGEST_BATCH_SCHEMA, INGEST_RESULT_SCHEMA, WEBHOOK_BATCH_SCHEMA } from './dto/ingest.dto.js';
import { SignalsService } from './signals.service.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from './webhook-signature.js';

// The bodies are typed `unknown` on purpose: the global ValidationPipe leaves them alone and the item
// validator checks them (class-validator is too slow for thousands of items per request).
@ApiTags('signals')
@Controller()
export class SignalsController {
  constructor(private readonly signals: SignalsService) {}

  @Post('signals')
  @HttpCode(200)
  @ApiBearerAuth()
  @Roles(Role.Admin, Role.Analyst, Role.Officer)
  @ApiOperation({
    summary: 'Nạp một lô đề cập (tối đa 5000); trùng lặp được bỏ qua, mục lỗi được báo theo vị trí',
  })
  @ApiBody({ schema: INGEST_BATCH_SCHEMA })
  @ApiOkResponse({ schema: INGEST_RESULT_SCHEMA })
  ingest(@CurrentUser() user: AuthUser, @Body() body: unknown) {
    return this.signals.ingest(body, user);
  }

  /** Public: authenticated by the HMAC signature of the source's secret, not by a user token. */
  @Post('signal-sources/:id/webhook')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Webhook của nguồn tín hiệu: HMAC-SHA256 bằng khóa bí mật của nguồn trên `${timestamp}.${body}`; ' +
      'từ chối yêu cầu cũ hơn 5 phút hoặc gửi lại',
  })
  @ApiHeader({ name: 'X-Ungpho-Signature', required: true, description: 'sha256=<hex>' })
  @ApiHeader({ name: 'X-Ungpho-Timestamp', required: true, description: 'Giây Unix lúc ký' })
  @ApiBody({ schema: WEBHOOK_BATCH_SCHEMA })
  @ApiOkResponse({ schema: INGEST_RESULT_SCHEMA })
  webhook(
    @Param('id', ParseUUIDPipe) id: string,
    @Headers(SIGNATURE_HEADER) signature: string | undefined,
    @Headers(TIMESTAMP_HEADER) timestamp: string | undefined,
    @Req() req: Request & { rawBody?: Buffer },
    @Body() body: unknown,
  ) {
    return this.signals.ingestWebhook({ sourceId: id, signature, timestamp, rawBody: req.rawBody, body });
  }
}
