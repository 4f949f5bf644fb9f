import { useEffect, useRef } from 'react';
import type { LiveRoom } from '../../api/rooms.js';
import { useApp } from '../../app-context.js';
import { describeEvent, eventKind } from '../../events.js';
import { formatDateTime } from '../../format.js';

let firstEventMarked = false;

/** Every committed change of the incident, in seq order, as it happens (replayed after a reconnect). */
export function Timeline({ room, roleName }: { room: LiveRoom; roleName: (key: string) => string }) {
  const { t, lang } = useApp();
  const list = useRef<HTMLOListElement>(null);
  const events = room.events;
  const count = events.length;
  // Stage names come with `statement.stage_opened`; later events of a stage carry only its key.
  const stageNames = new Map<string, string>();
  for (const e of events) {
    if (e.type === 'statement.stage_opened' && e.payload.stageKey) {
      stageNames.set(String(e.payload.stageKey), String(e.payload.stageName ?? e.payload.stageKey));
    }
  }
  const stageName = (key: string) => stageNames.get(key) ?? key;

  useEffect(() => {
    if (count && !firstEventMarked) {
      firstEventMarked = true;
      // Time to first render of the room (measured by the browser tests): the frame with its first event.
      requestAnimationFrame(() => performance.mark('room:first-event'));
    }
    const el = list.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [count]);

  return (
    <>
      {!count && <p className="muted">{room.joined ? t('timelineEmpty') : t('joiningRoom')}</p>}
      <ol className="timeline" ref={list} aria-live="polite" aria-relevant="additions" data-testid="timeline">
        {events.map((e) => {
          const who = room.nameOf(e.actor) ?? (e.actor ? t('unknownUser') : t('system'));
          return (
            <li
              key={e.seq}
              className={`event event-${eventKind(e.type)}`}
              data-seq={e.seq}
              data-type={e.type}
            >
              <span className="event-meta">
                <time dateTime={e.occurredAt}>{formatDateTime(e.occurredAt, lang)}</time> · {who}
              </span>
              <span className="event-text">{describeEvent(e, lang, roleName, stageName)}</span>
            </li>
          );
        })}
      </ol>
    </>
  );
}
