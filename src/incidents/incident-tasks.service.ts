import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/decorators.js';
import { UsersService } from '../auth/users.service.js';
import { AppError } from '../common/app-error.js';
import { CreateTaskDto, UpdateTaskDto } from './dto/task.dto.js';
import type { IncidentChange } from './incident-timeline.js';
import { IncidentTask, TaskStatus } from './entities/incident-task.entity.js';
import { IncidentsService } from './incidents.service.js';
import { fieldError, validationFailed } from '../common/validation.js';

@Injectable()
export class IncidentTasksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly incidents: IncidentsService,
    private readonly users: UsersService,
  ) {}

  async list(user: AuthUser, incidentId: string) {
    await this.incidents.getVisible(user, incidentId);
    return this.dataSource.getRepository(IncidentTask).find({
      where: { incidentId },
      order: { createdAt: 'ASC' },
    });
  }

  create(user: AuthUser, incidentId: string, dto: CreateTaskDto): Promise<IncidentTask> {
    return this.incidents.changeAs(user, incidentId, (change) => this.createWithin(change, user.id, dto));
  }

  /** Creates a task inside an open change (e.g. applying a playbook creates all its tasks in one transaction). */
  async createWithin(
    change: IncidentChange,
    userId: string,
    dto: CreateTaskDto,
    origin?: Record<string, unknown>,
  ): Promise<IncidentTask> {
    this.incidents.assertWritable(change.incident);
    if (dto.assigneeUserId) await this.assertUser(change.manager, dto.assigneeUserId);
    const task = await change.manager.save(
      change.manager.create(IncidentTask, {
        incidentId: change.incident.id,
        title: dto.title,
        description: dto.description ?? null,
        assigneeUserId: dto.assigneeUserId ?? null,
        dueAt: dto.dueAt ? new Date(dto.dueAt) : null,
        createdByUserId: userId,
      }),
    );
    change.emit(
      'task.created',
      { task: this.view(task), ...(origin ? { origin } : {}) },
      { type: 'incident_task', id: task.id },
    );
    return task;
  }

  update(user: AuthUser, incidentId: string, taskId: string, dto: UpdateTaskDto): Promise<IncidentTask> {
    return this.incidents.changeAs(user, incidentId, async (change) => {
      this.incidents.assertWritable(change.incident);
      const task = await change.manager.findOneBy(IncidentTask, { id: taskId, incidentId });
      if (!task) throw AppError.notFound('nhiệm vụ', taskId);
      if (dto.assigneeUserId) await this.assertUser(change.manager, dto.assigneeUserId);
      const before = this.view(task);
      if (dto.title !== undefined) task.title = dto.title;
      if (dto.description !== undefined) task.description = dto.description;
      if (dto.assigneeUserId !== undefined) task.assigneeUserId = dto.assigneeUserId;
      if (dto.dueAt !== undefined) task.dueAt = dto.dueAt === null ? null : new Date(dto.dueAt);
      if (dto.status !== undefined && dto.status !== task.status) {
        task.status = dto.status;
        task.completedAt = dto.status === TaskStatus.Done ? new Date() : null;
      }
      await change.manager.save(task);
      const after = this.view(task);
      const changed = Object.keys(after).filter(
        (k) =>
          JSON.stringify(after[k as keyof typeof after]) !== JSON.stringify(before[k as keyof typeof before]),
      );
      if (changed.length) {
        const type =
          dto.status === TaskStatus.Done && before.status !== TaskStatus.Done
            ? 'task.completed'
            : 'task.updated';
        change.emit(type, { task: after, changed }, { type: 'incident_task', id: task.id });
      }
      return task;
    });
  }

  private async assertUser(manager: EntityManager, userId: string) {
    if (!(await this.users.isActive(userId, manager))) {
      throw validationFailed(
        [fieldError('assigneeUserId', 'exists', 'assigneeUserId: không tồn tại hoặc đã bị khóa')],
        'Người được giao không tồn tại hoặc đã bị khóa',
      );
    }
  }

  private view(task: IncidentTask) {
    return {
      id: task.id,
      title: task.title,
      description: task.description,
      assigneeUserId: task.assigneeUserId,
      dueAt: task.dueAt?.toISOString() ?? null,
      status: task.status,
      completedAt: task.completedAt?.toISOString() ?? null,
    };
  }
}
