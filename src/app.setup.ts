import { INestApplication, NotFoundException } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import { ErrorCode } from './common/app-error.js';
import { HttpExceptionFilter, toErrorBody } from './common/http-exception.filter.js';
import { BodylessRouteInterceptor, inputGuard } from './common/input-guard.js';
import { createHttpLogger, PinoNestLogger } from './common/logger.js';
import { apiRateLimit, loginRateLimit } from './common/rate-limit.js';
import { requestContext } from './common/request-context.js';
import { webConsole } from './common/web-console.js';
import { createValidationPipe } from './common/validation.js';
import type { AppConfig } from './config/app-config.js';

export const API_PREFIX = 'api';

/** Builds the Nest application with every cross-cutting piece; used by main.ts and by the e2e tests. */
export async function createApp(
  config: AppConfig & { databaseUrl: string },
  logger: Logger,
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    // Keeps req.rawBody: signed webhooks (signals) verify the HMAC over the exact bytes received.
    rawBody: true,
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(createHttpLogger(logger));
  app.use((req: Request, _res: Response, next: NextFunction) =>
    requestContext.run({ requestId: String(req.id ?? '') }, next),
  );
  // Swagger UI needs inline scripts on /docs; everywhere else (the web console holds the session's tokens) no
  // inline script runs. Inline styles stay allowed (CodeMirror and the HTML reports use them). Every URL of the
  // console is same-origin and relative, so over HTTPS nothing is insecure anyway; over plain HTTP (an intranet
  // address) upgrade-insecure-requests would send its scripts and websocket to an absent HTTPS port.
  const securityHeaders = (scriptSrc: string[]) =>
    helmet({
      contentSecurityPolicy: {
        directives: {
          'script-src': scriptSrc,
          'style-src': ["'self'", "'unsafe-inline'"],
          'upgrade-insecure-requests': null,
        },
      },
    });
  const docsHeaders = securityHeaders(["'self'", "'unsafe-inline'"]);
  const strictHeaders = securityHeaders(["'self'"]);
  app.use((req: Request, res: Response, next: NextFunction) =>
    (req.path === '/docs' || req.path.startsWith('/docs/') || req.path.startsWith('/docs-')
      ? docsHeaders
      : strictHeaders)(req, res, next),
  );
  app.enableCors({ origin: config.corsOrigins, credentials: true, exposedHeaders: ['x-request-id'] });
  app.useBodyParser('json', { limit: '10mb' });
  app.useBodyParser('text', { type: ['text/csv', 'text/plain'], limit: '10mb' });
  // Refused at the edge, for every route: NUL, lone surrogates, prototype keys, unsafe numbers (input-guard.ts).
  app.use(inputGuard());
  // Login itself is limited per address and per account in LoginThrottle (shared through Redis).
  app.use(`/${API_PREFIX}/auth/refresh`, loginRateLimit(config.rateLimit.loginPerMinute));
  app.use(`/${API_PREFIX}`, apiRateLimit(config.rateLimit.perMinute));
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalInterceptors(new BodylessRouteInterceptor());
  app.useGlobalFilters(new HttpExceptionFilter());
  setupOpenApi(app);
  await app.init();
  answerParserErrorsInShape(app);
  // After the routes: the API, the docs and /health always answer first.
  const webPages = webConsole(config.webDistDir);
  if (webPages) app.use(webPages);
  else
    logger.warn(
      { dir: config.webDistDir },
      'Chưa có giao diện web (chạy npm run build:web); chỉ phục vụ API',
    );
  // Paths nobody serves (outside /api too) get the JSON error shape rather than Express's HTML page.
  app.use((req: Request, res: Response) => {
    res.status(404).json(toErrorBody(new NotFoundException(), String(req.id ?? '')));
  });
  // Errors raised before routing (malformed JSON, body too large) get the same JSON error shape.
  app.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const body = toErrorBody(err, String(req.id ?? ''));
    res.status(body.statusCode).json(body);
  });
  return app;
}

/**
 * Requests Node's HTTP parser refuses before Express sees them (headers or URL too large, malformed request line)
 * get the API's JSON error shape too, instead of Node's bare status line.
 */
function answerParserErrorsInShape(app: NestExpressApplication): void {
  const server = app.getHttpServer() as import('node:http').Server;
  server.on('clientError', (err: NodeJS.ErrnoException, socket: import('node:stream').Duplex) => {
    if (!socket.writable || (err.code === 'ECONNRESET' && !socket.readable)) return socket.destroy();
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    const body = JSON.stringify({
      statusCode: status,
      code: ErrorCode.VALIDATION_FAILED,
      message:
        status === 431
          ? 'Địa chỉ hoặc tiêu đề yêu cầu quá dài'
          : 'Yêu cầu HTTP không hợp lệ (không đọc được dòng yêu cầu hoặc tiêu đề)',
      correlationId: randomUUID(),
    });
    socket.end(
      `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  });
}

export function setupOpenApi(app: INestApplication): void {
  const doc = new DocumentBuilder()
    .setTitle('ungpho API')
    .setDescription(
      'Ứng phó sự cố, khủng hoảng truyền thông: phát hiện, phòng tác chiến, Tổ công tác, thông cáo, báo cáo. ' +
        'Mọi lỗi có dạng { statusCode, code, message, details?, correlationId }.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, doc);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
