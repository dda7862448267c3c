// One mark per server process for the NOTIFYs it sends (reader cache, co-editing events), so that
// its listeners can tell their own notifications from other instances'. Next loads a module once
// per bundle (server actions, route handlers, instrumentation), so the mark lives on globalThis:
// a module-level constant would differ between the verb that sends and the listener that hears.
export function processOrigin(): string {
  const g = globalThis as unknown as Record<symbol, string | undefined>;
  return (g[Symbol.for("copydesk.processOrigin")] ??= `${process.pid}-${Math.random().toString(36).slice(2, 10)}`);
}
