import { existsSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** What the service answers itself: never the console's page, whatever the path below them. */
export const RESERVED_PATHS = ['/api', '/docs', '/docs-json', '/health', '/socket.io'];

export function isReservedPath(p: string): boolean {
  return RESERVED_PATHS.some((r) => p === r || p.startsWith(`${r}/`));
}

/**
 * The built web console (web/dist): its files, and its index.html for any other page a browser asks for
 * (`/incidents/…`: the single-page app routes in the browser). Null when it was not built.
 */
export function webConsole(dir: string): RequestHandler | null {
  const root = path.resolve(dir);
  const index = path.join(root, 'index.html');
  if (!existsSync(index)) return null;
  const files = express.static(root, {
    index: false,
    setHeaders(res, file) {
      // Vite names built assets by content hash: they never change under the same name.
      const hashed = file.startsWith(path.join(root, 'assets') + path.sep);
      res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isReservedPath(req.path)) return next();
    res.vary('Accept-Encoding');
    // The build wrote .br and .gz beside each asset (web/vite.config.ts): sent to browsers that take them.
    const asset = req.path.startsWith('/assets/');
    // Brotli first whatever the client's order (smaller), then gzip.
    const encoding =
      asset && req.acceptsEncodings('br') ? 'br' : asset && req.acceptsEncodings('gzip') ? 'gzip' : false;
    const packed = encoding && `${req.path}.${encoding === 'br' ? 'br' : 'gz'}`;
    if (packed && existsSync(path.join(root, packed))) {
      res.type(path.extname(req.path));
      res.setHeader('Content-Encoding', encoding);
      res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      // `root` keeps the path inside web/dist ("..": 403).
      return res.sendFile(packed, { root }, (err) => err && next(err));
    }
    files(req, res, () => {
      // A missing file (an extension) or a client that does not want a page gets the JSON 404.
      if (path.extname(req.path) || !req.accepts('html')) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  };
}
