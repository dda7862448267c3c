// The journeys' data factory (db/testing/factory.ts), for the e2e server only. It exists when the
// server was started by scripts/e2e-server.ts, which alone passes COPYDESK_TEST_FACTORY_TOKEN on
// (scripts/start.ts drops it otherwise), and answers only a request carrying that token.
// Anything else — a production server, a wrong or missing token — gets the same 404 as any
// address that does not exist, so probing learns nothing.
import { factoryAllowed, makeArticle, makeLiveBlog, makeUser } from "@/db/testing/factory";
import { AppError } from "@/lib/errors";

const notFound = () => new Response("Not found", { status: 404 });

export async function POST(request: Request) {
  if (!factoryAllowed(request.headers.get("x-copydesk-test-factory"))) return notFound();
  const body = (await request.json().catch(() => null)) as { kind?: string } | null;
  try {
    if (body?.kind === "article") return Response.json(await makeArticle(body as Parameters<typeof makeArticle>[0]));
    if (body?.kind === "live-blog") return Response.json(await makeLiveBlog(body as Parameters<typeof makeLiveBlog>[0]));
    if (body?.kind === "user") return Response.json(await makeUser(body as Parameters<typeof makeUser>[0]));
    return Response.json({ error: `unknown kind ${JSON.stringify(body?.kind)}` }, { status: 400 });
  } catch (error) {
    // The journey's author reads this in the test's failure, so say what the data layer said.
    const detail = error instanceof AppError ? { code: error.code, message: error.message, fields: (error as { fieldErrors?: unknown }).fieldErrors } : { message: String(error) };
    return Response.json({ error: detail }, { status: 400 });
  }
}
