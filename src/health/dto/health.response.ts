import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ApiPropertyOptions } from '@nestjs/swagger';
import type { Health, HealthIndicator } from '../../contracts/health.js';

const INDICATORS: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: {
    type: 'object',
    properties: { status: { type: 'string', enum: ['up', 'degraded', 'down'] } },
    additionalProperties: true,
  },
};

/** @nestjs/terminus's answer: every check by name (here `database`). */
export class HealthResponseDto implements Health {
  @ApiProperty({ enum: ['ok', 'error', 'shutting_down', 'degraded'] }) status:
    'ok' | 'error' | 'shutting_down' | 'degraded';
  @ApiPropertyOptional(INDICATORS) info?: Partial<Record<string, HealthIndicator>>;
  @ApiPropertyOptional(INDICATORS) error?: Partial<Record<string, HealthIndicator>>;
  @ApiProperty(INDICATORS) details: Record<string, HealthIndicator>;
}
