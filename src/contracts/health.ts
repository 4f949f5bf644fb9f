/** The service's health answer (`GET /health`, @nestjs/terminus). Plain TypeScript: no Nest imports. */

export interface HealthIndicator {
  status: 'up' | 'degraded' | 'down';
  [detail: string]: unknown;
}

export interface Health {
  status: 'ok' | 'error' | 'shutting_down' | 'degraded';
  info?: Partial<Record<string, HealthIndicator>>;
  error?: Partial<Record<string, HealthIndicator>>;
  details: Record<string, HealthIndicator>;
}
