// The desk side of the load test: one signed-in person per draft, autosaving as the editor
// does (lib/editor/article.ts builds the request), one save at a time — send, wait for the
// answer, think 100–300 ms, send the next text with the version the last answer gave.
// Every outcome is counted; nothing is retried silently.
import type { JSONContent } from "@tiptap/core";
import { parseBody } from "@/lib/content/body";
import { toSaveInput, type EditorArticle } from "@/lib/editor/article";
import { articleBody, between, rng, sentence, type Rand } from "../bench/content";
import { DeskClient, sleep } from "../faults/harness";

export type EditorPlan = { email: string; password: string; articleId: number; language: "de" | "en" };

export type EditorTally = {
  email: string;
  articleId: number;
  initialVersion: number;
  attempts: number;
  /** Saves the server confirmed (ok: true). */
  acknowledged: number;
  conflicts: number;
  /** HTTP errors, refusals other than a conflict, unreadable answers, network errors. */
  errors: number;
  timeouts: number;
  /** A confirmed save whose new version was not the one it was sent with plus one. */
  versionSkips: number;
  /** Saves that failed or timed out on the wire but were found written when the desk reloaded. */
  appliedUnacknowledged: number;
  /** Round trips of confirmed saves, in ms. */
  latencies: number[];
  /** The version and body of the last save the database must hold. */
  lastVersion: number;
  lastBody: JSONContent;
  lastTags: string[];
  firstErrors: string[];
};

// What the newsroom is suddenly covering: every BREAKING_MS each person adds the moment's
// three new tags to their draft, typed in their own order — so several saves create the same
// new tags at about the same time.
const BREAKING = [
  "Sturmflut Nordsee", "Stromausfall Hafen", "Fährunglück", "Bahnstreik", "Wahlabend", "Hitzewelle", "Brückensperrung", "Chemieunfall",
  "Großbrand Speicherstadt", "Eisregen", "Evakuierung Altstadt", "Hochwasser Elbe", "Cyberangriff Rathaus", "Busstreik", "Sondersitzung",
  "Haushaltssperre", "Rücktritt", "Misstrauensvotum", "Gasleck", "Bombenfund", "Orkanböen", "Deichbruch", "Zugunglück", "Ausgangssperre",
];
const BREAKING_MS = 10_000;

function breakingTags(moment: number, r: Rand): string[] {
  const now = [0, 1, 2].map((k) => BREAKING[(moment * 3 + k) % BREAKING.length]);
  const before = moment > 0 ? [0, 1, 2].map((k) => BREAKING[((moment - 1) * 3 + k) % BREAKING.length]) : [];
  for (let i = now.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [now[i], now[j]] = [now[j], now[i]];
  }
  return [...before, ...now];
}

/** A draft of ~`words` words, the text every editor starts from. */
export function draftBody(seed: number, language: "de" | "en", words = 400): JSONContent {
  return articleBody(rng(seed), language, words);
}

/**
 * Typing: each save adds a sentence to the paragraph being written; every few sentences a
 * new paragraph starts. Past `maxTyped` paragraphs the oldest typed one is dropped (rewritten),
 * so a long run keeps a newspaper-sized body. Every body differs from the one before.
 */
class Typist {
  private typed: JSONContent[] = [];
  private current: string[] = [];
  constructor(
    private r: Rand,
    private language: "de" | "en",
    private base: JSONContent[],
    private maxTyped = 40,
  ) {}

  next(): JSONContent {
    if (this.current.length >= between(this.r, 3, 6)) {
      this.typed.push(paragraphOf(this.current, this.r));
      if (this.typed.length > this.maxTyped) this.typed.shift();
      this.current = [];
    }
    this.current.push(sentence(this.r, this.language));
    return { type: "doc", content: [...this.base, ...this.typed, paragraphOf(this.current, this.r)] };
  }
}

function paragraphOf(sentences: string[], r: Rand): JSONContent {
  const text = sentences.join(" ");
  // Now and then a word in bold, as people do while writing.
  const cut = text.indexOf(" ", Math.floor(text.length / 2));
  if (cut > 0 && r() < 0.2) {
    const end = text.indexOf(" ", cut + 1);
    if (end > cut) {
      return {
        type: "paragraph",
        content: [{ type: "text", text: text.slice(0, cut + 1) }, { type: "text", text: text.slice(cut + 1, end), marks: [{ type: "bold" }] }, { type: "text", text: text.slice(end) }],
      };
    }
  }
  return { type: "paragraph", content: [{ type: "text", text }] };
}

export type Editor = { client: DeskClient; plan: EditorPlan; article: EditorArticle; tally: EditorTally };

/** Signs in and loads the draft (this also warms the desk's code path before the clock starts). */
export async function prepareEditor(port: number, plan: EditorPlan): Promise<Editor> {
  const client = new DeskClient(port);
  await client.signIn(plan.email, plan.password);
  const article = await loadDraft(client, plan.articleId);
  return {
    client,
    plan,
    article,
    tally: {
      email: plan.email,
      articleId: plan.articleId,
      initialVersion: article.version,
      attempts: 0,
      acknowledged: 0,
      conflicts: 0,
      errors: 0,
      timeouts: 0,
      versionSkips: 0,
      appliedUnacknowledged: 0,
      latencies: [],
      lastVersion: article.version,
      lastBody: article.body as JSONContent,
      lastTags: article.fields.tags,
      firstErrors: [],
    },
  };
}

async function loadDraft(client: DeskClient, id: number): Promise<EditorArticle> {
  const loaded = await client.action<EditorArticle>("loadArticleAction", [id], `/desk/articles/${id}`, AbortSignal.timeout(30_000));
  if (!loaded.ok) throw new Error(`Loading article ${id} failed: ${loaded.message}`);
  return loaded.data;
}

/** Autosaves until `until` (a performance.now() time). */
export async function autosaveUntil(editor: Editor, until: number, opts: { seed: number; timeoutMs: number; thinkMs: [number, number] }): Promise<void> {
  const { client, plan, article, tally } = editor;
  const r = rng(opts.seed);
  const typist = new Typist(r, plan.language, ((article.body as JSONContent).content ?? []) as JSONContent[]);
  const page = `/desk/articles/${plan.articleId}`;
  let version = article.version;
  const started = performance.now();
  const baseTags = article.fields.tags;
  let moment = -1;
  let tags = baseTags;
  const note = (message: string) => {
    if (tally.firstErrors.length < 5) tally.firstErrors.push(message);
  };

  while (performance.now() < until) {
    const body = typist.next();
    const nowMoment = Math.floor((performance.now() - started) / BREAKING_MS);
    if (nowMoment !== moment) {
      moment = nowMoment;
      tags = [...baseTags, ...breakingTags(moment, r)];
    }
    // Exactly the request the editor's autosave sends.
    const input = { id: plan.articleId, version, autosave: true, ...toSaveInput({ ...article.fields, tags }, body, { slugEdited: false }) };
    tally.attempts += 1;
    const t0 = performance.now();
    let outcome: "ok" | "conflict" | "error" | "timeout";
    try {
      const result = await client.action<{ version: number }>("saveArticleAction", [input], page, AbortSignal.timeout(opts.timeoutMs));
      if (result.ok) {
        outcome = "ok";
        if (result.data.version !== version + 1) {
          tally.versionSkips += 1;
          note(`save from version ${version} answered version ${result.data.version}`);
        }
        version = result.data.version;
        tally.acknowledged += 1;
        tally.latencies.push(performance.now() - t0);
        tally.lastVersion = version;
        tally.lastBody = body;
        tally.lastTags = tags;
      } else {
        outcome = result.code === "conflict" ? "conflict" : "error";
        note(`${result.code}: ${result.message}`);
      }
    } catch (error) {
      const name = (error as Error).name;
      outcome = name === "TimeoutError" || name === "AbortError" ? "timeout" : "error";
      note(`${outcome}: ${(error as Error).message}`);
    }
    if (outcome === "conflict") tally.conflicts += 1;
    if (outcome === "error") tally.errors += 1;
    if (outcome === "timeout") tally.timeouts += 1;
    if (outcome !== "ok") {
      // The answer was lost or refused: like the editor, reload to learn where the draft stands.
      // A save that was written although its answer never came is counted, and is the new last.
      const now = await reloadQuietly(client, plan.articleId);
      if (now && now.version !== version) {
        if (now.version === version + 1 && sameJson(now.body, storedForm(body))) {
          tally.appliedUnacknowledged += 1;
          tally.lastVersion = now.version;
          tally.lastBody = body;
          tally.lastTags = tags;
        } else {
          note(`after a failed save the draft is at version ${now.version}, expected ${version} or ${version + 1}`);
        }
        version = now.version;
      }
    }
    await sleep(between(r, opts.thinkMs[0], opts.thinkMs[1]));
  }
}

async function reloadQuietly(client: DeskClient, id: number): Promise<EditorArticle | null> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await loadDraft(client, id);
    } catch {
      await sleep(1000);
    }
  }
  return null;
}

/** The body as the server stores it: validated and normalized by the same TipTap schema. */
export function storedForm(body: JSONContent): JSONContent {
  return parseBody(body).toJSON() as JSONContent;
}

/** Deep equality regardless of key order (jsonb stores keys in its own order). */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}
