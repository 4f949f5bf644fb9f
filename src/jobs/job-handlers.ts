import { Injectable } from '@nestjs/common';
import type { JobHandler, JobPayload } from './jobs.types.js';

/** Kinds are `domain.what`, lower case: `working_group.ack_deadline`. */
export function assertJobKind(kind: string): void {
  if (!/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/.test(kind) || kind.length > 100) {
    throw new Error(`job kind "${kind}" must look like domain.what (lower case, at most 100 characters)`);
  }
}

/** Handlers per timer kind, registered by the modules that own the kinds (from their onModuleInit). */
@Injectable()
export class JobHandlers {
  private readonly handlers = new Map<string, JobHandler>();

  register<P extends JobPayload>(kind: string, handler: JobHandler<P>): void {
    assertJobKind(kind);
    if (this.handlers.has(kind)) throw new Error(`a handler for job kind "${kind}" is already registered`);
    this.handlers.set(kind, handler as JobHandler);
  }

  get(kind: string): JobHandler | undefined {
    return this.handlers.get(kind);
  }

  /** The kinds this node can fire: a node only claims timers it has a handler for. */
  kinds(): string[] {
    return [...this.handlers.keys()];
  }
}
