// A TCP relay between the app server and PostgreSQL, so a fault check can take the database
// away from one server without stopping the machine's PostgreSQL (which others share). The
// server's DATABASE_URL points at the relay; `cut()` is PostgreSQL going down (every relayed
// connection is reset, and new ones are refused: nothing listens any more), `restore()` is it
// coming back on the same address.
import net from "node:net";

export class DbRelay {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  private port = 0;
  /** Connections accepted since start (a reconnecting pool shows up here). */
  accepted = 0;

  constructor(
    private readonly target: { host: string; port: number },
    private readonly host = "127.0.0.1",
  ) {}

  /** Starts listening (port 0: any free one) and returns the port. */
  async start(port = 0): Promise<number> {
    if (this.server) return this.port;
    const server = net.createServer((client) => this.relay(client));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, this.host, () => {
        server.off("error", reject);
        resolve();
      });
    });
    this.server = server;
    this.port = (server.address() as net.AddressInfo).port;
    return this.port;
  }

  get up(): boolean {
    return this.server !== null;
  }

  /** Open relayed connections (each is a pair: client side and database side). */
  get open(): number {
    return this.sockets.size / 2;
  }

  /** The database goes away: connections reset, and the port refuses new ones. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The database is back, on the same port. */
  async restore(): Promise<void> {
    await this.start(this.port);
  }

  async close(): Promise<void> {
    await this.cut();
  }

  private relay(client: net.Socket) {
    this.accepted++;
    const upstream = net.connect(this.target.port, this.target.host);
    for (const s of [client, upstream]) {
      this.sockets.add(s);
      s.setNoDelay(true);
      // One side failing or closing ends the other: PostgreSQL's protocol has no half-open state.
      s.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
      s.on("close", () => {
        this.sockets.delete(s);
        (s === client ? upstream : client).destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
