/**
 * Baked SVG badges (OB 3.0 §5.3.2 "SVG"): the root declares
 * `xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"` and holds one `<openbadges:credential>`
 * element whose content (CDATA) is the credential JSON, or whose `verify` attribute is the
 * compact JWT. Open Badges 2.0 used `<openbadges:assertion>` in `http://openbadges.org`; it is
 * read for import and removed on baking.
 *
 * Pure and inert: the text is parsed with fast-xml-parser with entity processing off, after
 * refusing any ENTITY declaration or DOCTYPE internal subset (no XXE, no entity expansion). A
 * DOCTYPE with only an external identifier (the 1EdTech examples carry the SVG 1.1 one) is
 * accepted and dropped: nothing ever fetches it. Baking refuses (does not strip) SVGs with
 * scripts, event handler attributes or external references, so what we hand out is safe to show.
 */
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { assertBakeableCredential, BakedImageError } from './errors.ts';

/** OB 3.0 §5.3.2. */
export const OB3_SVG_NAMESPACE = 'https://purl.imsglobal.org/ob/v3p0';
/** Open Badges 2.0 baking namespace (read on import). */
export const OB2_SVG_NAMESPACE = 'http://openbadges.org';

/** Limits applied to every SVG read or written. */
export interface SvgLimits {
  /** Largest document in UTF-16 code units (default 5 MiB worth). */
  maxLength?: number;
}

const DEFAULT_MAX_LENGTH = 5 * 1024 * 1024;
const XML_OPTIONS = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false,
  htmlEntities: false,
  cdataPropName: '#cdata',
  commentPropName: '#comment',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
} as const;
const ALLOWED_DOCTYPE =
  /<!DOCTYPE\s+[A-Za-z_:][\w:.-]*(?:\s+(?:PUBLIC\s+(?:"[^"]*"|'[^']*')\s+(?:"[^"]*"|'[^']*')|SYSTEM\s+(?:"[^"]*"|'[^']*')))?\s*>/i;

// fast-xml-parser's ordered tree: [{ tag: children, ':@': attributes }, { '#text': '...' }].
type XmlNode = Record<string, unknown>;
type Attributes = Record<string, string>;

/** Whether text looks like an SVG document (for sniffing uploads). */
export function looksLikeSvg(text: string): boolean {
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:[\w.-]+:)?svg[\s>]/i.test(
    text.replace(/^\uFEFF/, ''),
  );
}

function tagOf(node: XmlNode): string | undefined {
  return Object.keys(node).find((key) => key !== ':@');
}

function attributesOf(node: XmlNode): Attributes {
  return (node[':@'] as Attributes | undefined) ?? {};
}

function childrenOf(node: XmlNode, tag: string): XmlNode[] {
  const value = node[tag];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

function isElement(tag: string | undefined): tag is string {
  return tag !== undefined && !tag.startsWith('#') && !tag.startsWith('?');
}

/** XML 1.0 §4.6 predefined entities and character references; nothing else is expanded. */
function decodeXmlText(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[name] ?? '';
  });
}

/** Refuses entity declarations and DOCTYPE subsets, then parses without expanding anything. */
function parseSvg(svg: string, limits: SvgLimits): XmlNode[] {
  const maxLength = limits.maxLength ?? DEFAULT_MAX_LENGTH;
  if (svg.length > maxLength)
    throw new BakedImageError('too_large', `The SVG image is larger than ${maxLength} characters.`);
  if (/<!ENTITY/i.test(svg))
    throw new BakedImageError(
      'doctype_not_allowed',
      'SVG images with ENTITY declarations are refused (they can read files or expand without bound).',
    );
  let text = svg.replace(/^\uFEFF/, '');
  const doctypes = text.match(/<!DOCTYPE/gi) ?? [];
  if (doctypes.length > 0) {
    const allowed = text.match(ALLOWED_DOCTYPE);
    if (doctypes.length > 1 || !allowed)
      throw new BakedImageError(
        'doctype_not_allowed',
        'SVG images with a DOCTYPE internal subset are refused; only a plain SVG DOCTYPE is accepted.',
      );
    text = text.replace(ALLOWED_DOCTYPE, '');
  }
  let tree: XmlNode[];
  try {
    const valid = XMLValidator.validate(text);
    if (valid !== true) throw new Error(`${valid.err.msg} (line ${valid.err.line})`);
    tree = new XMLParser(XML_OPTIONS).parse(text) as XmlNode[];
  } catch (error) {
    // Also the parser's own limits, such as its maximum nesting depth.
    throw new BakedImageError(
      'not_svg',
      `This file is not a well-formed SVG image: ${(error as Error).message}.`,
      { cause: error },
    );
  }
  const root = tree.find((node) => isElement(tagOf(node)));
  const rootTag = root && tagOf(root);
  if (rootTag?.split(':').at(-1) !== 'svg')
    throw new BakedImageError('not_svg', 'This file is not an SVG image (its root is not <svg>).');
  return tree;
}

interface FoundElement {
  standard: 'ob3' | 'ob2';
  node: XmlNode;
  tag: string;
}

function namespaceOf(tag: string, namespaces: Map<string, string>): string | undefined {
  const colon = tag.indexOf(':');
  return namespaces.get(colon < 0 ? '' : tag.slice(0, colon));
}

function withDeclarations(node: XmlNode, outer: Map<string, string>): Map<string, string> {
  const declared = Object.entries(attributesOf(node)).filter(
    ([name]) => name === 'xmlns' || name.startsWith('xmlns:'),
  );
  if (declared.length === 0) return outer;
  const inner = new Map(outer);
  for (const [name, value] of declared)
    inner.set(name === 'xmlns' ? '' : name.slice(6), decodeXmlText(value));
  return inner;
}

function credentialStandard(
  tag: string,
  namespaces: Map<string, string>,
): 'ob3' | 'ob2' | undefined {
  const local = tag.split(':').at(-1);
  const namespace = namespaceOf(tag, namespaces);
  if (local === 'credential' && namespace === OB3_SVG_NAMESPACE) return 'ob3';
  if (local === 'assertion' && namespace === OB2_SVG_NAMESPACE) return 'ob2';
  return undefined;
}

function findCredentialElements(
  nodes: XmlNode[],
  outer = new Map<string, string>(),
  found: FoundElement[] = [],
): FoundElement[] {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (!isElement(tag)) continue;
    const namespaces = withDeclarations(node, outer);
    const standard = credentialStandard(tag, namespaces);
    if (standard) found.push({ standard, node, tag });
    findCredentialElements(childrenOf(node, tag), namespaces, found);
  }
  return found;
}

function textContent(element: FoundElement): string {
  return childrenOf(element.node, element.tag)
    .map((child) => {
      if (typeof child['#text'] === 'string') return decodeXmlText(child['#text']);
      const cdata = child['#cdata'];
      if (Array.isArray(cdata))
        return (cdata as XmlNode[]).map((part) => String(part['#text'] ?? '')).join('');
      return '';
    })
    .join('')
    .trim();
}

/** What an SVG carries: the credential text (JSON, JWT, or for OB 2.0 possibly the assertion URL). */
export interface BakedSvgContent {
  text: string;
  standard: 'ob3' | 'ob2';
}

function contentOf(element: FoundElement): string {
  const verify = decodeXmlText(attributesOf(element.node).verify ?? '').trim();
  const content = textContent(element);
  if (verify && content && element.standard === 'ob3')
    throw new BakedImageError(
      'bad_text',
      'The badge credential element has both a verify attribute and content; it must have one.',
    );
  // OB 2.0 hosted badges carry the assertion JSON as content and its URL in `verify`.
  const text = content || verify;
  if (!text) throw new BakedImageError('no_credential', 'The badge credential element is empty.');
  return text;
}

/**
 * Reads the baked credential of an SVG: OB 3.0 `<openbadges:credential>` first, else an Open
 * Badges 2.0 `<openbadges:assertion>`. Throws BakedImageError for entity declarations, malformed
 * XML, several credential elements, or none.
 */
export function extractBakedSvg(svg: string, limits: SvgLimits = {}): BakedSvgContent {
  const elements = findCredentialElements(parseSvg(svg, limits));
  for (const standard of ['ob3', 'ob2'] as const) {
    const found = elements.filter((element) => element.standard === standard);
    if (found.length > 1)
      throw new BakedImageError(
        'several_credentials',
        `The SVG image holds ${found.length} credential elements; a baked badge holds exactly one.`,
      );
    const [only] = found;
    if (only) return { text: contentOf(only), standard };
  }
  throw new BakedImageError(
    'no_credential',
    'This SVG image holds no baked Open Badges credential.',
  );
}

/**
 * Returns the Open Badges 3.0 credential baked into an SVG (the JSON or the compact JWT).
 * Throws BakedImageError when there is none, several, or the document is refused.
 */
export function extractFromSvg(svg: string, limits: SvgLimits = {}): string {
  const content = extractBakedSvg(svg, limits);
  if (content.standard !== 'ob3')
    throw new BakedImageError(
      'no_credential',
      'This SVG image holds an Open Badges 2.0 assertion, not an Open Badges 3.0 credential.',
    );
  return content.text;
}

const ACTIVE_ELEMENTS = new Set([
  'script',
  'foreignobject',
  'iframe',
  'embed',
  'object',
  'handler',
]);
const SAFE_REFERENCE = /^\s*(?:#|data:image\/(?:png|jpeg|gif|webp);)/i;

function unsafeReason(tag: string, attributes: Attributes): string | undefined {
  const local = (tag.split(':').at(-1) ?? tag).toLowerCase();
  if (ACTIVE_ELEMENTS.has(local)) return `a <${local}> element`;
  for (const [name, raw] of Object.entries(attributes)) {
    const attribute = (name.split(':').at(-1) ?? name).toLowerCase();
    const value = decodeXmlText(raw);
    if (attribute.startsWith('on')) return `an event handler attribute (${name})`;
    if ((attribute === 'href' || attribute === 'src') && !SAFE_REFERENCE.test(value))
      return `an external reference (${name}="${value.slice(0, 60)}")`;
    if (attribute === 'attributename' && /^(?:\w+:)?(?:href|on\w*)$/i.test(value.trim()))
      return `an animation of ${value.trim()}`;
    if (/url\(\s*['"]?\s*(?!#)|@import|expression\(|javascript:/i.test(value))
      return `an external reference in ${name}`;
  }
  return undefined;
}

/** Finds scripts, handlers and external references anywhere in the tree (for baking). */
function assertInert(nodes: XmlNode[]): void {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === undefined || tag === '#text' || tag === '#cdata' || tag === '#comment') {
      const cdata = node['#cdata'];
      if (Array.isArray(cdata)) assertInert(cdata as XmlNode[]);
      continue;
    }
    if (tag.startsWith('?')) {
      if (tag !== '?xml')
        throw new BakedImageError('unsafe_svg', `This SVG image has a <${tag}> instruction.`);
      continue;
    }
    const reason = unsafeReason(tag, attributesOf(node));
    const children = childrenOf(node, tag);
    if (!reason && tag.split(':').at(-1)?.toLowerCase() === 'style') {
      const css = JSON.stringify(children);
      if (/url\(\s*['"]?\s*(?!#)|@import|expression\(|javascript:/i.test(css))
        throw new BakedImageError(
          'unsafe_svg',
          'This SVG image has a style sheet with external references.',
        );
    }
    if (reason)
      throw new BakedImageError(
        'unsafe_svg',
        `This SVG image has ${reason}; badge images must not contain scripts or external references.`,
      );
    assertInert(children);
  }
}

function withoutCredentials(nodes: XmlNode[], outer: Map<string, string>): XmlNode[] {
  return nodes.flatMap((node) => {
    const tag = tagOf(node);
    if (!isElement(tag)) return [node];
    const namespaces = withDeclarations(node, outer);
    if (credentialStandard(tag, namespaces)) return [];
    return [{ ...node, [tag]: withoutCredentials(childrenOf(node, tag), namespaces) }];
  });
}

/** CDATA cannot contain `]]>`; split it across two sections (XML 1.0 §2.7). */
function cdataNodes(text: string): XmlNode[] {
  return text.split(']]>').map((part, i, parts) => ({
    '#cdata': [{ '#text': (i > 0 ? '>' : '') + part + (i < parts.length - 1 ? ']]' : '') }],
  }));
}

/**
 * Bakes a credential (JSON text or compact JWT) into an SVG per OB 3.0 §5.3.2: one
 * `<openbadges:credential>` as the first child of the root, JSON as CDATA content, a JWT in
 * `verify`. Any credential or OB 2.0 assertion already there is replaced. Refuses (never strips)
 * SVGs with scripts, event handlers, external references or entity declarations.
 */
export function bakeSvg(svg: string, credential: string, limits: SvgLimits = {}): string {
  const text = assertBakeableCredential(credential);
  const tree = parseSvg(svg, limits);
  assertInert(tree);
  const cleaned = withoutCredentials(tree, new Map());
  const rootIndex = cleaned.findIndex((node) => isElement(tagOf(node)));
  const root = cleaned[rootIndex] as XmlNode;
  const rootTag = tagOf(root) as string;
  const attributes = { ...attributesOf(root) };
  const bound = attributes['xmlns:openbadges'];
  if (bound !== undefined && bound !== OB3_SVG_NAMESPACE && bound !== OB2_SVG_NAMESPACE)
    throw new BakedImageError(
      'unsafe_svg',
      'This SVG image binds the "openbadges" prefix to another namespace; it cannot be baked.',
    );
  attributes['xmlns:openbadges'] = OB3_SVG_NAMESPACE;
  const isJwt = !text.startsWith('{');
  const element: XmlNode = isJwt
    ? { 'openbadges:credential': [], ':@': { verify: text } }
    : { 'openbadges:credential': cdataNodes(text) };
  cleaned[rootIndex] = {
    [rootTag]: [{ '#text': '\n' }, element, ...childrenOf(root, rootTag)],
    ':@': attributes,
  };
  const out = String(new XMLBuilder({ ...XML_OPTIONS, suppressEmptyNode: true }).build(cleaned));
  const maxLength = limits.maxLength ?? DEFAULT_MAX_LENGTH;
  if (out.length > maxLength)
    throw new BakedImageError(
      'too_large',
      `The baked SVG would be larger than ${maxLength} characters.`,
    );
  return out;
}
