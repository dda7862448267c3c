// The relay the db-down fault check puts between the app server and PostgreSQL: bytes pass
// both ways, a cut resets open connections and refuses new ones, a restore accepts again on
// the same port. An echo server stands in for PostgreSQL (this is about TCP, not SQL).
import net from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DbRelay } from "./db-relay";

let echo: net.Server;
let echoPort: number;
let relay: DbRelay;

beforeEach(async () => {
  echo = net.createServer((s) => s.pipe(s));
  await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve));
  echoPort = (echo.address() as net.AddressInfo).port;
  relay = new DbRelay({ host: "127.0.0.1", port: echoPort });
});

afterEach(async () => {
  await relay.close();
  echo.close();
});

function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, "127.0.0.1", () => resolve(s));
    s.once("error", reject);
  });
}

function roundTrip(s: net.Socket, text: string): Promise<string> {
  return new Promise((resolve) => {
    let got = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      got = Buffer.concat([got, chunk]);
      if (got.length >= Buffer.byteLength(text)) {
        s.off("data", onData);
        resolve(got.toString());
      }
    };
    s.on("data", onData);
    s.write(text);
  });
}

const closed = (s: net.Socket) => new Promise<void>((resolve) => (s.destroyed ? resolve() : s.once("close", () => resolve())));

describe("DbRelay", () => {
  it("relays bytes both ways", async () => {
    const port = await relay.start();
    const s = await connect(port);
    expect(await roundTrip(s, "Grüße über die Leitung")).toBe("Grüße über die Leitung");
    expect(relay.open).toBe(1);
    s.destroy();
  });

  it("a cut resets open connections and refuses new ones; a restore accepts again on the same port", async () => {
    const port = await relay.start();
    const before = await connect(port);
    await roundTrip(before, "vorher");

    await relay.cut();
    await closed(before);
    expect(before.destroyed).toBe(true);
    expect(relay.open).toBe(0);
    await expect(connect(port)).rejects.toMatchObject({ code: "ECONNREFUSED" });

    await relay.restore();
    const after = await connect(port);
    expect(await roundTrip(after, "nachher")).toBe("nachher");
    expect(relay.accepted).toBe(2);
    after.destroy();
  });

  it("a database that closes its side ends the client's side too", async () => {
    echo.close();
    const server = net.createServer((s) => s.end());
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const closing = new DbRelay({ host: "127.0.0.1", port: (server.address() as net.AddressInfo).port });
    const s = await connect(await closing.start());
    await closed(s);
    await closing.close();
    server.close();
  });
});
