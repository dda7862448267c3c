// The shape every data verb keeps (docs/adr/0005-layers.md, issue #18), checked on the source so
// a newcomer's file cannot drift from it unnoticed:
//   - one verb per file: a file exports at most one function taking `VerbArgs` ({ ctx, input });
//   - a verb parses its input (parseInput / a zod schema) before it writes anything;
//   - reads never write: nothing in a queries file, and no exported get…/list…/find…/count…
//     function anywhere, calls insert, update or delete (a due schedule is settled by the
//     explicit settleDueSchedule, not behind a "get").
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

type ExportedFunction = { name: string; takesVerbArgs: boolean; body: string };

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
      body: statement.body.getText(source),
    });
  }
  return found;
}

/** Where the first write of a drizzle query builder is, or -1. */
const firstWrite = (code: string) => code.search(/\.(insert|update|delete)\(/);
const relative = (file: string) => path.relative(path.dirname(ROOT), file);
const files = sourceFiles(ROOT);

describe("the shape of the data verbs", () => {
  it("finds the verbs it checks", () => {
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
