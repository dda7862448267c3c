// What every journey starts from (README › Tests › How to write a journey):
//   import { expect, test } from "../fixtures";
//   test("…", async ({ as, reader, factory, runId }) => { … });
// - `as(role)` / `reader()`: a signed-in / anonymous page in a browser context of its own,
//   closed when the test ends (so are contexts from the older pageAs/readerPage helpers);
// - `factory`: makes the articles a journey needs through the data verbs, on the e2e server
//   (db/testing/factory.ts behind app/api/test-factory); never count or click the demo's articles;
// - `runId`: a short id unique to this test run, for headlines and tags nobody else uses, so
//   journeys running side by side (several workers) never see each other's data.
import { test as base, type APIRequest, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { browserLocale } from "./i18n";
import { authState } from "./paths";
import { ACCOUNTS, type Role } from "./pages/SignInPage";

export { expect } from "@playwright/test";

async function open(browser: Browser, options: Parameters<Browser["newContext"]>[0]): Promise<Page> {
  return (await browser.newContext(options)).newPage();
}

/** A page in a browser context of its own with these options (another server's baseURL, say), closed when the test ends. */
export function pageWith(browser: Browser, options: Parameters<Browser["newContext"]>[0]): Promise<Page> {
  return open(browser, options);
}

/** A page signed in as the given role (sessions made by auth.setup.ts), in a browser speaking `ui`. */
export async function pageAs(browser: Browser, role: Role, ui: "de" | "en" = "en"): Promise<Page> {
  return open(browser, { storageState: authState(role), locale: browserLocale[ui] });
}

/** An anonymous reader. */
export async function readerPage(browser: Browser): Promise<Page> {
  return open(browser, {});
}

export type FactoryArticle = {
  /** Who writes it; published/scheduled ones are published by an editor. */
  author?: Role;
  headline: string;
  standfirst?: string;
  /** An existing section's slug (the demo's sections: politik, wirtschaft, kultur, wissen, sport). */
  section?: string;
  language?: "de" | "en";
  /** Each a paragraph: its text, or its text followed by one link. */
  paragraphs?: (string | { text: string; link: { text: string; href: string } })[];
  tags?: string[];
  status?: "draft" | "in_review" | "published" | "scheduled";
  /** For "scheduled": the newsroom's wall clock, "2026-11-24T14:30:15". */
  at?: string;
  /** A lead image (a drawn JPEG through the media library, with its renditions). */
  leadImage?: { caption: string; alt: string; credit?: string };
  /** Related links to outside addresses. */
  related?: { url: string; title: string }[];
  /** Readers' comments, approved by the editor who publishes. */
  comments?: { name: string; text: string }[];
};
export type MadeArticle = { id: number; version: number; status: string; sectionSlug: string; slug: string; editUrl: string; url: string | null };

/** The journeys' data factory, as a journey calls it. */
export class Factory {
  constructor(private readonly api: APIRequestContext) {}

  /** One thing made by the factory (app/api/test-factory); its failure says what the data layer said. */
  private async make<T>(data: { kind: string } & Record<string, unknown>): Promise<T> {
    const response = await this.api.post("/api/test-factory", { data });
    if (!response.ok()) throw new Error(`test factory: ${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  }

  article(input: FactoryArticle): Promise<MadeArticle> {
    const { author = "journalist", section = "politik", paragraphs = ["Ein Absatz für den Test."], ...rest } = input;
    return this.make<MadeArticle>({ kind: "article", author: ACCOUNTS[author], section, paragraphs, ...rest });
  }

  /** Makes the article a running live blog (an editor starts it) with entries by the people named; returns the entries' ids. */
  async liveBlog(articleId: number, entries: { author: Role; title?: string; paragraphs: string[]; published?: boolean }[] = []): Promise<{ id: number; version: number }[]> {
    const made = await this.make<{ entries: { id: number; version: number }[] }>({ kind: "live-blog", articleId, entries: entries.map((e) => ({ ...e, author: ACCOUNTS[e.author] })) });
    return made.entries;
  }

  /** A new account of the journey's own (made by the demo admin); sign in with the password given. */
  user(input: { email: string; name: string; password: string; role?: Role }): Promise<{ id: number; email: string }> {
    return this.make<{ id: number; email: string }>({ kind: "user", admin: ACCOUNTS.admin, ...input });
  }

  /** A published article (the usual starting point of a reader journey). */
  published(input: Omit<FactoryArticle, "status">): Promise<MadeArticle & { url: string }> {
    return this.article({ ...input, status: "published" }) as Promise<MadeArticle & { url: string }>;
  }
}

/** The header that carries the factory token (playwright.config.ts makes one per run and hands it to the e2e server). */
export const FACTORY_HEADER = "x-copydesk-test-factory";

/** A request context that opens the data factory of the e2e server at `baseURL` (the shared one, or a journey's own: e2e/own-server.ts). */
export async function factoryContext(requests: APIRequest, baseURL: string | undefined): Promise<APIRequestContext> {
  const token = process.env.COPYDESK_TEST_FACTORY_TOKEN;
  if (!token) throw new Error("COPYDESK_TEST_FACTORY_TOKEN is unset: run journeys through playwright.config.ts");
  return requests.newContext({ baseURL, extraHTTPHeaders: { [FACTORY_HEADER]: token } });
}

/** What a project puts in its workers' environment: its engine's database and ports (playwright.config.ts). */
export type EngineOptions = { engineEnv: Record<string, string> };

/**
 * The base of every journey and fault check. One Playwright run holds the PGlite and the
 * PostgreSQL journeys (playwright.config.ts); a worker serves one project, and before its first
 * test or hook it takes its project's engine into the environment, which the helpers (e2e/paths.ts,
 * e2e/ports.ts, e2e/own-server.ts) and the fault scripts and servers it starts read.
 */
export const engineTest = base.extend<object, EngineOptions & { applyEngineEnv: void }>({
  engineEnv: [{}, { scope: "worker", option: true }],
  applyEngineEnv: [
    async ({ engineEnv }, provide) => {
      Object.assign(process.env, engineEnv);
      await provide();
    },
    { scope: "worker", auto: true },
  ],
});

export const test = engineTest.extend<{ as: (role: Role, ui?: "de" | "en") => Promise<Page>; reader: () => Promise<Page>; factory: Factory; runId: string; closeContexts: void }>({
  // Every context a test opened is closed when it ends, through the helpers here or with
  // browser.newContext() itself: whatever the worker's browser holds that it did not before. A context left open kept its pages running (an
  // editor's co-editing socket, a live blog's stream) in the worker's browser for every later
  // test. After a failure they stay for Playwright's screenshots; the worker is replaced anyway.
  closeContexts: [
    async ({ browser }, provide, info) => {
      const before = new Set(browser.contexts());
      await provide();
      if (info.status !== info.expectedStatus) return;
      const left = browser.contexts().filter((context) => !before.has(context));
      await Promise.all(left.map((context) => context.close().catch(() => undefined)));
    },
    { auto: true },
  ],
  as: async ({ browser }, provide) => provide((role, ui = "en") => pageAs(browser, role, ui)),
  reader: async ({ browser }, provide) => provide(() => readerPage(browser)),
  runId: async ({}, provide, info) => provide(`${info.workerIndex}${Date.now().toString(36)}`),
  factory: async ({ playwright, baseURL }, provide) => {
    const api = await factoryContext(playwright.request, baseURL);
    await provide(new Factory(api));
    await api.dispose();
  },
});
