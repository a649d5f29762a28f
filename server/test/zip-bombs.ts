// Zip bombs built by hand for the upload guard's tests and bench/import.ts --hostile: a few MB each, inflating to
// 1.5 GB (or 64 MB at an ordinary packing ratio), with the sizes in both directories understated.
import zlib from 'node:zlib';

export interface Entry {
  name: string;
  /** Raw deflate bytes. */
  deflated: Buffer;
  /** The size both directories state for the inflated entry (the truth, or a lie). */
  stated: number;
  /** Sizes in a data descriptor after the data; the local header's are zero (as streaming writers do). */
  descriptor?: boolean;
}

const deflated = (text: string | Buffer): Entry['deflated'] => zlib.deflateRawSync(text);
export const entry = (name: string, text: string): Entry => ({
  name,
  deflated: deflated(text),
  stated: Buffer.byteLength(text),
});

/**
 * `copies` times `unit`, deflated without deflating it all: each copy is compressed on its own after a full flush
 * (no reference reaches back past it), so the copies can be laid end to end and closed with an empty final block.
 */
function repeatedDeflate(unit: Buffer, copies: number): Buffer {
  const one = zlib.deflateRawSync(unit, { finishFlush: zlib.constants.Z_FULL_FLUSH });
  return Buffer.concat([...Array.from({ length: copies }, () => one), zlib.deflateRawSync(Buffer.alloc(0))]);
}

export function zip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const flags = e.descriptor ? 8 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.descriptor ? 0 : e.deflated.length, 18);
    local.writeUInt32LE(e.descriptor ? 0 : e.stated, 22);
    local.writeUInt16LE(name.length, 26);
    const tail = Buffer.alloc(e.descriptor ? 16 : 0);
    if (e.descriptor) {
      tail.writeUInt32LE(0x08074b50, 0);
      tail.writeUInt32LE(e.deflated.length, 8);
      tail.writeUInt32LE(e.stated, 12);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(e.stated, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.deflated, tail);
    centrals.push(central, name);
    offset += local.length + name.length + e.deflated.length + tail.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

// The parts of a one-sheet workbook, so a hostile file looks like any .xlsx until it is inflated.
export const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
const override = (part: string, type: string) => `<Override PartName="${part}" ContentType="${OFFICE}.${type}+xml"/>`;
const relationship = (id: string, type: string, target: string) =>
  `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`;
export const workbookParts = (): Entry[] => [
  entry(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      override('/xl/workbook.xml', 'sheet.main') +
      override('/xl/worksheets/sheet1.xml', 'worksheet') +
      override('/xl/sharedStrings.xml', 'sharedStrings') +
      '</Types>',
  ),
  entry(
    '_rels/.rels',
    `<Relationships xmlns="${PKG}">${relationship('rId1', 'officeDocument', 'xl/workbook.xml')}</Relationships>`,
  ),
  entry(
    'xl/workbook.xml',
    `<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="居民名单" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  ),
  entry(
    'xl/_rels/workbook.xml.rels',
    `<Relationships xmlns="${PKG}">${relationship('rId1', 'worksheet', 'worksheets/sheet1.xml')}` +
      `${relationship('rId2', 'sharedStrings', 'sharedStrings.xml')}</Relationships>`,
  ),
];
export const sheetXml =
  `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>` + '</worksheet>';
const GB = 1024 * 1024 * 1024;
export const MB = 1024 * 1024;

/** A sheet of 1.5 GB of zeros in 1.5 MB, both directories saying it is 1 KB. */
export function zerosUnderstated(): Buffer {
  const bomb = { name: 'xl/worksheets/sheet1.xml', deflated: repeatedDeflate(Buffer.alloc(MB), 1536), stated: 1024 };
  return zip([...workbookParts(), bomb, entry('xl/sharedStrings.xml', '<sst><si><t>a</t></si></sst>')]);
}

/** The same, written as streaming writers do: sizes after the data, in a data descriptor (which understates too). */
export function zerosWithDescriptor(): Buffer {
  const bomb = {
    name: 'xl/worksheets/sheet1.xml',
    deflated: repeatedDeflate(Buffer.alloc(MB), 1536),
    stated: 1024,
    descriptor: true,
  };
  return zip([...workbookParts(), bomb, { ...entry('xl/sharedStrings.xml', '<sst></sst>'), descriptor: true }]);
}

/** A real sheet beside a sharedStrings.xml of 1.5 GB of one string repeated. */
export function hugeSharedStrings(): Buffer {
  const unit = Buffer.from('<si><t>张三</t></si>'.repeat(65536));
  const strings = {
    name: 'xl/sharedStrings.xml',
    deflated: repeatedDeflate(unit, Math.ceil((1.5 * GB) / unit.length)),
    stated: 4096,
  };
  return zip([...workbookParts(), entry('xl/worksheets/sheet1.xml', sheetXml), strings]);
}

/** Packed only about 16:1, as a big sheet might be, but 64 MB once inflated: past the 50 MB limit. */
export function moderatelyPackedButLarge(stated = 1024): Buffer {
  // One byte from a counter in every 16, zeros between: deflate cannot pack it much tighter than that.
  const unit = Buffer.alloc(4 * MB);
  for (let i = 0; i < unit.length; i += 16) unit[i] = (i * 2654435761) >>> 24;
  const sheet = { name: 'xl/worksheets/sheet1.xml', deflated: repeatedDeflate(unit, 16), stated };
  return zip([...workbookParts(), sheet]);
}
