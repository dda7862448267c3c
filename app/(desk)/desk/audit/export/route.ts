// The audit log as JSON lines (one event per line, newest first), for admins only, streamed in
// batches so a long log never sits in memory. Takes the admin page's filters from the address.
//   GET /desk/audit/export?actor=&action=&target=&targetId=&from=&to=
import { exportAuditEvents } from "@/db/audit/queries";
import { serverTranslator } from "@/i18n/translate";
import { getViewer } from "@/app/auth";
import { AppError, toFailure } from "@/lib/errors";
import { can } from "@/lib/permissions";

const FIELDS = ["actor", "action", "target", "targetId", "from", "to"] as const;

export async function GET(request: Request) {
  const viewer = await getViewer();
  const t = await serverTranslator(viewer?.locale);
  if (!viewer) return json({ ok: false, code: "unauthenticated", message: t("errors.unauthenticated") }, 401);
  if (!can(viewer, "audit.read")) return json({ ok: false, code: "forbidden", message: t("errors.auditAdminsOnly") }, 403);
  const params = new URL(request.url).searchParams;
  const filter = Object.fromEntries(FIELDS.map((f) => [f, (params.get(f) ?? "").slice(0, 200)]));

  const events = exportAuditEvents(viewer, filter);
  let head: IteratorResult<unknown>;
  try {
    // The filter is checked on the first read: a bad one is a 400 with field messages, before any line is sent.
    head = await events.next();
  } catch (error) {
    const result = toFailure(error, "audit export", t);
    return json({ ...result, fieldErrors: result.fieldErrors ?? {} }, error instanceof AppError && error.code === "invalid" ? 400 : 500);
  }
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      if (!head.done) controller.enqueue(encoder.encode(`${JSON.stringify(head.value)}\n`));
    },
    async pull(controller) {
      try {
        const next = await events.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(`${JSON.stringify(next.value)}\n`));
      } catch (error) {
        console.error("[copydesk] audit export failed midway:", error);
        controller.error(error);
      }
    },
    async cancel() {
      await events.return(undefined);
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(head.done ? "" : stream, {
    headers: {
      "Content-Type": "application/x-ndjson; charset=utf-8",
      "Content-Disposition": `attachment; filename="copydesk-audit-${day}.jsonl"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

function json(body: unknown, status: number) {
  return Response.json(body, { status, headers: { "Cache-Control": "private, no-store" } });
}
