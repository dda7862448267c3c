import "server-only";
// Media files in PostgreSQL (COPYDESK_MEDIA_STORAGE=postgres): the zero-extra-server choice when
// several app instances share one database. A file is a `media_objects` row plus its bytes in
// 256 KiB `media_object_chunks`: written one chunk per statement inside one transaction (a
// reader sees the whole file or none of it), read back one chunk per query as the response
// streams, so a 20 MB original is never one 20 MB value (or its 40 MB hex text) in a query.
import crypto from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { assertStorable, contentTypeOf, isMediaKey, type MediaStorage } from "@/lib/media/storage";
import type { Db } from "../client";
import { isTransaction } from "../context";
import { mediaObjectChunks, mediaObjects } from "../schema";

export const CHUNK_BYTES = 256 * 1024;

/** `db` gives the database (or, in tests, a transaction) to work in. */
export function postgresStorage(db: () => Promise<Db>): MediaStorage {
  // Callers may ask at once (deleteMedia removes an image's files together). On the pool each
  // statement borrows a connection of its own; a transaction is one connection, which answers
  // one query at a time (pg@9 refuses a second sent meanwhile), so there they wait their turn.
  let last: Promise<unknown> = Promise.resolve();
  const inTurn = async <T>(work: (handle: Db) => Promise<T>): Promise<T> => {
    const handle = await db();
    if (!isTransaction(handle)) return work(handle);
    const turn = last.then(() => work(handle));
    last = turn.catch(() => undefined);
    return turn;
  };
  return {
    backend: "postgres",
    async put(key, bytes, contentType) {
      assertStorable(key, contentType);
      const chunks = Math.max(1, Math.ceil(bytes.byteLength / CHUNK_BYTES));
      const sha256 = crypto.createHash("sha256").update(bytes).digest("hex");
      await inTurn((handle) =>
        handle.transaction(async (tx) => {
          // Replacing a file (a migration run again) drops its old chunks with it (cascade).
          await tx.delete(mediaObjects).where(eq(mediaObjects.key, key));
          await tx.insert(mediaObjects).values({ key, contentType, size: bytes.byteLength, chunks, sha256 });
          for (let seq = 0; seq < chunks; seq++) {
            // subarray: a view of the caller's bytes, not a copy.
            await tx.insert(mediaObjectChunks).values({ key, seq, data: bytes.subarray(seq * CHUNK_BYTES, (seq + 1) * CHUNK_BYTES) });
          }
        }),
      );
    },
    async get(key) {
      const contentType = contentTypeOf(key);
      if (!contentType) return null;
      const [head] = await inTurn((handle) => handle.select({ size: mediaObjects.size, chunks: mediaObjects.chunks }).from(mediaObjects).where(eq(mediaObjects.key, key)));
      if (!head) return null;
      const chunk = async (seq: number) => {
        const [row] = await inTurn((handle) =>
          handle
            .select({ data: mediaObjectChunks.data })
            .from(mediaObjectChunks)
            .where(and(eq(mediaObjectChunks.key, key), eq(mediaObjectChunks.seq, seq))),
        );
        // Deleted while being read: end with an error rather than hand out a shorter file.
        if (!row) throw new Error(`Media ${key} was removed while it was being read`);
        return row.data;
      };
      return {
        contentType,
        size: head.size,
        stream() {
          let seq = 0;
          return new ReadableStream<Uint8Array>({
            async pull(controller) {
              if (seq >= head.chunks) return controller.close();
              controller.enqueue(await chunk(seq++));
            },
          });
        },
        async bytes() {
          const rows = await inTurn((handle) =>
            handle
              .select({ data: mediaObjectChunks.data })
              .from(mediaObjectChunks)
              .where(eq(mediaObjectChunks.key, key))
              .orderBy(asc(mediaObjectChunks.seq)),
          );
          if (rows.length !== head.chunks) throw new Error(`Media ${key} was removed while it was being read`);
          const whole = new Uint8Array(head.size);
          let offset = 0;
          for (const { data } of rows) {
            whole.set(data, offset);
            offset += data.byteLength;
          }
          return whole;
        },
      };
    },
    async delete(key) {
      if (!isMediaKey(key)) return;
      await inTurn((handle) => handle.delete(mediaObjects).where(eq(mediaObjects.key, key)));
    },
  };
}
