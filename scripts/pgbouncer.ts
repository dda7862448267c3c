// Debian's PgBouncer in transaction pooling mode in front of a PostgreSQL database, for the test
// harness (the pooled e2e pass: COPYDESK_E2E_PGBOUNCER=1): started in the foreground in a working
// folder of its own, in the caller's process group (it ends with it), stopped by `stop()`.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const PGBOUNCER = ["/usr/sbin/pgbouncer", "/usr/local/bin/pgbouncer", "/usr/bin/pgbouncer"].find((p) => fs.existsSync(p));

/** Starts PgBouncer on `port` pooling `target` (a postgres:// URL); resolves with the pooled URL. */
export async function startPgbouncer(port: number, target: string): Promise<{ url: string; stop: () => void }> {
  if (!PGBOUNCER) throw new Error("pgbouncer is not installed (apt-get install pgbouncer)");
  const server = new URL(target);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-pgbouncer-"));
  fs.chmodSync(dir, 0o755); // run as an unprivileged user when started as root
  const user = decodeURIComponent(server.username || "postgres");
  fs.writeFileSync(path.join(dir, "userlist.txt"), `"${user}" "${decodeURIComponent(server.password)}"\n`, { mode: 0o644 });
  const ini = path.join(dir, "pgbouncer.ini");
  fs.writeFileSync(
    ini,
    [
      "[databases]",
      `* = host=${server.hostname} port=${server.port || 5432}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      server.password ? "auth_type = plain" : "auth_type = trust",
      `auth_file = ${path.join(dir, "userlist.txt")}`,
      // What Copydesk must work with: a server connection per transaction, not per client.
      "pool_mode = transaction",
      "max_client_conn = 500",
      "default_pool_size = 20",
      // node-postgres sends these startup parameters; PgBouncer refuses unknown ones otherwise.
      "ignore_startup_parameters = extra_float_digits,options",
      "",
    ].join("\n"),
    { mode: 0o644 },
  );
  const args = process.getuid?.() === 0 ? ["-u", "nobody", ini] : [ini];
  const child = spawn(PGBOUNCER, args, { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  child.stderr?.on("data", (chunk) => (log += chunk));
  const stop = () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", stop);
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`pgbouncer exited: ${log}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => (socket.end(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (open) break;
    if (i > 100) {
      stop();
      throw new Error(`pgbouncer did not listen on ${port}: ${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const url = new URL(target);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return { url: url.toString(), stop };
}
