/**
 * Compiles a document shape into an RDF template by letting jsonld.js (the reference
 * JSON-LD processor) convert a copy of the document whose slots hold unique placeholders,
 * then finding each placeholder in the quads. Filling the template with another
 * document's slot values yields the quads jsonld.js would produce for that document.
 * A slot that does not come out as one whole RDF term is reported so the caller can make
 * it part of the shape; nothing is inferred that jsonld.js did not show.
 */
import { randomUUID } from 'node:crypto';
import jsonld from 'jsonld';
import type { DocumentLoader, JsonValue } from '../types.ts';
import { type DocumentShape, isStructuralKey } from './shape.ts';

/** An RDF term as jsonld.js and rdf-canonize exchange them. */
export interface Term {
  termType: 'NamedNode' | 'BlankNode' | 'Literal' | 'DefaultGraph';
  value: string;
  datatype?: { termType: 'NamedNode'; value: string };
  language?: string;
}

export interface Quad {
  subject: Term;
  predicate: Term;
  object: Term;
  graph: Term;
}

/** A quad position: a fixed term, or the term made from slot `slot`. */
type TemplateTerm = Term | { slot: number; like: Term };
type TemplateQuad = [TemplateTerm, TemplateTerm, TemplateTerm, TemplateTerm];

/** A compiled shape: fill it with slot values to get the document's RDF dataset. */
export interface RdfTemplate {
  quads: TemplateQuad[];
  /** Slots the quads use. */
  slots: number[];
  /** Values of the fixed terms, which a slot value could coincide with. */
  fixedValues: Set<string>;
}

/** Options jsonld.toRDF gets, exactly as the eddsa-rdfc-2022 suite passes them. */
const TO_RDF_OPTIONS = {
  algorithm: 'RDFC-1.0',
  base: null,
  safe: true,
  skipExpansion: false,
  rdfDirection: 'i18n-datatype',
  produceGeneralizedRdf: false,
};

/** Namespace the VC 2.0 context maps undefined terms to (VC-DATA-MODEL-2.0 §5.2). */
const ISSUER_DEPENDENT = 'https://www.w3.org/ns/credentials/issuer-dependent#';

// A per-process nonce keeps placeholders from ever equalling real values.
const NONCE = randomUUID().replaceAll('-', '');
const IRI_PLACEHOLDER = `urn:x-skillmark-slot-${NONCE}:`;
const TEXT_PLACEHOLDER = `x-skillmark-slot-${NONCE}-`;

function placeholder(shape: DocumentShape, slot: number): string {
  return shape.classes[slot] === 'iri'
    ? `${IRI_PLACEHOLDER}${slot}`
    : `${TEXT_PLACEHOLDER}${slot}.`;
}

/** Rebuilds the document with slot `i` replaced by `value(i)`, in the order shapeOf numbered them. */
function withSlots(document: JsonValue, value: (slot: number) => string): JsonValue {
  let next = 0;
  const copy = (node: JsonValue, structural: boolean): JsonValue => {
    if (typeof node === 'string') return structural ? node : value(next++);
    if (Array.isArray(node)) return node.map((item) => copy(item, structural));
    if (typeof node === 'object' && node !== null) {
      const out: { [key: string]: JsonValue } = {};
      for (const [k, inner] of Object.entries(node)) {
        if (inner === undefined) continue;
        out[k] = copy(inner, structural || isStructuralKey(k));
      }
      return out;
    }
    return node;
  };
  return copy(document, false);
}

/** Result of a compilation attempt. */
export type Compilation =
  | { kind: 'template'; template: RdfTemplate }
  /** These slots did not map to whole terms: make them structure and compile again. */
  | { kind: 'exact'; slots: number[] }
  /** Outside the compiled shapes (undefined terms, or jsonld.js refused it). */
  | { kind: 'reference' };

function slotOf(value: string, shape: DocumentShape): number | undefined {
  let prefix: string;
  if (value.startsWith(IRI_PLACEHOLDER)) prefix = IRI_PLACEHOLDER;
  else if (value.startsWith(TEXT_PLACEHOLDER) && value.endsWith('.')) prefix = TEXT_PLACEHOLDER;
  else return undefined;
  const digits = value.slice(prefix.length, prefix === TEXT_PLACEHOLDER ? -1 : undefined);
  if (!/^\d+$/.test(digits)) return undefined;
  const slot = Number(digits);
  return slot < shape.slots.length && placeholder(shape, slot) === value ? slot : undefined;
}

/**
 * Compiles `shape` (slots in `exact` keep their real values). `document` is the real
 * document; the loader must serve only the bundled contexts.
 */
export async function compileTemplate(
  document: JsonValue,
  shape: DocumentShape,
  exact: ReadonlySet<number>,
  documentLoader: DocumentLoader,
): Promise<Compilation> {
  let counter = 0;
  const probe = withSlots(document, () => {
    const slot = counter++;
    return exact.has(slot) ? (shape.slots[slot] as string) : placeholder(shape, slot);
  });
  let dataset: Quad[];
  try {
    dataset = (await jsonld.toRDF(probe as object, {
      ...TO_RDF_OPTIONS,
      documentLoader,
    })) as Quad[];
  } catch {
    // A text slot where jsonld.js wants an IRI (safe mode rejects relative IRIs) fails the
    // whole document; retry with every free text slot exact to find out whether it was that.
    const text = shape.classes.flatMap((cls, slot) =>
      cls === 'text' && !exact.has(slot) ? [slot] : [],
    );
    return text.length > 0 ? { kind: 'exact', slots: text } : { kind: 'reference' };
  }
  const seen = new Set<number>();
  const misplaced = new Set<number>();
  const termOf = (term: Term): TemplateTerm => {
    if (term.termType !== 'NamedNode' && term.termType !== 'Literal') return term;
    if (term.termType === 'NamedNode' && term.value.startsWith(ISSUER_DEPENDENT)) throw OUTSIDE;
    if (term.datatype?.value.includes(NONCE)) markAll(term.datatype.value);
    const slot = slotOf(term.value, shape);
    if (slot === undefined) {
      markAll(term.value);
      return term;
    }
    // A text slot may only be a literal: as an IRI its real value could expand differently.
    if (term.termType === 'NamedNode' && shape.classes[slot] !== 'iri') misplaced.add(slot);
    seen.add(slot);
    return { slot, like: term };
  };
  const markAll = (value: string) => {
    if (!value.includes(NONCE)) return;
    for (const match of value.matchAll(new RegExp(`${NONCE}[:-](\\d+)`, 'g'))) {
      misplaced.add(Number(match[1]));
    }
  };
  let quads: TemplateQuad[];
  try {
    quads = dataset.map((q) => [
      termOf(q.subject),
      termOf(q.predicate),
      termOf(q.object),
      termOf(q.graph),
    ]);
  } catch (error) {
    if (error === OUTSIDE) return { kind: 'reference' };
    throw error;
  }
  for (let slot = 0; slot < shape.slots.length; slot++) {
    if (!exact.has(slot) && !seen.has(slot)) misplaced.add(slot);
  }
  if (misplaced.size > 0) return { kind: 'exact', slots: [...misplaced] };
  const fixedValues = new Set<string>();
  for (const quad of quads) {
    for (const t of quad) if (!('slot' in t)) fixedValues.add(t.value);
  }
  return { kind: 'template', template: { quads, slots: [...seen], fixedValues } };
}

const OUTSIDE = new Error('outside the compiled shapes');

/** The document's dataset: the template with the slot values of `slots`. */
export function fillTemplate(template: RdfTemplate, slots: readonly string[]): Quad[] {
  const term = (t: TemplateTerm): Term => {
    if ('slot' in t) return { ...t.like, value: slots[t.slot] as string };
    // Fixed terms are shared between fills: rdf-canonize makes new terms, never edits them.
    return t;
  };
  const out = template.quads.map(([s, p, o, g]) => ({
    subject: term(s),
    predicate: term(p),
    object: term(o),
    graph: term(g),
  }));
  return hasRepeatedValues(template, slots) ? withoutDuplicates(out) : out;
}

/**
 * Whether two template terms can turn into one: only when slot values repeat or equal a
 * fixed term. Otherwise filling is injective and the distinct template quads stay distinct.
 */
function hasRepeatedValues(template: RdfTemplate, slots: readonly string[]): boolean {
  const values = new Set<string>();
  for (const slot of template.slots) {
    const value = slots[slot] as string;
    if (values.has(value) || template.fixedValues.has(value)) return true;
    values.add(value);
  }
  return false;
}

// jsonld.js merges nodes with one id and drops repeated values of a property.
function withoutDuplicates(quads: Quad[]): Quad[] {
  const keys = new Set<string>();
  return quads.filter((q) => {
    const key = JSON.stringify([
      q.subject.termType,
      q.subject.value,
      q.predicate.value,
      q.object.termType,
      q.object.value,
      q.object.datatype?.value,
      q.object.language,
      q.graph.value,
    ]);
    if (keys.has(key)) return false;
    keys.add(key);
    return true;
  });
}
