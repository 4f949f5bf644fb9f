import { Module } from '@nestjs/common';
import { DirectoryTransferController } from './directory-transfer.controller.js';
import { DirectoryTransferService } from './directory-transfer.service.js';
import { DirectoryOnDate } from './directory-on-date.repository.js';
import { DirectoryRepository } from './directory.repository.js';
import { OrgUnitsRepository } from './org-units.repository.js';
import { PeopleRepository } from './people.repository.js';
import { SpokespersonDesignationsRepository } from './spokesperson-designations.repository.js';
import { OrgUnitsController } from './org-units.controller.js';
import { OrgUnitsService } from './org-units.service.js';
import { PeopleController } from './people.controller.js';
import { PeopleService } from './people.service.js';
import { SpokespersonDesignationsController } from './spokesperson-designations.controller.js';
import { SpokespersonDesignationsService } from './spokesperson-designations.service.js';

/** Org units (temporal tree, successors, dated capabilities), people and spokesperson designations. */
@Module({
  controllers: [
    OrgUnitsController,
    PeopleController,
    SpokespersonDesignationsController,
    DirectoryTransferController,
  ],
  providers: [
    DirectoryRepository,
    OrgUnitsRepository,
    PeopleRepository,
    SpokespersonDesignationsRepository,
    DirectoryOnDate,
    OrgUnitsService,
    PeopleService,
    SpokespersonDesignationsService,
    DirectoryTransferService,
  ],
  exports: [DirectoryOnDate, OrgUnitsService, PeopleService, SpokespersonDesignationsService],
})
export class DirectoryModule {}
