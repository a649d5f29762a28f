// Uploads: the one way a route receives an uploaded file, and the one check every zip (an .xlsx) passes before
// anything parses it. A zip's directories state sizes the sender chose: a 1.5 MB file whose central directory
// understates a 1.5 GB entry once took the server's memory from 0.26 GB to 1.85 GB. So the check walks the local
// entries in order, inflates each with a streaming inflater that keeps no output, counts what comes out, and stops
// at the limits; only then does the reader (exceljs over JSZip, which trusts the central directory) see the bytes,
// and the central directory must point at exactly the entries that were counted.
import zlib from 'node:zlib';
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';
import { refuseNul } from './http.ts';

/** The configured limits of an upload: its size as sent, and once unpacked. */
export interface UploadLimits {
  maxUploadBytes: number;
  maxInflatedBytes: number;
}

export interface UnpackLimits {
  /** Inflated bytes of all entries together. */
  maxBytes: number;
  /** Entries in the zip (an .xlsx has about a dozen; one with pictures a few dozen). */
  maxEntries: number;
  /** Inflated to compressed bytes of one entry, once it has given more than RATIO_FLOOR_BYTES. */
  maxRatio: number;
}

export const DEFAULT_MAX_ENTRIES = 1000;
// Spreadsheet XML deflates about 4–10 to 1 (a 10,000-row roster: 7.4:1); zeros or one repeated tag about 1000:1.
export const DEFAULT_MAX_RATIO = 100;
// Small parts may be packed tightly without harm; the ratio counts only past this much output.
const RATIO_FLOOR_BYTES = 1024 * 1024;

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const DESCRIPTOR = 0x08074b50;

export const mbOf = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

/** The file is larger, inflated, than the limit: refused, nothing changed. */
const tooLarge = (limits: UnpackLimits) => new AppError('unpacked_too_large', { maxMb: mbOf(limits.maxBytes) });
/** Too many entries, or packed far more tightly than any spreadsheet: refused, nothing changed. */
const tooComplex = () => new AppError('file_too_complex');
const notXlsx = () => new AppError('unsupported_file');

/** Inflates one raw-deflate stream from the front of `input`, counting (and dropping) the output. */
function countInflated(
  input: Buffer,
  budget: number,
  limits: UnpackLimits,
): Promise<{ consumed: number; produced: number }> {
  return new Promise((resolve, reject) => {
    const inflater = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
    let produced = 0;
    let settled = false;
    const fail = (err: AppError) => {
      if (settled) return;
      settled = true;
      inflater.destroy();
      reject(err);
    };
    inflater.on('data', (chunk: Buffer) => {
      produced += chunk.length;
      if (produced > budget) fail(tooLarge(limits));
      // bytesWritten: compressed bytes the inflater has taken so far.
      else if (produced > RATIO_FLOOR_BYTES && produced > limits.maxRatio * Math.max(1, inflater.bytesWritten))
        fail(tooComplex());
    });
    inflater.on('error', () => fail(notXlsx()));
    // The inflater ends at the end of the deflate stream, leaving what follows it (a data descriptor, the next entry).
    inflater.on('end', () => {
      if (settled) return;
      settled = true;
      resolve({ consumed: inflater.bytesWritten, produced });
    });
    inflater.end(input);
  });
}

/** Where the end-of-central-directory record starts, or -1. */
function findEnd(buf: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535.
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--)
    if (buf.readUInt32LE(i) === END) return i;
  return -1;
}

interface Listed {
  name: string;
  compressed: number;
  inflated: number;
}

/** The central directory's entries by local header offset; what the reader will follow. */
function centralDirectory(buf: Buffer, limits: UnpackLimits): { start: number; entries: Map<number, Listed> } {
  const end = findEnd(buf);
  if (end < 0) throw notXlsx();
  const count = buf.readUInt16LE(end + 10);
  const start = buf.readUInt32LE(end + 16);
  // zip64 marks its counts and offsets 0xffff…; data before the first entry would shift every offset the reader sees.
  if (count === 0xffff || start + buf.readUInt32LE(end + 12) !== end) throw notXlsx();
  if (count > limits.maxEntries) throw tooComplex();
  const entries = new Map<number, Listed>();
  let declared = 0;
  let c = start;
  for (let n = 0; n < count; n++) {
    if (c + 46 > end || buf.readUInt32LE(c) !== CENTRAL) throw notXlsx();
    const nameLength = buf.readUInt16LE(c + 28);
    const offset = buf.readUInt32LE(c + 42);
    if (entries.has(offset)) throw notXlsx();
    const inflated = buf.readUInt32LE(c + 24);
    entries.set(offset, {
      name: buf.toString('utf8', c + 46, c + 46 + nameLength),
      compressed: buf.readUInt32LE(c + 20),
      inflated,
    });
    declared += inflated;
    c += 46 + nameLength + buf.readUInt16LE(c + 30) + buf.readUInt16LE(c + 32);
  }
  if (c !== end) throw notXlsx();
  // A file that admits to being too large is refused before anything is inflated.
  if (declared > limits.maxBytes) throw tooLarge(limits);
  return { start, entries };
}

/**
 * Checks a zip before anything parses it and returns its entry names. Refuses with 413 `unpacked_too_large` past
 * maxBytes inflated, 413 `file_too_complex` past maxEntries or maxRatio, and 415 `unsupported_file` for anything
 * that is not a plain zip whose central directory lists exactly the entries walked, with their true sizes
 * (encrypted, zip64, other compression methods, bytes before, between or after the entries).
 */
export async function checkZip(buf: Buffer, limits: UnpackLimits): Promise<string[]> {
  if (buf.length < 30 || buf.readUInt32LE(0) !== LOCAL) throw notXlsx();
  const directory = centralDirectory(buf, limits);
  const names: string[] = [];
  let total = 0;
  let p = 0;
  while (p !== directory.start) {
    if (p + 30 > directory.start || buf.readUInt32LE(p) !== LOCAL) throw notXlsx();
    const listed = directory.entries.get(p);
    const flags = buf.readUInt16LE(p + 6);
    const method = buf.readUInt16LE(p + 8);
    const declared = buf.readUInt32LE(p + 18);
    const nameLength = buf.readUInt16LE(p + 26);
    const data = p + 30 + nameLength + buf.readUInt16LE(p + 28);
    const name = buf.toString('utf8', p + 30, p + 30 + nameLength);
    if (!listed || listed.name !== name || data > buf.length || flags & 1) throw notXlsx();
    const hasDescriptor = (flags & 8) !== 0;
    let compressed: number;
    let inflated: number;
    if (method === 0 && !hasDescriptor) {
      // Stored: the bytes are the content.
      compressed = inflated = declared;
      if (data + compressed > buf.length || total + inflated > limits.maxBytes) throw tooLarge(limits);
    } else if (method === 8) {
      // With a data descriptor the local header's sizes are zero, and the stream's own end says where it stops.
      if (!hasDescriptor && data + declared > buf.length) throw notXlsx();
      const input = hasDescriptor ? buf.subarray(data) : buf.subarray(data, data + declared);
      const counted = await countInflated(input, limits.maxBytes - total, limits);
      if (!hasDescriptor && counted.consumed !== declared) throw notXlsx();
      compressed = counted.consumed;
      inflated = counted.produced;
    } else throw notXlsx();
    // The reader takes the sizes from the central directory: they must be the true ones.
    if (listed.compressed !== compressed || listed.inflated !== inflated) throw notXlsx();
    total += inflated;
    names.push(name);
    directory.entries.delete(p);
    p = data + compressed;
    if (hasDescriptor) p += p + 4 <= buf.length && buf.readUInt32LE(p) === DESCRIPTOR ? 16 : 12;
  }
  if (directory.entries.size) throw notXlsx();
  return names;
}

/** One uploaded file (multipart field `file`) with the form fields sent before it, within maxBytes. */
export async function receiveFile(
  req: FastifyRequest,
  maxBytes: number,
): Promise<{ buffer: Buffer; fileName: string; fields: Record<string, string> }> {
  if (!req.isMultipart()) throw notXlsx();
  try {
    const part = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
    if (!part) throw new AppError('validation', { fields: [{ field: 'file', message: 'invalid.required' }] });
    const fields: Record<string, string> = {};
    for (const [k, f] of Object.entries(part.fields))
      if (f && !Array.isArray(f) && f.type === 'field') fields[k] = String(f.value);
    // Multipart fields and the file's name (kept with an import) are read here, after the platform's NUL check of
    // parsed bodies.
    refuseNul(fields, '');
    refuseNul(part.filename, 'file');
    return { buffer: await part.toBuffer(), fileName: part.filename, fields };
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as { code?: string })?.code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('payload_too_large', { maxMb: mbOf(maxBytes) });
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw notXlsx();
    throw err;
  }
}
