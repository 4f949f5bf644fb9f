import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/decorators.js';
import type { Health } from '../contracts/health.js';
import { HealthResponseDto } from './dto/health.response.js';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Tình trạng dịch vụ (kiểm tra kết nối cơ sở dữ liệu)' })
  @ApiOkResponse({ type: HealthResponseDto })
  @ApiServiceUnavailableResponse({ type: HealthResponseDto, description: 'Một kiểm tra không đạt' })
  check(): Promise<Health> {
    return this.health.check([() => this.db.pingCheck('database', { timeout: 2000 })]);
  }
}
