import type * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';

/** Server-side events between nodes (through the adapter): keep each node's copy of open drafts current. */
export const NODE_UPDATE = 'statement:node-update';
export const NODE_AWARENESS = 'statement:node-awareness';
/** A submission on another node: close the gate, store what was relayed here, then answer. */
export const NODE_FREEZE = 'statement:node-freeze';
export const NODE_GATE = 'statement:node-gate';

/** Origins of changes applied to the server's copies. */
export const PERSISTED = 'persisted';
export const FROM_NODE = 'node';
export const RELAYED = 'relayed';

/**
 * Whether this node takes edits of a draft: `open`; `freezing` while a submission stores what was relayed and
 * renders the version; `not_draft` once submitted (until it returns to draft); `incident_read_only` once the
 * incident is closed, archived or dismissed. Checked before an update is relayed; the append re-checks it in
 * the database (a node that missed a notice still cannot store into a frozen draft).
 */
export type DraftGate = 'open' | 'freezing' | 'not_draft' | 'incident_read_only';

export interface PendingUpdate {
  update: Uint8Array;
  userId: string;
  resolve: () => void;
  reject: (e: unknown) => void;
}

/** One draft held in memory on this node while someone here has it open. */
export interface LiveDoc {
  statementId: string;
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  ready: Promise<void>;
  loaded: boolean;
  /** Updates from other nodes that arrived while the stored state was loading. */
  early: Uint8Array[];
  /** Accepted updates waiting for their append (group commit). */
  queue: PendingUpdate[];
  /** An append is in flight or due at the end of this turn of the event loop. */
  writing: boolean;
  incidentId: string | null;
  gate: DraftGate;
  /** An update was relayed in this turn of the event loop: the next ones wait for its end (merged). */
  relayBusy: boolean;
  /** Updates accepted while `relayBusy`, relayed together at the end of the turn. */
  outbox: Uint8Array[];
  outboxSenders: Set<string>;
  rowsSinceCompaction: number;
  compacting: boolean;
  /** Local sockets that opened it, and the awareness client ids each one speaks for. */
  sockets: Map<string, Set<number>>;
  /** The local socket that speaks for each awareness client id (the reverse of `sockets`). */
  owners: Map<number, string>;
  /** Awareness client ids a socket on another node speaks for (learnt from the other nodes' relays). */
  remoteClientIds: Set<number>;
  idleSince: number | null;
}

export interface NodeMessage {
  statementId: string;
  update: Uint8Array;
}

export interface GateMessage {
  statementId?: string;
  incidentId?: string;
  gate: DraftGate;
  /** Only a draft in this state changes (a failed submission reopens only what it froze). */
  onlyFrom?: DraftGate;
}

export interface AuthorIdentity {
  userId: string;
  displayName: string;
}
