import "server-only";
import { recordViews } from "./record";

export type ViewBatcher = {
  /** Counts one view; written with the next flush. */
  add(articleId: number): void;
  /** Writes what has been counted so far (the timer and the size threshold call this too). */
  flush(): Promise<void>;
  /** Views counted but not written yet. */
  pending(): number;
};

type Options = {
  write: (batch: ReadonlyMap<number, number>) => Promise<void>;
  /** How long a view may wait in memory before it is written. */
  intervalMs?: number;
  /** Distinct articles in one batch before it is written at once (bounds memory and statement size). */
  maxArticles?: number;
  onError?: (error: unknown) => void;
};

/**
 * Page views wait in this process's memory and are written as one statement every couple of
 * seconds (or sooner when many articles are waiting), so a busy article page costs one write
 * per interval, not one per reader. A view is worth little alone: if the process stops, or a
 * write fails (logged), that batch's views are lost rather than retried into a growing backlog.
 */
export function createViewBatcher({ write, intervalMs = 2000, maxArticles = 500, onError = () => {} }: Options): ViewBatcher {
  let buffer = new Map<number, number>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> = Promise.resolve();

  function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    if (buffer.size === 0) return running;
    const batch = buffer;
    buffer = new Map();
    // One write at a time: batches queue behind each other instead of racing.
    running = running.then(() => write(batch).catch(onError));
    return running;
  }

  function schedule() {
    if (timer || buffer.size === 0) return;
    timer = setTimeout(() => void flush(), intervalMs);
    timer.unref?.(); // never keeps a process alive on its own
  }

  return {
    add(articleId) {
      buffer.set(articleId, (buffer.get(articleId) ?? 0) + 1);
      if (buffer.size >= maxArticles) void flush();
      else schedule();
    },
    flush,
    pending: () => [...buffer.values()].reduce((a, b) => a + b, 0),
  };
}

// One batcher per process, kept across Next's module re-evaluation in dev.
const globalForViews = globalThis as unknown as { __copydeskViews?: ViewBatcher };

/** The process's batcher, writing to the app's database. */
export function viewBatcher(): ViewBatcher {
  globalForViews.__copydeskViews ??= createViewBatcher({
    write: (batch) => recordViews(batch),
    onError: (error) => console.error("Copydesk: writing page views failed", error),
  });
  return globalForViews.__copydeskViews;
}
