import { useState } from 'react';
import type { FormEvent } from 'react';
import { itemsOf } from '../../api/client.js';
import type { LiveRoom } from '../../api/rooms.js';
import type { Task } from '../../api/types.js';
import { useApp, useAsync } from '../../app-context.js';
import { ErrorNote, Spinner } from '../../components/common.js';
import { formatDateTime } from '../../format.js';
import { useRoomEvents } from '../../room-hooks.js';

/** `datetime-local` value (the device's zone, Vietnam time for the users) of an ISO instant, and back. */
function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
const fromLocalInput = (value: string): string | null => (value ? new Date(value).toISOString() : null);

/** Tasks of the incident: assigned and completed over the room's socket, updated live from the timeline. */
export function Tasks({ room, readOnly }: { room: LiveRoom; readOnly: boolean }) {
  const { api, t, l, lang } = useApp();
  const tasks = useAsync(async () => itemsOf(await api.tasks(room.incidentId)), [room.incidentId]);
  const [title, setTitle] = useState('');
  const [assignee, setAssignee] = useState('');
  const [due, setDue] = useState('');
  const [editingDue, setEditingDue] = useState<{ taskId: string; value: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useRoomEvents(room, (events) => {
    for (const e of events) {
      const task = (e.payload as { task?: Task }).task;
      if (!e.type.startsWith('task.') || !task) continue;
      tasks.setData((prev) => {
        const list = prev ?? [];
        return list.some((x) => x.id === task.id)
          ? list.map((x) => (x.id === task.id ? task : x))
          : [...list, task];
      });
    }
  });

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await room.connection.call('task:create', {
        incidentId: room.incidentId,
        title: title.trim(),
        ...(assignee ? { assigneeUserId: assignee } : {}),
        ...(due ? { dueAt: fromLocalInput(due)! } : {}),
      });
      setTitle('');
      setAssignee('');
      setDue('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const complete = async (task: Task) => {
    setError(null);
    try {
      await room.connection.call('task:update', {
        incidentId: room.incidentId,
        taskId: task.id,
        status: 'done',
      });
    } catch (err) {
      setError(err);
    }
  };

  const saveDue = async (e: FormEvent) => {
    e.preventDefault();
    if (!editingDue) return;
    setError(null);
    try {
      await room.connection.call('task:update', {
        incidentId: room.incidentId,
        taskId: editingDue.taskId,
        dueAt: fromLocalInput(editingDue.value),
      });
      setEditingDue(null);
    } catch (err) {
      setError(err);
    }
  };

  const list = tasks.data ?? [];
  return (
    <>
      {tasks.loading && !tasks.data && <Spinner />}
      <ErrorNote error={tasks.error} onRetry={() => void tasks.reload()} />
      {tasks.data && !list.length && <p className="muted">{t('tasksEmpty')}</p>}
      <ul className="items">
        {list.map((task) => (
          <li key={task.id} className={`task task-${task.status}`}>
            <span>
              {task.title}
              {task.assigneeUserId && (
                <span className="muted small"> · {room.nameOf(task.assigneeUserId)}</span>
              )}
              {task.dueAt && (
                <span className="muted small" data-testid="task-due">
                  {' '}
                  · {t('taskDueShort', { time: formatDateTime(task.dueAt, lang) })}
                </span>
              )}
              {editingDue?.taskId === task.id && (
                <form className="inline-form" onSubmit={saveDue}>
                  <label htmlFor={`task-due-${task.id}`} className="visually-hidden">
                    {t('taskDue')}: {task.title}
                  </label>
                  <input
                    id={`task-due-${task.id}`}
                    type="datetime-local"
                    value={editingDue.value}
                    onChange={(e) => setEditingDue({ taskId: task.id, value: e.target.value })}
                  />
                  <button type="submit" className="small-button">
                    {t('taskDueSave')}
                  </button>
                </form>
              )}
            </span>
            <span className="item-tools">
              <span className="badge">{l('taskStatus', task.status)}</span>
              {!readOnly && task.status !== 'done' && task.status !== 'cancelled' && (
                <button
                  type="button"
                  className="small-button"
                  onClick={() => setEditingDue({ taskId: task.id, value: toLocalInput(task.dueAt) })}
                >
                  {t('taskDueEdit')}
                  <span className="visually-hidden">: {task.title}</span>
                </button>
              )}
              {!readOnly && task.status !== 'done' && task.status !== 'cancelled' && (
                <button type="button" className="small-button" onClick={() => void complete(task)}>
                  {t('taskDone')}
                  <span className="visually-hidden">: {task.title}</span>
                </button>
              )}
            </span>
          </li>
        ))}
      </ul>
      {!readOnly && (
        <form className="inline-form" onSubmit={add}>
          <label htmlFor="task-title" className="visually-hidden">
            {t('taskTitle')}
          </label>
          <input
            id="task-title"
            placeholder={t('taskTitle')}
            value={title}
            minLength={3}
            maxLength={300}
            required
            onChange={(e) => setTitle(e.target.value)}
          />
          <label htmlFor="task-assignee" className="visually-hidden">
            {t('taskAssignee')}
          </label>
          <select id="task-assignee" value={assignee} onChange={(e) => setAssignee(e.target.value)}>
            <option value="">{t('taskAssignee')}: —</option>
            {room.members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.displayName}
              </option>
            ))}
          </select>
          <label htmlFor="task-due" className="visually-hidden">
            {t('taskDue')}
          </label>
          <input
            id="task-due"
            type="datetime-local"
            title={t('taskDue')}
            value={due}
            onChange={(e) => setDue(e.target.value)}
          />
          <button type="submit" disabled={busy || title.trim().length < 3}>
            {busy ? t('saving') : t('taskAdd')}
          </button>
        </form>
      )}
      <ErrorNote error={error} />
    </>
  );
}
