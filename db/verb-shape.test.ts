// The shape every data verb keeps (docs/adr/0005-layers.md, issue #18), checked on the source so
// a newcomer's file cannot drift from it unnoticed:
//   - one verb per file: a file exports at most one function taking `VerbArgs` ({ ctx, input });
//   - a verb parses its input (parseInput / a zod schema) before it writes anything;
//   - reads never write: nothing in a queries file, and no exported get…/list…/find…/count…
//     function anywhere, calls insert, update or delete (a due schedule is settled by the
//     explicit settleDueSchedule, not behind a "get");
//   - everything else that writes is a verb, or a building block named in NOT_VERBS (below)
//     with the reason it is not one.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return ["migrations", "testing"].includes(entry.name) ? [] : sourceFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

/** takesVerbArgs: ({ ctx, input }: VerbArgs<…>); noInput: a verb with nothing to parse ({ ctx }: { ctx: Ctx }). */
type ExportedFunction = { name: string; takesVerbArgs: boolean; noInput: boolean; body: string };

function exportedFunctions(file: string): ExportedFunction[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found: ExportedFunction[] = [];
  for (const statement of source.statements) {
    if (!ts.isFunctionDeclaration(statement) || !statement.name || !statement.body) continue;
    if (!statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    const first = statement.parameters[0];
    found.push({
      name: statement.name.text,
      takesVerbArgs: Boolean(first?.type && /\bVerbArgs</.test(first.type.getText(source))),
      noInput: Boolean(first?.type && /^\{\s*ctx:\s*Ctx;?\s*\}$/.test(first.type.getText(source))),
      body: statement.body.getText(source),
    });
  }
  return found;
}

// The tables of the schema: a write is drizzle's insert/update/delete on one of them (a Map's or
// a Set's delete is not).
const TABLES = [...fs.readFileSync(path.join(ROOT, "schema/index.ts"), "utf8").matchAll(/export const (\w+) = pgTable\(/g)].map((m) => m[1]);
const WRITE = new RegExp(`\\.(insert|update|delete)\\(\\s*(${TABLES.join("|")})\\b`);
/** Where the first write of a drizzle query builder is, or -1. */
const firstWrite = (code: string) => code.search(WRITE);
const relative = (file: string) => path.relative(path.dirname(ROOT), file);
const files = sourceFiles(ROOT);

describe("the shape of the data verbs", () => {
  it("finds the verbs and the tables it checks", () => {
    expect(TABLES.length).toBeGreaterThan(20);
    const verbs = files.flatMap((f) => exportedFunctions(f).filter((fn) => fn.takesVerbArgs));
    expect(verbs.length).toBeGreaterThan(40);
  });

  it("keeps one verb per file", () => {
    const crowded = files
      .map((file) => ({ file: relative(file), verbs: exportedFunctions(file).filter((fn) => fn.takesVerbArgs).map((fn) => fn.name) }))
      .filter((f) => f.verbs.length > 1);
    expect(crowded).toEqual([]);
  });

  it("parses a verb's input before anything is written", () => {
    const unparsed = files.flatMap((file) =>
      exportedFunctions(file)
        .filter((fn) => fn.takesVerbArgs)
        .filter((fn) => {
          const parsed = fn.body.search(/\bparseInput\(|\.parse\(input/);
          const written = firstWrite(fn.body);
          return parsed === -1 || (written !== -1 && written < parsed);
        })
        .map((fn) => `${relative(file)}: ${fn.name}`),
    );
    expect(unparsed).toEqual([]);
  });

  it("writes only in verbs, or in the building blocks named here with why they are not verbs", () => {
    const writers = files.flatMap((file) =>
      exportedFunctions(file)
        .filter((fn) => !fn.takesVerbArgs && !fn.noInput && firstWrite(fn.body) !== -1)
        .map((fn) => `${relative(file)}: ${fn.name}`),
    );
    expect(writers.filter((w) => !(w.split(": ")[1] in NOT_VERBS))).toEqual([]);
    // And the list names nothing that is gone or became a verb.
    expect(Object.keys(NOT_VERBS).filter((name) => !writers.some((w) => w.endsWith(`: ${name}`)))).toEqual([]);
  });

  it("never writes from a read: queries files and get…/list…/find…/count… functions", () => {
    const writingReads = files.flatMap((file) => {
      const name = path.basename(file);
      if (/(^|-)queries\.ts$/.test(name)) {
        const code = fs.readFileSync(file, "utf8");
        return firstWrite(code) === -1 ? [] : [`${relative(file)} (a queries file)`];
      }
      return exportedFunctions(file)
        .filter((fn) => /^(get|list|find|count)[A-Z]/.test(fn.name) && firstWrite(fn.body) !== -1)
        .map((fn) => `${relative(file)}: ${fn.name}`);
    });
    expect(writingReads).toEqual([]);
  });
});

// Exported functions that write without being a verb, and why. Each runs inside a verb's
// transaction or stands for no person (sign-in before there is a viewer, the co-editing server,
// the media store); a new entry needs a reason as good as these.
const INSIDE_A_VERB = "a step of the verbs that call it, inside their transaction, after they authorised";
const SIGN_IN = "a step of signing in: there is no viewer yet; it checks the person itself and is throttled";
const NOT_VERBS: Record<string, string> = {
  settleDueSchedule: INSIDE_A_VERB,
  recordEvent: INSIDE_A_VERB,
  recordRevision: INSIDE_A_VERB,
  writeWorkingCopy: INSIDE_A_VERB,
  writeRelations: INSIDE_A_VERB,
  applyTransition: INSIDE_A_VERB,
  audit: INSIDE_A_VERB,
  recordFrontChange: INSIDE_A_VERB,
  releaseArticleSlots: INSIDE_A_VERB,
  nextRevision: INSIDE_A_VERB,
  notifyForStep: INSIDE_A_VERB,
  keepOldAddress: INSIDE_A_VERB,
  replaceTagInPublications: INSIDE_A_VERB,
  renameSectionInPublications: INSIDE_A_VERB,
  writeOrder: INSIDE_A_VERB,
  ensureTags: INSIDE_A_VERB,
  replaceRecoveryCodes: INSIDE_A_VERB,
  deleteFactor: INSIDE_A_VERB,
  storeChallenge: INSIDE_A_VERB,
  takeChallenge: INSIDE_A_VERB,
  deleteSessionsOf: INSIDE_A_VERB,
  hitRateLimit: "the throttle: counts attempts by address or account, before anyone is known",
  resetRateLimit: "the throttle: cleared by a successful sign-in",
  noteFailure: "the throttle: counts a failed attempt",
  spendTotpCode: SIGN_IN,
  verifySignInCode: SIGN_IN,
  verifySignInPasskey: SIGN_IN,
  signInWithOidc: SIGN_IN,
  startSession: SIGN_IN,
  checkSession: "every request's session check: notes when the session was last seen, ends an expired one",
  claimCollabVersion: "the co-editing server (lib/collab/server.ts), for no person: which instance brings an outside change in",
  initCollabState: "the co-editing server, for no person: the first shared state of an article, stored once",
  reportPresence: "the co-editing server, for no person: who writes where on this instance",
  postgresStorage: "the media store's PostgreSQL backend: bytes under keys the media verbs chose",
};
