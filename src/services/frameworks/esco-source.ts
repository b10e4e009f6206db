/**
 * Finds ESCO's CSV files in what an operator points at: a directory of CSVs (plain or .csv.gz),
 * the official zips, or a directory holding the zips. Files are opened as streams, one at a time,
 * never read whole; each stream counts its bytes so a progress bar can show how far it is.
 */
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import yauzl from 'yauzl';
import { ValidationError } from '../../domain/errors.ts';
import { type EscoFileKind, escoFileKind, escoVersionOf } from '../../domain/frameworks/esco.ts';

export type EscoSourceFile = {
  kind: EscoFileKind;
  /** Where it came from, for messages: `v111_relations.zip:skillSkillRelations.csv`. */
  name: string;
  /** Bytes the progress counts: uncompressed for zip entries, on disk for plain and .gz files. */
  size: number;
  /** The CSV text; `onBytes` is told how many counted bytes went by. */
  open(onBytes: (n: number) => void): Promise<Readable>;
};

export type EscoSources = {
  files: EscoSourceFile[];
  /** The ESCO release named by a file (`v111_…` → 1.1.1), if any. */
  version: string | undefined;
  close(): void;
};

function counting(onBytes: (n: number) => void): PassThrough {
  const counter = new PassThrough();
  counter.on('data', (chunk: Buffer) => onBytes(chunk.length));
  return counter;
}

function plainFile(path: string, kind: EscoFileKind): EscoSourceFile {
  const gzipped = path.endsWith('.gz');
  return {
    kind,
    name: basename(path),
    size: statSync(path).size,
    async open(onBytes) {
      const counted = createReadStream(path).pipe(counting(onBytes));
      return gzipped ? counted.pipe(createGunzip()) : counted;
    },
  };
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    ),
  );
}

async function zipFiles(path: string): Promise<{ files: EscoSourceFile[]; zip: yauzl.ZipFile }> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(path);
  } catch (error) {
    throw new ValidationError(
      `${basename(path)} is not a readable zip file: ${(error as Error).message}`,
    );
  }
  const files: EscoSourceFile[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      const kind = escoFileKind(entry.fileName);
      if (kind) {
        files.push({
          kind,
          name: `${basename(path)}:${basename(entry.fileName)}`,
          size: entry.uncompressedSize,
          open: (onBytes) =>
            new Promise((done, fail) =>
              zip.openReadStream(entry, (error, stream) =>
                error ? fail(error) : done(stream.pipe(counting(onBytes))),
              ),
            ),
        });
      }
      zip.readEntry();
    });
    zip.once('end', resolve);
    zip.once('error', reject);
    zip.readEntry();
  });
  return { files, zip };
}

/** Collects the ESCO files under the given paths (directories, zips, CSVs). */
export async function openEscoSources(paths: readonly string[]): Promise<EscoSources> {
  const files: EscoSourceFile[] = [];
  const zips: yauzl.ZipFile[] = [];
  let version: string | undefined;
  const add = async (path: string) => {
    version ??= escoVersionOf(basename(path));
    if (path.endsWith('.zip')) {
      const found = await zipFiles(path);
      zips.push(found.zip);
      files.push(...found.files);
      return;
    }
    const kind = escoFileKind(path);
    if (kind) files.push(plainFile(path, kind));
  };
  try {
    for (const path of paths) {
      let stats: ReturnType<typeof statSync>;
      try {
        stats = statSync(path);
      } catch {
        throw new ValidationError(`${path} does not exist.`);
      }
      if (stats.isDirectory()) {
        for (const name of readdirSync(path).sort()) await add(join(path, name));
      } else {
        await add(path);
      }
    }
  } catch (error) {
    for (const zip of zips) zip.close();
    throw error;
  }
  return {
    files,
    version,
    close: () => {
      for (const zip of zips) zip.close();
    },
  };
}
