/**
 * The directory: units with their dated functions and successions, people, spokesperson designations.
 * Plain TypeScript shared by the service (response DTOs implement these) and the web console: no Nest or TypeORM
 * imports here.
 */

/** A person of the directory. */
export interface Person {
  id: string;
  fullName: string;
  position: string;
  orgUnitId: string;
  phone: string | null;
  email: string | null;
  tags: string[];
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The short form of a person embedded in other answers. */
export interface PersonSummary {
  id: string;
  fullName: string;
  position: string;
  orgUnitId: string;
  phone: string | null;
  email: string | null;
}
