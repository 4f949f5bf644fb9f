import { useEffect, useMemo, useRef } from 'react';
import type { RoomEvent } from '../../src/rooms/rooms.events.js';
import type { LiveRoom } from './api/rooms.js';
import { useApp, useLiveRoom } from './app-context.js';

/** Joins an incident's live room for as long as the component is shown. */
export function useRoom(incidentId: string): LiveRoom {
  const { rooms } = useApp();
  const room = useMemo(() => rooms.room(incidentId), [rooms, incidentId]);
  useEffect(() => {
    room.retain();
    return () => room.release();
  }, [room]);
  useLiveRoom(room);
  return room;
}

/** Calls `onEvents` with each batch of events delivered live or replayed (after the first render). */
export function useRoomEvents(room: LiveRoom, onEvents: (events: RoomEvent[]) => void): void {
  const handler = useRef(onEvents);
  handler.current = onEvents;
  useEffect(() => room.delivered.on((events) => handler.current(events)), [room]);
}

/** Folds text for matching names: case and Vietnamese diacritics ignored ("Pham" finds "Phạm"). */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}
