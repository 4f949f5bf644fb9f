import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { PeopleService } from '../directory/people.service.js';
import { CreateUserDto, ListUsersQueryDto, UpdateUserDto } from './dto/user.dto.js';
import { RefreshToken } from './entities/refresh-token.entity.js';
import { User } from './entities/user.entity.js';
import { UsersRepository } from './users.repository.js';
import { hashPassword, verifyPassword } from './password.js';
import { Role } from './role.js';
import { UserAccessChanges } from './user-access-changes.js';
import { fieldError, validationFailed } from '../common/validation.js';

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly accessChanges: UserAccessChanges,
    private readonly repository: UsersRepository,
    private readonly people: PeopleService,
  ) {}

  list(query: ListUsersQueryDto): Promise<{ items: User[]; total: number }> {
    return this.repository.list({
      q: query.q,
      role: query.role,
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
  }

  async activeUserOfPerson(manager: EntityManager, personId: string): Promise<string | null> {
    const user = await manager.findOne(User, {
      where: { personId, active: true },
      order: { createdAt: 'ASC' },
      select: { id: true },
    });
    return user?.id ?? null;
  }

  /** Whether an account holds a platform role (active or not: what it did while it held it counts). */
  hasRole(manager: EntityManager, id: string, role: Role): Promise<boolean> {
    return manager
      .getRepository(User)
      .findOne({ where: { id }, select: { id: true, roles: true } })
      .then((u) => Boolean(u?.roles.includes(role)));
  }

  /** Whether an account exists and may sign in (in the caller's transaction when given). */
  isActive(id: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return manager.getRepository(User).existsBy({ id, active: true });
  }

  /** The password of an active account, checked again before a signature (ký duyệt). */
  async passwordMatches(id: string, password: string): Promise<boolean> {
    const user = await this.dataSource.getRepository(User).findOne({
      where: { id, active: true },
      select: { id: true, passwordHash: true },
    });
    return Boolean(user && (await verifyPassword(user.passwordHash, password)));
  }

  async get(id: string): Promise<User> {
    const user = await this.dataSource
      .getRepository(User)
      .findOne({ where: { id }, relations: { person: true } });
    if (!user) throw AppError.notFound('người dùng', id);
    return user;
  }

  async create(dto: CreateUserDto): Promise<User> {
    const passwordHash = await hashPassword(dto.password);
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(User, { email: dto.email })) {
        throw new AppError(ErrorCode.CONFLICT, `E-mail ${dto.email} đã được dùng cho tài khoản khác`, [
          fieldError('email', 'unique', 'email: đã tồn tại'),
        ]);
      }
      if (dto.personId) await this.assertPersonFree(manager, dto.personId);
      const user = await manager.save(
        manager.create(User, {
          email: dto.email,
          displayName: dto.displayName,
          passwordHash,
          roles: dto.roles,
          personId: dto.personId ?? null,
        }),
      );
      await this.audit.record(manager, {
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        data: { email: user.email, roles: user.roles, personId: user.personId },
      });
      const { passwordHash: _omit, ...safe } = user;
      return safe as User;
    });
  }

  async update(id: string, dto: UpdateUserDto, actorId: string): Promise<User> {
    const passwordHash = dto.password ? await hashPassword(dto.password) : undefined;
    await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw AppError.notFound('người dùng', id);
      if (id === actorId && (dto.active === false || (dto.roles && !dto.roles.includes(Role.Admin)))) {
        throw new AppError(ErrorCode.CONFLICT, 'Không thể tự khóa hoặc tự bỏ quyền quản trị của chính mình');
      }
      if (dto.personId) await this.assertPersonFree(manager, dto.personId, id);
      const patch: Partial<User> = {};
      if (dto.displayName !== undefined) patch.displayName = dto.displayName;
      if (dto.roles !== undefined) patch.roles = dto.roles;
      if (dto.active !== undefined) patch.active = dto.active;
      if (dto.personId !== undefined) patch.personId = dto.personId;
      if (passwordHash) patch.passwordHash = passwordHash;
      if (Object.keys(patch).length) await manager.update(User, id, patch);
      // Losing access or changing the password ends every open session.
      if (dto.active === false || passwordHash) {
        await manager.update(RefreshToken, { userId: id, revokedAt: IsNull() }, { revokedAt: new Date() });
        await manager.increment(User, { id }, 'sessionVersion', 1);
      }
      const { passwordHash: _pw, ...logged } = patch;
      await this.audit.record(manager, {
        action: 'user.updated',
        entityType: 'user',
        entityId: id,
        data: { ...logged, passwordChanged: Boolean(passwordHash) },
      });
    });
    const user = await this.get(id);
    // After commit: open live-room connections of this user re-check what they may still see.
    const sessionsEnded = dto.active === false || Boolean(passwordHash);
    if (dto.active !== undefined || dto.roles !== undefined || dto.personId !== undefined || sessionsEnded) {
      await this.accessChanges.publish({ userId: id, active: user.active, sessionsEnded });
    }
    return user;
  }

  /** Creates the first administrator if no user holds the admin role; returns the password when generated. */
  async ensureAdmin(email: string, password: string): Promise<{ created: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      if ((await this.repository.adminCount(manager)) > 0) return { created: false };
      const user = await manager.save(
        manager.create(User, {
          email: email.toLowerCase(),
          displayName: 'Quản trị hệ thống',
          passwordHash: await hashPassword(password),
          roles: [Role.Admin],
        }),
      );
      await this.audit.record(manager, {
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        actorUserId: null,
        data: { email: user.email, roles: user.roles, bootstrap: true },
      });
      return { created: true };
    });
  }

  private async assertPersonFree(manager: EntityManager, personId: string, exceptUserId?: string) {
    if (!(await this.people.exists(personId, manager))) {
      throw validationFailed(
        [fieldError('personId', 'exists', 'personId: không tồn tại trong danh bạ')],
        'Không tìm thấy người trong danh bạ',
      );
    }
    const holder = await manager.findOneBy(User, { personId });
    if (holder && holder.id !== exceptUserId) {
      throw new AppError(ErrorCode.CONFLICT, 'Người này đã gắn với một tài khoản khác', [
        fieldError('personId', 'unique', 'personId: đã gắn với tài khoản khác'),
      ]);
    }
  }
}
