import type { RoomEvent } from '../../src/rooms/rooms.events.js';
import { eventTemplate, label } from './i18n.js';
import type { Lang } from './i18n.js';

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** A timeline event in words, from its type and payload. */
export function describeEvent(
  e: RoomEvent,
  lang: Lang,
  roleName: (key: string) => string = (k) => k,
  stageName: (key: string) => string = (k) => k,
): string {
  const p = e.payload as Record<string, unknown>;
  const task = p.task as { title?: string } | undefined;
  const fact = p.fact as { statement?: string } | undefined;
  const severityChange = e.type === 'incident.severity_changed';
  const params: Record<string, string> = {
    code: str(p.code),
    title: str(p.title),
    text: str(p.text),
    from: severityChange ? label(lang, 'severity', str(p.from)) : label(lang, 'status', str(p.from)),
    to: severityChange ? label(lang, 'severity', str(p.to)) : label(lang, 'status', str(p.to)),
    taskTitle: str(task?.title),
    factStatement: str(fact?.statement),
    roleName: p.role ? roleName(str(p.role)) : '',
    typeLabel: label(lang, 'statementType', str(p.type)) || str(p.typeLabel),
    versionNumber: str(p.versionNumber),
    stageName: p.stageName ? str(p.stageName) : stageName(str(p.stageKey)),
    decisionLabel: label(lang, 'decision', str(p.decision)),
    channelLabel: label(lang, 'channel', str(p.channel)) || str(p.channelLabel),
    reason: str(p.reason),
    label: str(p.label ?? p.ruleKey),
    percent: str(p.percent),
    mentionsLinked: str(p.mentionsLinked ?? 0),
    body: str(p.body),
  };
  const template = eventTemplate(lang, e.type);
  if (!template) return e.type;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
}

/** Event kinds, for styling the timeline. */
export function eventKind(type: string): string {
  if (type === 'chat.posted') return 'chat';
  if (type === 'legal_clock.stopped') return 'clock-met';
  if (type.startsWith('legal_clock')) return 'clock';
  if (type.startsWith('statement.published') || type === 'statement.approved') return 'milestone';
  return type.split('.')[0];
}
