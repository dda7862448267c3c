// S3-compatible object storage for media: AWS S3, Cloudflare R2, MinIO, Garage, Ceph RGW.
// Every instance that names the same bucket sees every file. Configured by environment:
//
//   COPYDESK_MEDIA_S3_BUCKET             the bucket (required; created beforehand)
//   COPYDESK_MEDIA_S3_ENDPOINT           the server for anything but AWS (http(s)://host:port)
//   COPYDESK_MEDIA_S3_REGION             default "us-east-1" ("auto" for R2)
//   COPYDESK_MEDIA_S3_ACCESS_KEY_ID,
//   COPYDESK_MEDIA_S3_SECRET_ACCESS_KEY  credentials (unset: the SDK's own chain — IAM role, ~/.aws)
//   COPYDESK_MEDIA_S3_PREFIX             a folder in the bucket for Copydesk's keys (default none)
//   COPYDESK_MEDIA_S3_PATH_STYLE         "1"/"0": bucket in the path rather than the host name
//                                        (default: on whenever an endpoint is set)
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import crypto from "node:crypto";
import { assertStorable, contentTypeOf, isMediaKey, type MediaStorage } from "./storage";

export type S3StorageOptions = {
  bucket: string;
  endpoint?: string;
  region?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  prefix?: string;
  pathStyle?: boolean;
};

/** The options COPYDESK_MEDIA_S3_* name; throws a sentence naming what is missing. */
export function s3OptionsFromEnv(env: Record<string, string | undefined> = process.env): S3StorageOptions {
  const value = (name: string) => env[`COPYDESK_MEDIA_S3_${name}`]?.trim() || undefined;
  const bucket = value("BUCKET");
  if (!bucket) throw new Error("COPYDESK_MEDIA_STORAGE=s3 needs COPYDESK_MEDIA_S3_BUCKET (and COPYDESK_MEDIA_S3_ENDPOINT for anything but AWS).");
  const accessKeyId = value("ACCESS_KEY_ID");
  const secretAccessKey = value("SECRET_ACCESS_KEY");
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) throw new Error("Set both COPYDESK_MEDIA_S3_ACCESS_KEY_ID and COPYDESK_MEDIA_S3_SECRET_ACCESS_KEY, or neither.");
  const pathStyle = value("PATH_STYLE");
  return {
    bucket,
    endpoint: value("ENDPOINT"),
    region: value("REGION"),
    accessKeyId,
    secretAccessKey,
    prefix: value("PREFIX"),
    pathStyle: pathStyle === undefined ? undefined : !["0", "false", "off", "no"].includes(pathStyle.toLowerCase()),
  };
}

export function s3Storage(options: S3StorageOptions): MediaStorage {
  const client = new S3Client({
    region: options.region ?? "us-east-1",
    endpoint: options.endpoint,
    forcePathStyle: options.pathStyle ?? Boolean(options.endpoint),
    credentials: options.accessKeyId && options.secretAccessKey ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } : undefined,
    // The SDK adds CRC32 checksums to every upload by default since early 2025; several
    // S3-compatible servers (older Ceph RGW and MinIO, some gateways) refuse or ignore them.
    // Our own SHA-256 travels as metadata instead, and the migration compares it.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const where = `bucket ${JSON.stringify(options.bucket)}${options.endpoint ? ` at ${options.endpoint}` : ""}`;
  /** An S3 failure as a sentence an operator can act on (the SDK says "UnknownError" for a bodiless 404). */
  const explained = (error: unknown): Error => {
    if (!(error instanceof S3ServiceException)) return error instanceof Error ? error : new Error(String(error));
    const status = error.$metadata?.httpStatusCode;
    const hint = error.name === "NoSuchBucket" || status === 404 ? " — does the bucket exist? Create it first." : status === 403 ? " — check the access key, its secret and its rights on the bucket." : "";
    return new Error(`S3 (${where}) answered ${status ?? "?"} ${error.name}${hint}`, { cause: error });
  };
  const send = async (command: PutObjectCommand | DeleteObjectCommand) => {
    try {
      await client.send(command as PutObjectCommand);
    } catch (error) {
      throw explained(error);
    }
  };
  const prefix = options.prefix ? options.prefix.replace(/\/+$/, "") + "/" : "";
  const objectKey = (key: string) => prefix + key;

  return {
    backend: "s3",
    async put(key, bytes, contentType) {
      assertStorable(key, contentType);
      // A single PUT is atomic in S3: the object appears whole or not at all.
      await send(
        new PutObjectCommand({
          Bucket: options.bucket,
          Key: objectKey(key),
          Body: bytes,
          ContentType: contentType,
          ContentLength: bytes.byteLength,
          ContentMD5: crypto.createHash("md5").update(bytes).digest("base64"),
          Metadata: { sha256: crypto.createHash("sha256").update(bytes).digest("hex") },
        }),
      );
    },
    async get(key) {
      const contentType = contentTypeOf(key);
      if (!contentType) return null;
      try {
        const response = await client.send(new GetObjectCommand({ Bucket: options.bucket, Key: objectKey(key) }));
        const body = response.Body;
        if (!body) return null;
        return {
          // The type follows from the key, as on disk: whatever the bucket says is not trusted.
          contentType,
          size: Number(response.ContentLength ?? 0),
          stream: () => body.transformToWebStream() as ReadableStream<Uint8Array>,
          bytes: () => body.transformToByteArray(),
        };
      } catch (error) {
        if (isMissing(error)) return null;
        throw explained(error);
      }
    },
    async delete(key) {
      if (!isMediaKey(key)) return;
      // Deleting a missing object is a success in S3.
      await send(new DeleteObjectCommand({ Bucket: options.bucket, Key: objectKey(key) }));
    },
  };
}

function isMissing(error: unknown): boolean {
  if (error instanceof NoSuchKey) return true;
  // Only a missing key: a missing bucket (NoSuchBucket, also a 404) is a setup error to surface.
  return error instanceof S3ServiceException && (error.name === "NoSuchKey" || error.name === "NotFound");
}
