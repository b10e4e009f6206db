/**
 * The shape of a JSON-LD document: its structure (keys, nesting, array lengths, `type`
 * and `@context` values, numbers, booleans) with each other string replaced by a slot.
 * Two documents with one shape expand to the same RDF up to the slot values, provided
 * each slot behaves the same for both: that is why a slot records its class (`iri` for
 * a plain absolute IRI, `text` for anything else) and why slots that do not map to one
 * whole RDF term are made part of the shape (`exact`) by the compiler.
 */
import { BUNDLED_CONTEXTS } from '../contexts/index.ts';
import type { JsonValue } from '../types.ts';

/** Class of a string slot; see the module comment. */
export type SlotClass = 'iri' | 'text';

/** A document split into its structure and its string slots, in document order. */
export interface DocumentShape {
  structure: string;
  slots: string[];
  classes: SlotClass[];
}

/** Every term any bundled context defines: a compact-IRI prefix that could expand. */
const DEFINED_TERMS = collectTerms();

function collectTerms(): Set<string> {
  const terms = new Set<string>();
  const walk = (value: unknown, inContext: boolean) => {
    if (Array.isArray(value)) for (const item of value) walk(item, inContext);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        if (inContext) terms.add(key);
        walk(inner, key === '@context');
      }
    }
  };
  for (const document of BUNDLED_CONTEXTS.values()) walk(document, false);
  return terms;
}

// RFC 3987 scheme, then printable ASCII without the characters N-Quads or JSON-LD treat
// specially; stricter than jsonld.js on purpose, anything else is a `text` slot.
const PLAIN_IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[!#-;=?-[\]_a-z~]*$/;

/** Whether jsonld.js keeps `value` verbatim wherever an IRI is expected. */
export function isPlainAbsoluteIri(value: string): boolean {
  if (!PLAIN_IRI.test(value) || DEFINED_TERMS.has(value)) return false;
  const prefix = value.slice(0, value.indexOf(':'));
  return prefix !== '_' && !DEFINED_TERMS.has(prefix);
}

/** Keys whose string values select contexts or node types: they are always structure. */
export function isStructuralKey(key: string): boolean {
  return key === 'type' || (key.startsWith('@') && key !== '@id' && key !== '@value');
}

/**
 * Splits `document` into structure and slots, or returns undefined when the document
 * holds an embedded `@context` below the top (outside every compiled shape).
 */
export function shapeOf(document: JsonValue): DocumentShape | undefined {
  const parts: string[] = [];
  const slots: string[] = [];
  const classes: SlotClass[] = [];
  let eligible = true;
  const walk = (value: JsonValue | undefined, structural: boolean) => {
    if (typeof value === 'string') {
      if (structural) parts.push(JSON.stringify(value));
      else {
        const cls: SlotClass = isPlainAbsoluteIri(value) ? 'iri' : 'text';
        parts.push(cls === 'iri' ? '$i' : '$t');
        slots.push(value);
        classes.push(cls);
      }
    } else if (Array.isArray(value)) {
      parts.push('[');
      for (const item of value) {
        walk(item, structural);
        parts.push(',');
      }
      parts.push(']');
    } else if (typeof value === 'object' && value !== null) {
      parts.push('{');
      for (const key of Object.keys(value)) {
        const inner = value[key];
        if (inner === undefined) continue;
        if (key === '@context') eligible = false;
        parts.push(JSON.stringify(key), ':');
        walk(inner, structural || isStructuralKey(key));
        parts.push(',');
      }
      parts.push('}');
    } else {
      // Numbers, booleans and null change datatypes or drop values: structure.
      parts.push(JSON.stringify(value ?? null));
    }
  };
  if (typeof document !== 'object' || document === null || Array.isArray(document))
    return undefined;
  for (const key of Object.keys(document)) {
    const inner = document[key];
    if (inner === undefined) continue;
    if (key === '@context') {
      parts.push('@context:', JSON.stringify(inner), ',');
      continue;
    }
    parts.push(JSON.stringify(key), ':');
    walk(inner, isStructuralKey(key));
    parts.push(',');
  }
  return eligible ? { structure: parts.join(''), slots, classes } : undefined;
}
