import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import { negotiateLocale } from "./i18n";

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function leaf(messages: object, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
}

describe("message catalogues", () => {
  it("have the same keys in German and English", () => {
    const deKeys = keys(de).sort();
    const enKeys = keys(en).sort();
    expect(deKeys.filter((k) => !enKeys.includes(k)), "missing in en.json").toEqual([]);
    expect(enKeys.filter((k) => !deKeys.includes(k)), "missing in de.json").toEqual([]);
  });

  it("have no empty messages", () => {
    for (const [name, messages] of Object.entries({ de, en })) {
      for (const key of keys(messages)) expect(String(leaf(messages, key)).trim(), `${name}:${key}`).not.toBe("");
    }
  });

  it("contain every message key the server code can produce", () => {
    // Validation and error messages travel as keys from lib/ and db/ to the UI.
    const files = ["lib", "db"].flatMap((dir) =>
      fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts")).map((f) => path.join(dir, f)),
    );
    const used = new Set<string>();
    for (const file of files) {
      for (const match of fs.readFileSync(file, "utf8").matchAll(/["'`]((?:validation|errors|status)\.[A-Za-z_.]+)["'`]/g)) used.add(match[1]);
    }
    expect(used.size).toBeGreaterThan(20);
    for (const key of used) {
      expect(leaf(de, key), `de.json lacks ${key}`).toBeTypeOf("string");
      expect(leaf(en, key), `en.json lacks ${key}`).toBeTypeOf("string");
    }
  });
});

describe("negotiateLocale", () => {
  it.each([
    ["de-DE,de;q=0.9,en;q=0.8", "de"],
    ["en-GB,en;q=0.9", "en"],
    ["fr-FR,fr;q=0.9,en;q=0.5,de;q=0.4", "en"],
    ["fr-FR", "de"],
    ["", "de"],
    ["de;q=0.1, en;q=0.9", "en"],
  ])("%s → %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});
