import { DynamicModule, Module } from '@nestjs/common';
import { AccessModule } from './access/access.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { DetectionModule } from './detection/detection.module.js';
import { DirectoryModule } from './directory/directory.module.js';
import { FeedsModule } from './feeds/feeds.module.js';
import { HealthModule } from './health/health.module.js';
import { IncidentsModule } from './incidents/incidents.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { PressModule } from './press/press.module.js';
import { PlaybooksModule } from './playbooks/playbooks.module.js';
import { PressConferencesModule } from './press/conferences/press-conferences.module.js';
import { PressCoverageModule } from './press/coverage/press-coverage.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { RoomsModule } from './rooms/rooms.module.js';
import { OfficerReportsModule } from './officer-reports/officer-reports.module.js';
import { SignalImportsModule } from './signal-imports/signal-imports.module.js';
import { SignalsModule } from './signals/signals.module.js';
import { StatementsModule } from './statements/statements.module.js';
import { WorkingGroupsModule } from './working-groups/working-groups.module.js';

@Module({})
export class AppModule {
  /** config.databaseUrl must be resolved (embedded database started) before this is called. */
  static forRoot(config: AppConfig & { databaseUrl: string }): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(config.databaseUrl, { logQueries: config.logLevel === 'trace' }),
        AccessModule,
        AuditModule,
        AuthModule,
        DirectoryModule,
        IncidentsModule,
        RoomsModule,
        SignalsModule,
        SignalImportsModule,
        DetectionModule,
        FeedsModule,
        OfficerReportsModule,
        JobsModule,
        NotificationsModule,
        WorkingGroupsModule,
        StatementsModule,
        PlaybooksModule,
        PressModule,
        ReportsModule,
        PressCoverageModule,
        PressConferencesModule,
        HealthModule,
      ],
    };
  }
}
