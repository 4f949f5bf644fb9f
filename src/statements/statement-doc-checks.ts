import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { AppError, ErrorCode } from '../common/app-error.js';
import type { AuthorIdentity, DraftGate } from './statement-live-doc.js';

/** Most deletion ranges a reader's no-op step 2 may carry before it is refused outright. */
const MAX_DELETE_RANGES = 50_000;

/** The refusal of a change to a draft whose gate is closed. */
export function gateError(gate: Exclude<DraftGate, 'open'>): AppError {
  return gate === 'incident_read_only'
    ? new AppError(
        ErrorCode.INCIDENT_READ_ONLY,
        'Sự cố đã đóng hoặc đã lưu trữ nên văn bản chỉ được xem; thay đổi này không được ghi',
      )
    : new AppError(
        ErrorCode.STATEMENT_NOT_DRAFT,
        'Văn bản đã được trình duyệt nên bản dự thảo đang khóa; thay đổi này chưa được ghi',
      );
}

export function assertGateOpen(gate: DraftGate): void {
  if (gate !== 'open') throw gateError(gate);
}

/** Whether an update brings the copy anything new (structs or deletions it does not have). */
export function addsToDoc(doc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(Y.diffUpdate(update, Y.encodeStateVector(doc)));
  return structs.length > 0 || ds.clients.size > 0;
}

/**
 * Refuses an update whose dependencies the copy lacks. Built on one the server refused (a frozen draft, a rate
 * cap, a lost connection), it would sit in the copy as pending structs, acknowledged but invisible: the client
 * re-syncs instead (`statement:open` again: its step 2 carries everything the server lacks).
 */
export function assertNoGap(doc: Y.Doc, update: Uint8Array): void {
  const { from, to } = Y.parseUpdateMeta(update);
  const { ds } = Y.decodeUpdate(update);
  const known = (client: number) => Y.getState(doc.store, client);
  const gap =
    [...from].some(([client, clock]) => clock > known(client)) ||
    [...ds.clients].some(([client, ranges]) =>
      ranges.some((r) => r.clock + r.len > Math.max(known(client), to.get(client) ?? 0)),
    );
  if (gap) {
    throw new AppError(
      ErrorCode.YJS_RESYNC_REQUIRED,
      'Bản sao của bạn thiếu thay đổi chưa được máy chủ ghi nhận; hãy đồng bộ lại (mở lại văn bản)',
    );
  }
}

/**
 * Whether an update adds nothing to the server's copy: no new structs, and every deletion it carries is
 * already known. Ranges are compared as ranges (a reader must not make the server walk every clock).
 */
export function isNoOp(doc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(Y.diffUpdate(update, Y.encodeStateVector(doc)));
  if (structs.length) return false;
  if (!ds.clients.size) return true;
  const known = Y.createDeleteSetFromStructStore(doc.store);
  let ranges = 0;
  for (const [client, deletes] of ds.clients) {
    const have = known.clients.get(client) ?? [];
    for (const d of deletes) {
      if (++ranges > MAX_DELETE_RANGES) return false;
      // `have` is sorted and merged: a known deletion lies inside one of its ranges.
      let lo = 0;
      let hi = have.length - 1;
      let inside = false;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const r = have[mid];
        if (d.clock < r.clock) hi = mid - 1;
        else if (d.clock >= r.clock + r.len) lo = mid + 1;
        else {
          inside = d.clock + d.len <= r.clock + r.len;
          break;
        }
      }
      if (!inside) return false;
    }
  }
  return true;
}

/** The client ids an awareness update speaks for (parsing it whole: a malformed one throws). */
export function clientIdsOf(update: Uint8Array): number[] {
  const decoder = decoding.createDecoder(update);
  const n = decoding.readVarUint(decoder);
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    ids.push(decoding.readVarUint(decoder));
    decoding.readVarUint(decoder);
    JSON.parse(decoding.readVarString(decoder));
  }
  return ids;
}

/** An awareness update with the `user` of each state set to the authenticated account (nobody appears as another). */
export function stampAwareness(update: Uint8Array, author: AuthorIdentity): Uint8Array {
  return awarenessProtocol.modifyAwarenessUpdate(update, (state: unknown) =>
    state && typeof state === 'object'
      ? {
          ...(state as object),
          user: { ...((state as { user?: object }).user ?? {}), id: author.userId, name: author.displayName },
        }
      : state,
  );
}
