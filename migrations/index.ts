import { MigrationInterface } from 'typeorm';

import { Initial1795392610181 } from './1795392610181-Initial.js';
import { Incidents1795393305710 } from './1795393305710-Incidents.js';
import { Signals1795393782508 } from './1795393782508-Signals.js';
import { Detection1795393937949 } from './1795393937949-Detection.js';
import { Rooms1795394605721 } from './1795394605721-Rooms.js';
import { JobsNotifications1795396055818 } from './1795396055818-JobsNotifications.js';
import { WorkingGroups1795397294277 } from './1795397294277-WorkingGroups.js';
import { Statements1796157872307 } from './1796157872307-Statements.js';
import { Playbooks1796171961960 } from './1796171961960-Playbooks.js';
import { DetectionTrust1796400000001 } from './1796400000001-DetectionTrust.js';
import { DocumentRegister1796410000001 } from './1796410000001-DocumentRegister.js';
import { SessionVersion1796430000001 } from './1796430000001-SessionVersion.js';
import { SlowBurnColdStart1796500000001 } from './1796500000001-SlowBurnColdStart.js';
import { Feeds1796530000001 } from './1796530000001-Feeds.js';
import { SignalImports1796540000001 } from './1796540000001-SignalImports.js';
import { PressOutlets1796550000001 } from './1796550000001-PressOutlets.js';
import { PressInquiries1796550000002 } from './1796550000002-PressInquiries.js';
import { PressCoverageConferences1796560000001 } from './1796560000001-PressCoverageConferences.js';
import { MentionPartitions1796570000001 } from './1796570000001-MentionPartitions.js';
import { TractionNewVoices1796580000001 } from './1796580000001-TractionNewVoices.js';
import { MentionKeys1796670000001 } from './1796670000001-MentionKeys.js';
import { MentionTopicVoices1796680000001 } from './1796680000001-MentionTopicVoices.js';
/**
 * All migrations in order. `npm run migration:generate -- Name` writes a new file here and adds it to this list.
 */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Initial1795392610181,
  Incidents1795393305710,
  Signals1795393782508,
  Detection1795393937949,
  Rooms1795394605721,
  JobsNotifications1795396055818,
  WorkingGroups1795397294277,
  Statements1796157872307,
  Playbooks1796171961960,
  DetectionTrust1796400000001,
  DocumentRegister1796410000001,
  SessionVersion1796430000001,
  SlowBurnColdStart1796500000001,
  Feeds1796530000001,
  SignalImports1796540000001,
  PressOutlets1796550000001,
  PressInquiries1796550000002,
  PressCoverageConferences1796560000001,
  MentionPartitions1796570000001,
  TractionNewVoices1796580000001,
  MentionKeys1796670000001,
  MentionTopicVoices1796680000001,
];
