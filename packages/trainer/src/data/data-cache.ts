import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EncodedSplit, PreparedData } from './prepared-data.js';

/**
 * The prepared-data file: a 4-byte header length, a JSON header (vocabulary, classes, split
 * sizes), then the id and label arrays as little-endian int32. Written to a temporary name and
 * renamed, so a reader (another worker) never sees half a file.
 */
export function writePrepared(path: string, data: PreparedData): void {
  const splits = [data.train, data.validation, ...(data.test ? [data.test] : [])];
  const header = Buffer.from(
    JSON.stringify({
      vocabulary: data.vocabulary,
      classes: data.classes,
      maxLength: data.maxLength,
      counts: splits.map((s) => s.count),
    }),
  );
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  const body = splits.flatMap((s) => [
    Buffer.from(s.ids.buffer, s.ids.byteOffset, s.ids.byteLength),
    Buffer.from(s.labels.buffer, s.labels.byteOffset, s.labels.byteLength),
  ]);
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, Buffer.concat([length, header, ...body]));
  renameSync(temporary, path);
}

/** Reads a prepared-data file; throws when it is missing or damaged. */
export function readPrepared(path: string): PreparedData {
  const file = readFileSync(path);
  const headerLength = file.readUInt32LE(0);
  const header = JSON.parse(file.subarray(4, 4 + headerLength).toString('utf8')) as {
    vocabulary: string[];
    classes: string[];
    maxLength: number;
    counts: number[];
  };
  let offset = 4 + headerLength;
  const take = (ints: number): Int32Array => {
    const bytes = file.subarray(offset, offset + ints * 4);
    if (bytes.length !== ints * 4) throw new Error(`${path} is truncated`);
    offset += ints * 4;
    return new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  };
  const splits: EncodedSplit[] = header.counts.map((count) => ({
    count,
    ids: take(count * header.maxLength),
    labels: take(count),
  }));
  const [train, validation, test] = splits;
  if (train === undefined || validation === undefined)
    throw new Error(`${path} has no training or validation split`);
  return {
    vocabulary: header.vocabulary,
    classes: header.classes,
    maxLength: header.maxLength,
    train,
    validation,
    test: test ?? null,
  };
}
