// COPY … FROM STDIN over node-postgres, for seeding big archives: one statement streams rows in
// PostgreSQL's text format, several times faster than multi-row INSERTs (no parameters to bind,
// no per-statement planning). node-postgres speaks the protocol messages but has no COPY API of
// its own; a "submittable" (an object with `submit`, as its Query is) drives them.
import type pg from "pg";

/** A value in one COPY text-format field: null, or anything that prints as the column's input. */
export type CopyValue = string | number | boolean | bigint | Date | null | undefined | object;

/** One field in COPY's text format: `\N` for null, backslash escapes for the characters it treats specially. */
export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return "\\N";
  const text =
    value instanceof Date ? value.toISOString() : typeof value === "object" ? JSON.stringify(value) : String(value);
  return text.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}

/** Rows as COPY text: fields separated by tabs, one row a line. */
export function copyRows(rows: Iterable<readonly CopyValue[]>): string {
  let out = "";
  for (const row of rows) out += row.map(copyField).join("\t") + "\n";
  return out;
}

// The messages a simple query answers with, as the client hands them to its active query.
type Connection = { query(text: string): void; sendCopyFromChunk(chunk: Buffer): void; endCopyFrom(): void };

class CopyIn {
  callback?: (error: Error | null, rowCount?: number) => void;
  private rowCount = 0;
  private failed = false;
  constructor(
    private readonly text: string,
    private readonly data: Buffer,
  ) {}
  submit(connection: Connection) {
    connection.query(this.text);
  }
  handleCopyInResponse(connection: Connection) {
    // In pieces: a protocol message carries at most 1 GB, and smaller ones keep memory flat.
    const PIECE = 1 << 20;
    for (let at = 0; at < this.data.length; at += PIECE) connection.sendCopyFromChunk(this.data.subarray(at, at + PIECE));
    connection.endCopyFrom();
  }
  handleCommandComplete(msg: { text?: string }) {
    this.rowCount = Number(/(\d+)$/.exec(msg.text ?? "")?.[1] ?? 0);
  }
  handleError(error: Error) {
    // The client drops its active query on an error, so no readyForQuery reaches this one.
    this.failed = true;
    this.callback?.(error);
  }
  handleReadyForQuery() {
    if (!this.failed) this.callback?.(null, this.rowCount);
  }
  handleRowDescription() {}
  handleDataRow() {}
  handleEmptyQuery() {}
  handlePortalSuspended() {}
  handleCopyData() {}
}

/**
 * `COPY table (columns) FROM STDIN` with `rows`; resolves with the number of rows PostgreSQL
 * took. Identifiers are quoted; the rows are sent whole (callers batch them).
 */
export function copyInto(client: pg.ClientBase, table: string, columns: readonly string[], rows: Iterable<readonly CopyValue[]>): Promise<number> {
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const statement = `copy ${quote(table)} (${columns.map(quote).join(", ")}) from stdin`;
  const copy = new CopyIn(statement, Buffer.from(copyRows(rows), "utf8"));
  return new Promise((resolve, reject) => {
    copy.callback = (error, rowCount) => (error ? reject(error) : resolve(rowCount ?? 0));
    // node-postgres queues any object with `submit` like its own queries.
    (client as unknown as { query(q: CopyIn): void }).query(copy);
  });
}
