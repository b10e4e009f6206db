import type { TreeNode } from '../../domain/frameworks/tree.ts';
import type { FrameworkView } from '../../services/frameworks/present.ts';
import { type Html, html } from '../html.ts';

const sourceLabels: Record<string, string> = {
  local: 'Defined here',
  case: 'Imported CASE package',
  esco: 'ESCO classification',
};

/** ESCO's licence asks for this notice wherever its data is shown. */
export function attributionNote(attribution: string | null | undefined): Html | '' {
  return attribution ? html`<p class="notice attribution" role="note">${attribution}</p>` : '';
}

function ownerLine(framework: FrameworkView): Html {
  return framework.organization
    ? html`by <a href="/organizations/${framework.organization.slug}">${framework.organization.name}</a>`
    : html`maintained by the platform`;
}

export type SearchResult = {
  id: string;
  statement: string;
  code: string | null;
  type: string | null;
  framework: { id: string; title: string };
  attribution?: string;
};

/** Every framework, and a search across their competencies. */
export function frameworksPage(
  frameworks: FrameworkView[],
  search: { q?: string; results?: SearchResult[]; error?: string },
): Html {
  const attributions = [
    ...new Set((search.results ?? []).flatMap((r) => (r.attribution ? [r.attribution] : []))),
  ];
  return html`<h1>Competency frameworks</h1>
<p>Frameworks of competencies that micro-credentials certify: organizations' own, imported CASE packages and the
ESCO classification. Each competency has a stable URI that credentials align to.</p>
<form class="stack" method="get" action="/frameworks" role="search" aria-label="Search competencies">
  <div class="field">
    <label for="q">Search competencies</label>
    <input id="q" name="q" type="search" value="${search.q ?? ''}" minlength="2" maxlength="200" aria-describedby="q-hint${search.error ? ' q-error' : ''}">
    <p class="hint" id="q-hint">Words from a statement, a code or an alternative label, for example “Python”.</p>
    ${search.error ? html`<p class="field-error" id="q-error">${search.error}</p>` : ''}
  </div>
  <div><button type="submit">Search</button></div>
</form>
${
  search.results
    ? html`<section aria-labelledby="results-heading">
<h2 id="results-heading">${search.results.length === 0 ? html`No competency matches “${search.q}”` : html`Competencies matching “${search.q}”`}</h2>
${
  search.results.length > 0
    ? html`<ul>${search.results.map(
        (r) =>
          html`<li><a href="/competencies/${r.id}">${r.statement}</a>${r.code ? html` <span class="hint">${r.code}</span>` : ''} <span class="hint">· ${r.framework.title}</span></li>`,
      )}</ul>`
    : ''
}
${attributions.map((a) => attributionNote(a))}
</section>`
    : ''
}
<h2>All frameworks</h2>
${
  frameworks.length === 0
    ? html`<p>No frameworks yet.</p>`
    : html`<ul class="cards">${frameworks.map(
        (f) => html`<li class="card">
  <h3><a href="/frameworks/${f.id}">${f.title}</a></h3>
  <p class="hint">${sourceLabels[f.source] ?? f.source}${f.version ? ` · version ${f.version}` : ''} · ${f.competencyCount ?? 0} competencies · ${ownerLine(f)}</p>
  ${f.description ? html`<p>${f.description}</p>` : ''}
  ${attributionNote(f.attribution)}
</li>`,
      )}</ul>`
}`;
}

function nodeLabel(node: TreeNode): Html {
  return html`${node.code ? html`<span class="code">${node.code}</span> ` : ''}<a href="/competencies/${node.id}">${node.statement}</a>${node.type ? html` <span class="hint">(${node.type})</span>` : ''}`;
}

/** One level of the tree: a node with children is a <details> disclosure, so it works without JS. */
function treeLevel(nodes: TreeNode[], depth: number): Html {
  return html`<ul class="tree">${nodes.map((node) => {
    if (node.childCount === 0) return html`<li>${nodeLabel(node)}</li>`;
    const hidden = node.childCount - node.children.length;
    return html`<li><details${depth === 0 && nodes.length <= 12 ? html` open` : ''}>
<summary>${nodeLabel(node)} <span class="hint">· ${node.childCount} below</span></summary>
${node.children.length > 0 ? treeLevel(node.children, depth + 1) : ''}
${hidden > 0 ? html`<p class="hint"><a href="/competencies/${node.id}">Open “${node.statement}”</a> to see its ${node.childCount} narrower competencies.</p>` : ''}
</details></li>`;
  })}</ul>`;
}

export function frameworkPage(
  framework: FrameworkView,
  tree: { roots: TreeNode[]; truncated: boolean },
): Html {
  return html`<p><a href="/frameworks">Competency frameworks</a></p>
<h1>${framework.title}</h1>
${attributionNote(framework.attribution)}
<dl>
  <dt>Source</dt><dd>${sourceLabels[framework.source] ?? framework.source}${framework.readOnly ? ' (read-only: it changes only by re-import)' : ''}</dd>
  <dt>Owner</dt><dd>${ownerLine(framework)}</dd>
  ${framework.creator ? html`<dt>Creator</dt><dd>${framework.creator}</dd>` : ''}
  ${framework.version ? html`<dt>Version</dt><dd>${framework.version}</dd>` : ''}
  <dt>Competencies</dt><dd>${framework.competencyCount ?? 0}</dd>
  <dt>URI</dt><dd><code class="identifier">${framework.uri}</code></dd>
  <dt>Machine-readable</dt><dd><a href="/api/v1/frameworks/${framework.id}">JSON</a> · <a href="/api/v1/frameworks/${framework.id}/case">CASE 1.1 package</a></dd>
</dl>
${framework.description ? html`<p>${framework.description}</p>` : ''}
<section aria-labelledby="tree-heading">
<h2 id="tree-heading">Competencies</h2>
${tree.truncated ? html`<p class="hint">This framework is large: the first levels are shown; open a competency to see what lies below it.</p>` : ''}
${tree.roots.length === 0 ? html`<p>No competencies yet.</p>` : treeLevel(tree.roots, 0)}
</section>`;
}
