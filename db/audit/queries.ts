import "server-only";
import { and, desc, eq, gte, isNull, lt, type SQL } from "drizzle-orm";
import { z } from "zod";
import { AUDIT_ACTIONS, AUDIT_TARGETS } from "@/lib/audit";
import { fromNewsroomWallClock } from "@/lib/dates";
import { Invalid } from "@/lib/errors";
import { assertCan, type Viewer } from "@/lib/permissions";
import { executor, parseInput, type Ctx } from "../context";
import { auditEvents, users } from "../schema";

export const AUDIT_PAGE_SIZE = 50;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const empty = (v: unknown) => (v === "" || v === null ? undefined : v);

/** The admin page's filters, as they come from its address (all optional; empty means "any"). */
export const AuditFilterInput = z.object({
  /** A user's id, or "system" for rows without a person (scripts, imports, readers, failed sign-ins). */
  actor: z.preprocess(empty, z.union([z.literal("system"), z.coerce.number("validation.invalidValue").int("validation.invalidValue").positive("validation.invalidValue").max(2147483647, "validation.invalidValue")]).optional()),
  action: z.preprocess(empty, z.enum(AUDIT_ACTIONS, "validation.auditActionUnknown").optional()),
  target: z.preprocess(empty, z.enum(AUDIT_TARGETS, "validation.auditTargetUnknown").optional()),
  targetId: z.preprocess(empty, z.string("validation.invalidValue").trim().max(200, "validation.invalidValue").optional()),
  /** Days on the newsroom's calendar, both included. */
  from: z.preprocess(empty, z.string("validation.auditDateInvalid").regex(DAY, "validation.auditDateInvalid").optional()),
  to: z.preprocess(empty, z.string("validation.auditDateInvalid").regex(DAY, "validation.auditDateInvalid").optional()),
  page: z.preprocess(empty, z.coerce.number("validation.invalidValue").int("validation.invalidValue").min(1, "validation.invalidValue").max(100_000, "validation.invalidValue").optional()),
});
export type AuditFilterInput = z.input<typeof AuditFilterInput>;
export type AuditFilter = z.output<typeof AuditFilterInput>;

export type AuditEventDto = {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  summary: Record<string, unknown>;
  address: string | null;
};

function dayStart(day: string, field: "from" | "to"): Date {
  const at = fromNewsroomWallClock(`${day}T00:00`);
  if (!at) throw new Invalid({ [field]: ["validation.auditDateInvalid"] });
  return at;
}

function nextDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function conditions(f: AuditFilter): SQL | undefined {
  const where: (SQL | undefined)[] = [];
  if (f.actor === "system") where.push(isNull(auditEvents.actorId));
  else if (f.actor !== undefined) where.push(eq(auditEvents.actorId, f.actor));
  if (f.action) where.push(eq(auditEvents.action, f.action));
  if (f.target) where.push(eq(auditEvents.targetType, f.target));
  if (f.targetId) where.push(eq(auditEvents.targetId, f.targetId));
  if (f.from) where.push(gte(auditEvents.at, dayStart(f.from, "from")));
  if (f.to) where.push(lt(auditEvents.at, dayStart(nextDay(f.to), "to")));
  if (f.from && f.to && f.from > f.to) throw new Invalid({ to: ["validation.auditDateOrder"] });
  return and(...where);
}

const columns = {
  id: auditEvents.id,
  at: auditEvents.at,
  actorId: auditEvents.actorId,
  actorName: users.name,
  action: auditEvents.action,
  targetType: auditEvents.targetType,
  targetId: auditEvents.targetId,
  summary: auditEvents.summary,
  address: auditEvents.address,
};

function toDto(r: { at: Date } & Omit<AuditEventDto, "at">): AuditEventDto {
  return { ...r, at: r.at.toISOString() };
}

/** One page of the log, newest first, for an admin (`audit.read`). */
export async function listAuditEvents(viewer: Viewer | null, input: AuditFilterInput, ctx?: Pick<Ctx, "tx">) {
  assertCan(viewer, "audit.read");
  const filter = parseInput(AuditFilterInput, input);
  const page = filter.page ?? 1;
  const db = await executor(ctx);
  const rows = await db
    .select(columns)
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(conditions(filter))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset((page - 1) * AUDIT_PAGE_SIZE);
  return { items: rows.slice(0, AUDIT_PAGE_SIZE).map(toDto), page, hasNext: rows.length > AUDIT_PAGE_SIZE, filter };
}

/**
 * Every row the filter matches, newest entry first, in batches (keyset on the id, which grows
 * with every entry), for the JSON-lines export: memory stays flat however long the log is.
 */
export async function* exportAuditEvents(viewer: Viewer | null, input: AuditFilterInput, ctx?: Pick<Ctx, "tx">, batch = 500): AsyncGenerator<AuditEventDto> {
  assertCan(viewer, "audit.read");
  const filter = parseInput(AuditFilterInput, { ...input, page: undefined });
  const where = conditions(filter);
  const db = await executor(ctx);
  let before: number | null = null;
  for (;;) {
    const rows: AuditRow[] = await db
      .select(columns)
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .where(and(where, before === null ? undefined : lt(auditEvents.id, before)))
      .orderBy(desc(auditEvents.id))
      .limit(batch);
    for (const row of rows) yield toDto(row);
    if (rows.length < batch) return;
    before = rows[rows.length - 1].id;
  }
}

type AuditRow = { at: Date } & Omit<AuditEventDto, "at">;

/** The people who appear in the log, for the actor filter. */
export async function listAuditActors(viewer: Viewer | null, ctx?: Pick<Ctx, "tx">): Promise<{ id: number; name: string }[]> {
  assertCan(viewer, "audit.read");
  const db = await executor(ctx);
  return db.select({ id: users.id, name: users.name }).from(users).orderBy(users.name, users.id);
}
