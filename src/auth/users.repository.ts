import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { User } from './entities/user.entity.js';

/** The accounts' queries: the admin list, the login lookup (with the password hash), the first-admin check. */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A page of accounts with their person, by e-mail; filtered by a text in e-mail or name, and by role. */
  async list(filter: {
    q?: string;
    role?: string;
    limit: number;
    offset: number;
  }): Promise<{ items: User[]; total: number }> {
    const qb = this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .leftJoinAndSelect('u.person', 'p')
      .orderBy('u.email', 'ASC')
      .take(filter.limit)
      .skip(filter.offset);
    if (filter.q) qb.andWhere('(u.email ILIKE :q OR u.displayName ILIKE :q)', { q: `%${filter.q}%` });
    if (filter.role) qb.andWhere(':role = ANY(u.roles)', { role: filter.role });
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }

  /** The account of an e-mail (case-insensitive, trimmed) with its password hash, which reads leave out. */
  withPasswordByEmail(email: string): Promise<User | null> {
    return this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
  }

  /** How many accounts hold the admin role. */
  async adminCount(manager: EntityManager): Promise<number> {
    const [{ count }]: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM users WHERE 'admin' = ANY(roles)`,
    );
    return count;
  }
}
