// A minimal zip writer for the workbooks Linli sends (an .xlsx is a zip of XML parts): small parts stored as they
// are, one large part deflated as it is produced, then the central directory. No zip64 (a part or the file past
// 4 GB is refused), no encryption, ASCII names. The upload guard (checkZip) and exceljs both read what it writes.
import { once } from 'node:events';
import zlib from 'node:zlib';

const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
/** Version 2.0: deflate, data descriptors. */
const VERSION = 20;
/** General-purpose flag bit 3: crc and sizes follow the data, in a data descriptor. */
const HAS_DESCRIPTOR = 0x08;
const MAX_32 = 0xffffffff;

interface Entry {
  name: Buffer;
  flags: number;
  method: number;
  crc: number;
  compressed: number;
  inflated: number;
  offset: number;
}

/** The time as MS-DOS keeps it in zip headers: local time (Shanghai's, UTC+8, where the files are opened). */
function dosTime(now: Date): { time: number; date: number } {
  const d = new Date(now.getTime() + 8 * 3_600_000);
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/**
 * Builds a zip file as a sequence of buffers: `stored` for a part known whole, `deflating` for a part written in
 * pieces (each piece compressed in the thread pool as it comes, so the event loop keeps answering), `end` for the
 * central directory. The caller sends each returned buffer on in order.
 */
export class ZipWriter {
  private readonly entries: Entry[] = [];
  private offset = 0;
  private readonly time: number;
  private readonly date: number;

  /** Level 1 (the fastest): on a sheet's XML a file about 5 % larger than level 6, at a fifth of the CPU. */
  constructor(
    readonly level = 1,
    now = new Date(),
  ) {
    ({ time: this.time, date: this.date } = dosTime(now));
  }

  /** A part stored uncompressed (small, known whole): its local header and its bytes. */
  stored(name: string, content: string | Buffer): Buffer {
    const data = typeof content === 'string' ? Buffer.from(content) : content;
    const entry = this.begin(name, 0, 0, zlib.crc32(data), data.length, data.length);
    return Buffer.concat([this.localHeader(entry), data]);
  }

  /**
   * A deflated part written in pieces: `header` is its local header, to send first; `write` compresses one piece
   * and gives what the compressor has produced so far (often nothing: it holds back until it has a block);
   * `finish` ends the stream and gives the last bytes and the data descriptor; `close` lets the compressor go when
   * the file is abandoned. Nothing else is added to the file until the part is finished. One compressor per part,
   * working in the thread pool, so the event loop keeps answering meanwhile.
   */
  deflating(name: string) {
    const entry = this.begin(name, HAS_DESCRIPTOR, 8, 0, 0, 0);
    const header = this.localHeader(entry);
    const z = zlib.createDeflateRaw({ level: this.level });
    const produced: Buffer[] = [];
    z.on('data', (c: Buffer) => produced.push(c));
    const take = () => {
      const out = produced.length === 1 ? produced[0]! : Buffer.concat(produced);
      produced.length = 0;
      entry.compressed += out.length;
      this.offset += out.length;
      if (entry.compressed > MAX_32 || this.offset > MAX_32) throw new Error('zip: over 4 GB');
      return out;
    };
    const count = (piece: string | Buffer) => {
      const data = typeof piece === 'string' ? Buffer.from(piece) : piece;
      entry.crc = zlib.crc32(data, entry.crc);
      entry.inflated += data.length;
      if (entry.inflated > MAX_32) throw new Error('zip: a part over 4 GB');
      return data;
    };
    return {
      header,
      write: async (piece: string | Buffer): Promise<Buffer> => {
        const data = count(piece);
        // The callback comes once the piece is compressed (its output, if any, already handed to 'data').
        await new Promise<void>((resolve, reject) => z.write(data, (err) => (err ? reject(err) : resolve())));
        return take();
      },
      finish: async (piece: string | Buffer = ''): Promise<Buffer> => {
        const ended = once(z, 'end');
        z.end(count(piece));
        await ended;
        const tail = take();
        const d = Buffer.alloc(16);
        d.writeUInt32LE(DESCRIPTOR, 0);
        d.writeUInt32LE(entry.crc, 4);
        d.writeUInt32LE(entry.compressed, 8);
        d.writeUInt32LE(entry.inflated, 12);
        this.offset += d.length;
        return Buffer.concat([tail, d]);
      },
      close: () => void z.destroy(),
    };
  }

  /** The central directory and its end record: the last bytes of the file. */
  end(): Buffer {
    const parts: Buffer[] = [];
    const start = this.offset;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(CENTRAL, 0);
      h.writeUInt16LE(VERSION, 4);
      h.writeUInt16LE(VERSION, 6);
      h.writeUInt16LE(e.flags, 8);
      h.writeUInt16LE(e.method, 10);
      h.writeUInt16LE(this.time, 12);
      h.writeUInt16LE(this.date, 14);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.inflated, 24);
      h.writeUInt16LE(e.name.length, 28);
      // Extra field, comment, disk number, internal and external attributes: none.
      h.writeUInt32LE(e.offset, 42);
      parts.push(h, e.name);
    }
    const size = parts.reduce((s, b) => s + b.length, 0);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(size, 12);
    end.writeUInt32LE(start, 16);
    parts.push(end);
    this.offset += size + end.length;
    return Buffer.concat(parts);
  }

  private begin(name: string, flags: number, method: number, crc: number, compressed: number, inflated: number) {
    if (!/^[\x20-\x7e]+$/.test(name)) throw new Error(`zip: name not printable ASCII: ${name}`);
    if (this.entries.length >= 0xffff) throw new Error('zip: too many parts');
    const entry: Entry = { name: Buffer.from(name), flags, method, crc, compressed, inflated, offset: this.offset };
    this.entries.push(entry);
    return entry;
  }

  private localHeader(e: Entry): Buffer {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(LOCAL, 0);
    h.writeUInt16LE(VERSION, 4);
    h.writeUInt16LE(e.flags, 6);
    h.writeUInt16LE(e.method, 8);
    h.writeUInt16LE(this.time, 10);
    h.writeUInt16LE(this.date, 12);
    // With a data descriptor, crc and sizes are left zero here.
    if (!(e.flags & HAS_DESCRIPTOR)) {
      h.writeUInt32LE(e.crc, 14);
      h.writeUInt32LE(e.compressed, 18);
      h.writeUInt32LE(e.inflated, 22);
    }
    h.writeUInt16LE(e.name.length, 26);
    const out = Buffer.concat([h, e.name]);
    this.offset += out.length;
    if (!(e.flags & HAS_DESCRIPTOR)) this.offset += e.compressed;
    return out;
  }
}
