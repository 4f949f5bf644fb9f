import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source.js';

@Module({})
export class DatabaseModule {
  /** Connects to `url` and applies pending migrations before the app serves anything. */
  static forRoot(url: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(url), migrationsRun: true, retryAttempts: 2 })],
    };
  }
}
