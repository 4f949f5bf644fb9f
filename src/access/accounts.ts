import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessRepository } from './access.repository.js';
import type { AccountContact, SignerProfile } from './access.repository.js';

export type { AccountContact, SignerProfile } from './access.repository.js';

/**
 * Who an account or a person is, for the modules that may not read `users` and `people` themselves: contacts of
 * recipients, the accounts of a person, the heads of a unit, the name and unit a document gives a signer.
 */
@Injectable()
export class Accounts {
  constructor(private readonly repository: AccessRepository) {}

  /** Accounts as recipients: e-mail from the account, phone from the linked person (inactive ones included). */
  contacts(manager: EntityManager, ids: string[]): Promise<AccountContact[]> {
    return this.repository.contacts(manager, ids);
  }

  /** The active accounts of a directory person. */
  ofPerson(personId: string, manager?: EntityManager): Promise<string[]> {
    return this.repository.accountsOfPerson(personId, manager);
  }

  /** Active accounts of the people tagged `head` of the unit (who an overdue approval stage goes to). */
  unitHeads(manager: EntityManager, orgUnitId: string): Promise<string[]> {
    return this.repository.unitHeads(manager, orgUnitId);
  }

  /** The person behind an account, or a person, with their unit today, as a document names a signer. */
  signer(
    manager: EntityManager,
    who: { userId: string } | { personId: string },
  ): Promise<SignerProfile | null> {
    return this.repository.signer(manager, who);
  }
}
