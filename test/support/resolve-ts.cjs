// Jest loads globalSetup/globalTeardown through a CommonJS require hook that ignores moduleNameMapper, so the
// ESM-style `./x.js` specifiers of our TypeScript sources would not resolve there. Fall back to `./x.ts`.
const Module = require('node:module');
const original = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  try {
    return original.call(this, request, parent, ...rest);
  } catch (error) {
    if (request.startsWith('.') && request.endsWith('.js')) {
      return original.call(this, request.slice(0, -3) + '.ts', parent, ...rest);
    }
    throw error;
  }
};
