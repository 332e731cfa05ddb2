import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataError } from '@embsweep/core/errors';
import type { Redis } from 'ioredis';
import { blobKey } from './keys.js';

/** Chunks of this size keep each Redis command small (Redis refuses values over 512 MB). */
const CHUNK_BYTES = 1024 * 1024;
/** Blobs stay this long after their last upload, then Redis frees them. */
const BLOB_TTL_SECONDS = 7 * 24 * 3600;

export interface BlobRef {
  readonly key: string;
  readonly sha256: string;
  readonly bytes: number;
}

/**
 * Puts a file's bytes in Redis under their SHA-256, in chunks, once: a blob already there is
 * only kept alive. The chunks are written under a temporary key and renamed at the end, so a
 * worker never reads half a file. Files over `limitBytes` are refused with what to do instead.
 */
export async function uploadBlob(redis: Redis, path: string, limitBytes: number): Promise<BlobRef> {
  const bytes = statSync(path).size;
  if (bytes > limitBytes) {
    throw new DataError(
      `the data file ${path} is ${mb(bytes)} MB, more than the ${mb(limitBytes)} MB that workers can be sent through Redis; put a copy on every worker machine at the same place relative to the sweep file (a copy with the same content is used as it is), or raise --max-upload-mb`,
    );
  }
  const content = readFileSync(path);
  const sha256 = createHash('sha256').update(content).digest('hex');
  const key = blobKey(sha256);
  if ((await redis.expire(key, BLOB_TTL_SECONDS)) === 1) return { key, sha256, bytes };
  const staging = `${key}:upload:${process.pid}`;
  await redis.del(staging);
  for (let at = 0; at < content.length; at += CHUNK_BYTES)
    await redis.rpush(staging, content.subarray(at, at + CHUNK_BYTES));
  if (content.length === 0) await redis.rpush(staging, Buffer.alloc(0));
  await redis.multi().rename(staging, key).expire(key, BLOB_TTL_SECONDS).exec();
  return { key, sha256, bytes };
}

/**
 * Writes a blob to `path` (through a temporary file, so the path is whole or absent) and
 * checks its SHA-256; a missing or damaged blob is a DataError that says so.
 */
export async function downloadBlob(redis: Redis, blob: BlobRef, path: string): Promise<void> {
  const chunks: Buffer[] = [];
  const count = await redis.llen(blob.key);
  for (let at = 0; at < count; at += 64) chunks.push(...(await redis.lrangeBuffer(blob.key, at, at + 63)));
  const content = Buffer.concat(chunks);
  const sha256 = createHash('sha256').update(content).digest('hex');
  if (count === 0 || sha256 !== blob.sha256) {
    throw new DataError(
      `the data file could not be fetched from Redis (${count === 0 ? 'it is no longer there' : 'its content does not match'}); run the sweep again so the scheduler uploads it again`,
    );
  }
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, content);
  renameSync(partial, path);
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
