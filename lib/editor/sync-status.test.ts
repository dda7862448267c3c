import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { OFFLINE_GRACE_MS, SyncStatusEngine, base64ToBytes, type SyncStatus } from "./sync-status";

const ME = 7;
const OTHER = 9;
const at = (hhmm: string) => new Date(`2026-12-03T${hhmm}:00Z`);
const sv = (entries: [number, number][]) => new Map(entries);

function engine() {
  const seen: SyncStatus[] = [];
  const e = new SyncStatusEngine({ clientId: ME, onChange: (s) => seen.push(s) });
  e.documentReady(); // most cases start with the document here; the opening itself has its own case
  return { e, seen };
}

describe("SyncStatusEngine", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("says Saved only once the stored state vector covers every change made here", () => {
    const { e } = engine();
    e.connectionOpened();
    expect(e.status()).toEqual({ kind: "idle" });
    e.localChange(1);
    e.localChange(2);
    e.localChange(3);
    e.unsyncedChanges(1);
    expect(e.status()).toEqual({ kind: "saving", synced: false });
    e.unsyncedChanges(0);
    expect(e.status()).toEqual({ kind: "saving", synced: true }); // "Synced — saving…"
    // The store that began before the third keystroke covers two of them: still saving.
    e.saved(at("14:02"), sv([[ME, 2]]));
    expect(e.status()).toEqual({ kind: "saving", synced: true });
    expect(e.unsavedChanges).toBe(1);
    e.saved(at("14:03"), sv([[ME, 3], [OTHER, 40]]));
    expect(e.status()).toEqual({ kind: "saved", at: at("14:03") });
  });

  it("counts a removal as unsaved until a store after the server acknowledged it (removing moves no clock)", () => {
    const { e } = engine();
    e.connectionOpened();
    e.localChange(5);
    e.saved(at("14:00"), sv([[ME, 5]]));
    expect(e.status()).toEqual({ kind: "saved", at: at("14:00") });
    // Select all, delete: the clock stays at 5, which the database already holds.
    e.localChange(5, true);
    expect(e.unsavedChanges).toBe(1);
    expect(e.status()).toEqual({ kind: "saving", synced: false });
    // A store finishing before the server has the removal does not cover it.
    e.saved(at("14:01"), sv([[ME, 5]]));
    expect(e.unsavedChanges).toBe(1);
    e.unsyncedChanges(0);
    e.saved(at("14:02"), sv([[ME, 5]]));
    expect(e.unsavedChanges).toBe(0);
    expect(e.status()).toEqual({ kind: "saved", at: at("14:02") });
  });

  it("does not take another person's save for its own", () => {
    const { e } = engine();
    e.connectionOpened();
    e.localChange(5);
    e.unsyncedChanges(0);
    e.saved(at("10:00"), sv([[OTHER, 12]]));
    expect(e.status()).toEqual({ kind: "saving", synced: true });
    // Only someone else's changes since the document opened: nothing of ours to claim as saved.
    const fresh = engine().e;
    fresh.connectionOpened();
    fresh.saved(at("10:01"), sv([[OTHER, 13]]));
    expect(fresh.status()).toEqual({ kind: "idle" });
  });

  it("rides out a short connection blip, then says offline with the number of changes kept here", () => {
    const { e, seen } = engine();
    e.connectionOpened();
    e.localChange(1);
    e.connectionLost();
    e.localChange(2);
    vi.advanceTimersByTime(OFFLINE_GRACE_MS - 1);
    expect(e.status()).toEqual({ kind: "saving", synced: false });
    e.connectionOpened(); // back within the grace period: never showed offline
    vi.advanceTimersByTime(OFFLINE_GRACE_MS * 2);
    expect(seen.some((s) => s.kind === "offline")).toBe(false);

    e.connectionLost();
    vi.advanceTimersByTime(OFFLINE_GRACE_MS);
    expect(e.status()).toEqual({ kind: "offline", changes: 2 });
    e.localChange(3);
    expect(e.status()).toEqual({ kind: "offline", changes: 3 });
    e.connectionOpened();
    e.unsyncedChanges(0);
    expect(e.status()).toEqual({ kind: "saving", synced: true });
    e.saved(at("11:30"), sv([[ME, 3]]));
    expect(e.status()).toEqual({ kind: "saved", at: at("11:30") });
  });

  it("shows the browser going offline at once, without waiting for the grace period", () => {
    const { e } = engine();
    e.connectionOpened();
    e.localChange(1);
    e.browserOnline(false);
    expect(e.status()).toEqual({ kind: "offline", changes: 1 });
    e.connectionLost(); // the socket notices later; still offline
    expect(e.status()).toEqual({ kind: "offline", changes: 1 });
    e.browserOnline(true);
    expect(e.status()).toEqual({ kind: "offline", changes: 1 }); // online, but not reconnected yet
    e.connectionOpened();
    expect(e.status().kind).toBe("saving");
  });

  it("keeps saying the database is away until a store succeeds", () => {
    const { e } = engine();
    e.connectionOpened();
    e.localChange(4);
    e.unsyncedChanges(0);
    e.storeFailed();
    expect(e.status()).toEqual({ kind: "databaseDown" });
    e.localChange(5);
    expect(e.status()).toEqual({ kind: "databaseDown" });
    e.saved(at("09:15"), sv([[ME, 5]]));
    expect(e.status()).toEqual({ kind: "saved", at: at("09:15") });
  });

  it("says read-only while the server allows reading only, and returns to the save state after", () => {
    const { e } = engine();
    e.connectionOpened();
    e.localChange(1);
    e.saved(at("08:00"), sv([[ME, 1]]));
    e.setReadOnly(true);
    expect(e.status()).toEqual({ kind: "readOnly" });
    e.setReadOnly(false);
    expect(e.status()).toEqual({ kind: "saved", at: at("08:00") });
  });

  it("says Connecting, not No changes, until the document holds the server's copy (nobody can type before)", () => {
    const seen: SyncStatus[] = [];
    const e = new SyncStatusEngine({ clientId: ME, onChange: (s) => seen.push(s) });
    e.connectionOpened();
    expect(e.status()).toEqual({ kind: "connecting" });
    e.documentReady();
    expect(e.status()).toEqual({ kind: "idle" });
    expect(seen).toEqual([{ kind: "idle" }]);
  });

  it("reports each change of status once", () => {
    const { e, seen } = engine();
    e.connectionOpened();
    e.localChange(1);
    e.localChange(2);
    e.unsyncedChanges(1);
    e.unsyncedChanges(1);
    expect(seen).toEqual([{ kind: "idle" }, { kind: "saving", synced: false }]);
  });

  it("stops its timer when disposed", () => {
    const { e, seen } = engine();
    e.connectionOpened();
    e.localChange(1);
    e.connectionLost();
    e.dispose();
    vi.advanceTimersByTime(OFFLINE_GRACE_MS * 2);
    expect(seen.at(-1)).toEqual({ kind: "saving", synced: false });
  });
});

describe("base64ToBytes", () => {
  it("decodes what Node encodes", () => {
    const bytes = new Uint8Array([0, 1, 127, 128, 255]);
    expect(base64ToBytes(Buffer.from(bytes).toString("base64"))).toEqual(bytes);
  });
});
