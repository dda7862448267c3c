// The desk side of the load test, as the desk writes since co-editing: one signed-in person per
// draft, connected to the co-editing server over a real WebSocket (HocuspocusProvider in Node,
// as the browser's editor), typing a sentence every 100–300 ms into the draft's document and,
// as news breaks, its tags. A sentence counts as saved once the server's `saved` message covers
// it (its state vector: the rule behind the editor's "Saved 14:03"). Nothing is retried or
// hidden: a store the server reports failed, a refused connection, a sentence never confirmed
// within the timeout are all counted.
import * as Y from "yjs";
import { clockIn, connectClient, storedClock, until, type TestClient } from "@/db/testing/collab";
import { BODY_FRAGMENT, FIELDS_MAP, workingCopyFromDoc, type WorkingCopy } from "@/lib/collab/document";
import { between, rng, sentence } from "../bench/content";
import { DeskClient, sleep } from "../faults/harness";
import type { EditorPlan } from "./plans";

export type CoeditorTally = {
  email: string;
  articleId: number;
  /** Sentences typed (each one step, a transaction of the document). */
  attempts: number;
  /** Sentences the server said were stored. */
  acknowledged: number;
  /** `store-failed` messages, refused or lost connections. */
  errors: number;
  /** Sentences typed but never confirmed within the timeout after the end. */
  timeouts: number;
  /** Typed → told saved, in ms (the server stores after 1 s of quiet, at most every 5 s). */
  latencies: number[];
  /** Each acknowledged sentence's marker, for the check against the database. */
  saved: string[];
  firstErrors: string[];
};

export type Coeditor = { plan: EditorPlan; client: TestClient; tally: CoeditorTally };

// As in the HTTP editors: every BREAKING_MS the moment's three new tags go into every draft, so
// several stores create the same new tags at about the same time.
const BREAKING = ["Sturmflut Nordsee", "Stromausfall Hafen", "Fährunglück", "Bahnstreik", "Wahlabend", "Hitzewelle", "Brückensperrung", "Chemieunfall", "Großbrand Speicherstadt", "Eisregen", "Evakuierung Altstadt", "Hochwasser Elbe"];
const BREAKING_MS = 10_000;

/** Signs in through Auth.js and opens the draft's document (the server loads it from the database). */
export async function prepareCoeditor(port: number, plan: EditorPlan): Promise<Coeditor> {
  const desk = new DeskClient(port);
  await desk.signIn(plan.email, plan.password);
  const client = connectClient(`ws://localhost:${port}/api/collab`, plan.articleId, desk.cookie());
  await until(`${plan.email} connected to article ${plan.articleId}`, () => client.provider.isSynced || client.failures.length > 0, 60_000);
  if (client.failures.length) throw new Error(`${plan.email} was refused article ${plan.articleId}: ${client.failures.join(", ")}`);
  return {
    plan,
    client,
    tally: { email: plan.email, articleId: plan.articleId, attempts: 0, acknowledged: 0, errors: 0, timeouts: 0, latencies: [], saved: [], firstErrors: [] },
  };
}

/** Types until `end` (a performance.now() time), then waits up to `timeoutMs` for the last stores. */
export async function typeUntil(e: Coeditor, end: number, opts: { seed: number; timeoutMs: number; thinkMs: [number, number] }): Promise<void> {
  const { client, tally, plan } = e;
  const doc = client.doc;
  const r = rng(opts.seed);
  const steps: { marker: string; clock: number; at: number }[] = [];
  let seen = 0;
  const note = (message: string) => {
    if (tally.firstErrors.length < 5) tally.firstErrors.push(message);
  };
  const settle = () => {
    for (; seen < client.stateless.length; seen++) {
      const m = client.stateless[seen] as { type: string; reason?: string };
      if (m.type === "store-failed") {
        tally.errors += 1;
        note(`store failed: ${m.reason ?? ""}`);
      }
      const clock = storedClock(m, doc.clientID);
      if (clock === null) continue;
      const now = performance.now();
      while (steps.length && steps[0].clock <= clock) {
        const s = steps.shift()!;
        tally.acknowledged += 1;
        tally.latencies.push(now - s.at);
        tally.saved.push(s.marker);
      }
    }
  };
  const started = performance.now();
  let moment = -1;
  let inParagraph = 0;
  let i = 0;
  while (performance.now() < end) {
    const marker = `(${++i})`;
    const words = `${sentence(r, plan.language)} ${marker} `;
    const nowMoment = Math.floor((performance.now() - started) / BREAKING_MS);
    doc.transact(() => {
      const body = doc.getXmlFragment(BODY_FRAGMENT);
      // A new paragraph every three to six sentences, as people write.
      let last = body.get(body.length - 1);
      if (!(last instanceof Y.XmlElement) || last.nodeName !== "paragraph" || inParagraph >= between(r, 3, 6)) {
        last = new Y.XmlElement("paragraph");
        body.push([last]);
        inParagraph = 0;
      }
      const p = last as Y.XmlElement;
      let text = p.get(0);
      if (!(text instanceof Y.XmlText)) {
        text = new Y.XmlText("");
        p.insert(0, [text]);
      }
      (text as Y.XmlText).insert((text as Y.XmlText).length, words);
      inParagraph += 1;
      if (nowMoment !== moment) {
        moment = nowMoment;
        const tags = doc.getMap<unknown>(FIELDS_MAP).get("tags");
        if (tags instanceof Y.Array) tags.push([0, 1, 2].map((k) => BREAKING[(moment * 3 + k) % BREAKING.length]).filter((t) => !tags.toArray().includes(t)));
      }
    });
    tally.attempts += 1;
    steps.push({ marker, clock: clockIn(doc), at: performance.now() });
    settle();
    await sleep(between(r, opts.thinkMs[0], opts.thinkMs[1]));
  }
  try {
    await until(
      `${plan.email}'s last sentences stored`,
      () => {
        settle();
        return steps.length === 0;
      },
      opts.timeoutMs,
    );
  } catch {
    tally.timeouts = steps.length;
    note(`${steps.length} sentences never confirmed`);
  }
  if (client.failures.length) {
    tally.errors += client.failures.length;
    note(`refused: ${client.failures.join(", ")}`);
  }
}

/** What this person's document holds now (compared with the database after the server stopped). */
export function finalCopy(e: Coeditor): WorkingCopy {
  return workingCopyFromDoc(e.client.doc);
}
