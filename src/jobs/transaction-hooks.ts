import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type {
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';

type Callback = () => void;

/**
 * Runs in-process callbacks once the caller's transaction has committed (and drops them if it rolls back):
 * how a timer or a notification scheduled inside a transaction wakes this node's worker at once instead of
 * at its next poll. Only for hints like that: the rows are the truth, and a callback lost with the process
 * costs nothing but latency.
 */
@Injectable()
export class TransactionHooks implements EntitySubscriberInterface {
  private readonly logger = new Logger(TransactionHooks.name);
  private readonly pending = new WeakMap<QueryRunner, Callback[]>();

  constructor(@InjectDataSource() dataSource: DataSource) {
    dataSource.subscribers.push(this);
  }

  afterCommit(manager: EntityManager, callback: Callback): void {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) {
      // Not in a transaction: whatever was written is committed already.
      setImmediate(() => this.run([callback]));
      return;
    }
    const list = this.pending.get(runner);
    if (list) list.push(callback);
    else this.pending.set(runner, [callback]);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    // A nested transaction (savepoint) released: the outer one may still roll back.
    if (event.queryRunner.isTransactionActive) return;
    const list = this.pending.get(event.queryRunner);
    if (!list) return;
    this.pending.delete(event.queryRunner);
    this.run(list);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
  }

  private run(callbacks: Callback[]): void {
    for (const callback of callbacks) {
      try {
        callback();
      } catch (e) {
        this.logger.warn(`after-commit callback failed: ${(e as Error).message}`);
      }
    }
  }
}
