// What the editor's status line says about this client's own changes, decided from the events of the
// collaboration connection. Pure (no Yjs, no React, no DOM): the editor feeds it events and renders
// the status it reports; tests drive it with fake timers.
//
// The promise it keeps: "Saved 14:03" only once the server has said that PostgreSQL holds every change
// this client made — the server's `saved` message carries the state vector of what was stored, and the
// client compares its own clientID's clock with it (docs/collab-protocol.md, "Stateless messages").

export type SyncStatus =
  /** Nothing changed here since the document opened. */
  | { kind: "idle" }
  /** Every change made here is in the database (as of the server's time `at`). */
  | { kind: "saved"; at: Date }
  /** Changes on their way: `synced` once the server has them all, then the database store is pending. */
  | { kind: "saving"; synced: boolean }
  /** No connection: `changes` edits made here are kept on this device (IndexedDB) and merge on reconnect. */
  | { kind: "offline"; changes: number }
  /** The server has the changes but could not store them; it keeps them and retries. */
  | { kind: "databaseDown" }
  /** The server allows this person to read only (e.g. a story in review). */
  | { kind: "readOnly" }
  /** Opening: the document is not here yet (not connected, or the server's copy not yet received); the editor is not editable. */
  | { kind: "connecting" };

/** A state vector: for each clientID, the number of operations of that client it contains. */
export type StateVector = ReadonlyMap<number, number>;

export type SyncStatusOptions = {
  /** This client's Yjs clientID. */
  clientId: number;
  /**
   * A connection lost for less than this is a blip (a proxy timeout, a network switch): the status
   * stays "saving" rather than flashing "offline". The browser saying it is offline shows at once.
   */
  offlineGraceMs?: number;
  onChange?: (status: SyncStatus) => void;
};

export const OFFLINE_GRACE_MS = 2000;

export class SyncStatusEngine {
  private clientId: number;
  private readonly graceMs: number;
  private readonly onChange?: (status: SyncStatus) => void;
  /** Own clock after each local change not yet known to be stored (ascending). */
  private pending: number[] = [];
  /** Own clock the database is known to hold. */
  private storedClock = 0;
  private savedAt: Date | null = null;
  /**
   * A removal made here that the database may not hold yet. Removing text adds nothing to this
   * client's clock, so the stored state vector cannot show it: it counts as stored with the
   * first `saved` after the server acknowledged it.
   */
  private removal: "none" | "sent" | "acknowledged" = "none";
  private changedHere = false;
  /** The document holds the server's copy (or what this device kept): only then can anyone type. */
  private documentHere = false;
  private connected = false;
  private everConnected = false;
  private offline = false; // past the grace period, or the browser says so
  private browserOffline = false;
  private unsynced = 0;
  private databaseDown = false;
  private readOnly = false;
  private graceTimer: ReturnType<typeof setTimeout> | undefined;
  private last: SyncStatus = { kind: "connecting" };

  constructor(opts: SyncStatusOptions) {
    this.clientId = opts.clientId;
    this.graceMs = opts.offlineGraceMs ?? OFFLINE_GRACE_MS;
    this.onChange = opts.onChange;
  }

  /**
   * A change made on this device; `clock` is this client's state-vector entry right after it.
   * `removedOnly`: it only removed content (the clock did not move).
   */
  localChange(clock: number, removedOnly = false) {
    this.changedHere = true;
    if (removedOnly) this.removal = "sent";
    // Not at the server until the provider says so (its count may be reported just after this event).
    this.unsynced = Math.max(this.unsynced, 1);
    if (clock > this.storedClock && !this.pending.includes(clock)) this.pending.push(clock);
    this.emit();
  }

  /** Yjs may pick a new clientID (it does when it sees its own ID from another doc): changes before it stay pending. */
  setClientId(clientId: number) {
    this.clientId = clientId;
  }

  /** The document holds the server's copy (or this device's): until then the status says "Connecting…", never "No changes". */
  documentReady() {
    this.documentHere = true;
    this.emit();
  }

  connectionOpened() {
    clearTimeout(this.graceTimer);
    this.connected = true;
    this.everConnected = true;
    this.offline = this.browserOffline;
    this.emit();
  }

  connectionLost() {
    if (!this.connected && this.graceTimer) return;
    this.connected = false;
    clearTimeout(this.graceTimer);
    this.graceTimer = setTimeout(() => {
      this.graceTimer = undefined;
      if (!this.connected) {
        this.offline = true;
        this.emit();
      }
    }, this.graceMs);
    this.emit();
  }

  /** The browser's own online/offline events: offline is certain, so no grace period. */
  browserOnline(online: boolean) {
    this.browserOffline = !online;
    if (!online) {
      clearTimeout(this.graceTimer);
      this.connected = false;
      this.offline = true;
    }
    this.emit();
  }

  /** The provider's count of updates sent but not yet acknowledged by the server. */
  unsyncedChanges(count: number) {
    this.unsynced = count;
    if (count === 0 && this.removal === "sent") this.removal = "acknowledged";
    this.emit();
  }

  /** The server stored the document; `stateVector` is what PostgreSQL now holds. */
  saved(at: Date, stateVector: StateVector) {
    this.databaseDown = false;
    const clock = stateVector.get(this.clientId) ?? 0;
    if (clock > this.storedClock) this.storedClock = clock;
    this.pending = this.pending.filter((c) => c > this.storedClock);
    if (this.removal === "acknowledged") this.removal = "none";
    // The time is news only when it covers this client's own changes (another person's save is not ours).
    if (this.unsavedChanges === 0) this.savedAt = at;
    this.emit();
  }

  storeFailed() {
    this.databaseDown = true;
    this.emit();
  }

  setReadOnly(readOnly: boolean) {
    this.readOnly = readOnly;
    this.emit();
  }

  /** Changes made here that the database does not hold yet (what "N changes kept on this device" counts). */
  get unsavedChanges() {
    return this.pending.length + (this.removal === "none" ? 0 : 1);
  }

  status(): SyncStatus {
    if (this.readOnly) return { kind: "readOnly" };
    if (this.offline) return { kind: "offline", changes: this.unsavedChanges };
    if ((!this.everConnected || !this.documentHere) && !this.changedHere) return { kind: "connecting" };
    if (this.databaseDown && this.unsavedChanges > 0) return { kind: "databaseDown" };
    if (this.unsavedChanges > 0) return { kind: "saving", synced: this.connected && this.unsynced === 0 };
    if (this.savedAt && this.changedHere) return { kind: "saved", at: this.savedAt };
    return { kind: "idle" };
  }

  dispose() {
    clearTimeout(this.graceTimer);
  }

  private emit() {
    const next = this.status();
    if (sameStatus(next, this.last)) return;
    this.last = next;
    this.onChange?.(next);
  }
}

function sameStatus(a: SyncStatus, b: SyncStatus) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Decodes the base64 the server sends (browser and Node). */
export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
