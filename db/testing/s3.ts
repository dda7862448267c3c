// A real S3-compatible server for the media tests: Ceph's RADOS Gateway on a one-node cluster in
// a temporary folder (scripts/ceph-s3.sh), wherever Debian's radosgw, ceph-mon and ceph-osd are
// installed (.ci/run installs them when it can). Not a mock: the same gateway Ceph users run
// in production, speaking S3 (SigV4, path-style buckets) over HTTP.
import { execFile } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import type { S3StorageOptions } from "@/lib/media/s3-storage";

const run = promisify(execFile);

export const cephInstalled = ["/usr/bin/radosgw", "/usr/bin/ceph-mon", "/usr/bin/ceph-osd"].every((p) => fs.existsSync(p));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/**
 * Starts the gateway (about 15 s) and makes a bucket; `stop` ends every daemon and removes the
 * folder. Tried up to four times, each in a fresh folder on fresh ports, in case a daemon cannot
 * start on a busy machine. (The OSD's "mon_cmd_maybe_osd_create fail: 'wrong fsid'", which made
 * the first start fail in one run of three when both integration passes started a cluster at once,
 * was its boot-time CRUSH command leaving before it had the monitor map; scripts/ceph-s3.sh now
 * places the OSD itself and turns that command off.)
 */
export async function startCephS3(bucket: string): Promise<{ options: S3StorageOptions; stop: () => Promise<void> }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(bucket);
    } catch (error) {
      if (attempt >= 4) throw error;
      console.warn(`[ceph-s3] start attempt ${attempt} failed, trying again: ${(error as Error).message.split("\n").filter(Boolean).slice(-4).join(" / ")}`);
    }
  }
}

async function startOnce(bucket: string): Promise<{ options: S3StorageOptions; stop: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-ceph-"));
  const script = path.resolve("scripts/ceph-s3.sh");
  const stop = async () => {
    await run(script, ["stop", dir]).catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const { stdout } = await run(script, ["start", dir, String(await freePort()), String(await freePort())], { timeout: 180_000 });
    const env = Object.fromEntries(stdout.split("\n").filter((l) => l.includes("=")).map((l) => l.split("=", 2) as [string, string]));
    const options: S3StorageOptions = {
      bucket,
      endpoint: env.COPYDESK_TEST_S3_ENDPOINT,
      accessKeyId: env.COPYDESK_TEST_S3_ACCESS_KEY_ID,
      secretAccessKey: env.COPYDESK_TEST_S3_SECRET_ACCESS_KEY,
    };
    const client = new S3Client({ region: "us-east-1", endpoint: options.endpoint, forcePathStyle: true, credentials: { accessKeyId: options.accessKeyId!, secretAccessKey: options.secretAccessKey! } });
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    client.destroy();
    return { options, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
