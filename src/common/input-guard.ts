import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import type { NextFunction, Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { AppError } from './app-error.js';
import { fieldError, validationFailed } from './validation.js';

/** Keys that reach Object.prototype or a constructor when code merges input into an object. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Deeper than any DTO of the API: a body nested further is refused before anything walks it recursively. */
const MAX_DEPTH = 32;
// eslint-disable-next-line no-control-regex -- NUL is exactly what is refused
const NUL = /\u0000/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface InputProblem {
  field: string;
  constraint: 'noNul' | 'wellFormedUnicode' | 'noPrototypeKey' | 'maxDepth' | 'safeNumber';
  message: string;
}

const join = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

/**
 * The first thing in a parsed input (JSON body, query, socket payload) the API never accepts, whatever the route:
 * a NUL character or an unpaired UTF-16 surrogate in a string or a key (PostgreSQL refuses both in text), a key
 * that names a prototype, nesting deeper than MAX_DEPTH, or a number beyond ±2^53 (no field of the API holds
 * one; such numbers lose their digits and overflow the database's integers). Binary data (Buffers, typed
 * arrays: Yjs updates) is left alone.
 */
export function findInputProblem(value: unknown, path = '', depth = 0, strings = true): InputProblem | null {
  if (typeof value === 'string') {
    if (!strings) return null;
    if (NUL.test(value))
      return { field: path, constraint: 'noNul', message: `${path || 'dữ liệu'}: không được chứa ký tự NUL` };
    if (LONE_SURROGATE.test(value))
      return {
        field: path,
        constraint: 'wellFormedUnicode',
        message: `${path || 'dữ liệu'}: chứa ký tự Unicode không hợp lệ (nửa cặp UTF-16)`,
      };
    return null;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER)
      return {
        field: path,
        constraint: 'safeNumber',
        message: `${path || 'dữ liệu'}: số nằm ngoài phạm vi cho phép`,
      };
    return null;
  }
  if (
    value === null ||
    typeof value !== 'object' ||
    ArrayBuffer.isView(value) ||
    value instanceof ArrayBuffer
  )
    return null;
  if (depth >= MAX_DEPTH)
    return { field: path, constraint: 'maxDepth', message: `${path || 'dữ liệu'}: lồng nhau quá sâu` };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = findInputProblem(value[i], join(path, i), depth + 1, strings);
      if (p) return p;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    const field = join(path, key);
    if (PROTOTYPE_KEYS.has(key))
      return { field, constraint: 'noPrototypeKey', message: `${field}: tên trường không được phép` };
    const keyProblem = findInputProblem(key, field, depth + 1);
    if (keyProblem) return keyProblem;
    const p = findInputProblem((value as Record<string, unknown>)[key], field, depth + 1, strings);
    if (p) return p;
  }
  return null;
}

export function inputProblemError(problem: InputProblem): AppError {
  return validationFailed(
    [fieldError(problem.field, problem.constraint, problem.message)],
    `Dữ liệu không hợp lệ: ${problem.field || 'nội dung'}`,
  );
}

/** Throws VALIDATION_FAILED naming the field when the input holds what findInputProblem refuses. */
export function assertCleanInput(value: unknown, path = ''): void {
  const problem = findInputProblem(value, path);
  if (problem) throw inputProblemError(problem);
}

/**
 * Batch ingestion checks the text of each item itself and refuses only the bad items, keeping the others
 * (src/signals/mention-item.validator.ts): there the body's strings are left to it; keys, depth and numbers are
 * still checked here.
 */
const ITEM_VALIDATED_BODIES = [/^\/api\/signals\/?$/, /^\/api\/signal-sources\/[^/]+\/webhook\/?$/];

/**
 * Express middleware, after the body parsers: the path, the query and the body of every request go through
 * assertCleanInput; a refusal answers 400 in the API's error shape.
 */
export function inputGuard() {
  return (req: Request, _res: Response, next: NextFunction) => {
    try {
      let path: string;
      try {
        path = decodeURIComponent(req.path);
      } catch {
        throw validationFailed(
          [fieldError('path', 'urlEncoding', 'path: mã hóa URL sai')],
          'Đường dẫn không hợp lệ (mã hóa URL sai)',
        );
      }
      assertCleanInput(path, 'path');
      // Named like the validation pipe names fields: `title`, `items[2].text`, `offset`.
      assertCleanInput(req.query);
      const strings = !ITEM_VALIDATED_BODIES.some((re) => re.test(req.path));
      const problem = findInputProblem(req.body, '', 0, strings);
      if (problem) throw inputProblemError(problem);
      next();
    } catch (e) {
      next(e);
    }
  };
}

function hasBody(body: unknown): boolean {
  if (body === undefined || body === null) return false;
  if (typeof body === 'string' || Buffer.isBuffer(body)) return body.length > 0;
  if (Array.isArray(body)) return true;
  return typeof body === 'object' && Object.keys(body).length > 0;
}

/**
 * A route that declares no body (no @Body(), no @Req()) refuses one: `[]` or `{"x":1}` sent to
 * `POST /api/statements/:id/submit` is a client mistake, not something to ignore. An empty object is tolerated.
 */
@Injectable()
export class BodylessRouteInterceptor implements NestInterceptor {
  private readonly takesBody = new WeakMap<object, boolean>();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const handler = context.getHandler();
      let takes = this.takesBody.get(handler);
      if (takes === undefined) {
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), handler.name) ??
          {}) as Record<string, unknown>;
        takes = Object.keys(args).some((k) => {
          const type = Number(k.split(':')[0]);
          return (
            type === RouteParamtypes.BODY ||
            type === RouteParamtypes.REQUEST ||
            type === RouteParamtypes.RAW_BODY
          );
        });
        this.takesBody.set(handler, takes);
      }
      const req = context.switchToHttp().getRequest<Request>();
      if (!takes && hasBody(req.body)) {
        throw new BadRequestException(
          'thao tác này không nhận nội dung (body); hãy gửi yêu cầu không có body',
        );
      }
    }
    return next.handle();
  }
}
