import type { getCompetencyDetail } from '../../services/frameworks/competencies.ts';
import { type Html, html } from '../html.ts';
import { attributionNote } from './frameworks.ts';

export type CompetencyDetail = Awaited<ReturnType<typeof getCompetencyDetail>>;
type Relation = CompetencyDetail['relations'][number];

const relationHeadings: Array<{ title: string; id: string; pick: (r: Relation) => boolean }> = [
  {
    title: 'Broader',
    id: 'broader',
    pick: (r) => r.associationType === 'isChildOf' && r.direction === 'outgoing',
  },
  {
    title: 'Narrower',
    id: 'narrower',
    pick: (r) => r.associationType === 'isChildOf' && r.direction === 'incoming',
  },
  { title: 'Other relations', id: 'related', pick: (r) => r.associationType !== 'isChildOf' },
];

function describeRelation(r: Relation): string {
  const type = r.escoRelationType
    ? `${r.associationType} (${r.escoRelationType})`
    : r.associationType;
  return r.direction === 'outgoing' ? type : `${type}, from`;
}

function relationTarget(r: Relation): Html {
  const label = r.other.statement ?? r.other.uri;
  return r.other.id
    ? html`<a href="/competencies/${r.other.id}">${label}</a>${r.other.code ? html` <span class="hint">${r.other.code}</span>` : ''}`
    : html`<a href="${r.other.uri}" rel="noopener">${label}</a>`;
}

function relationSections(relations: Relation[]): Html[] {
  return relationHeadings.flatMap(({ title, id, pick }) => {
    const list = relations.filter(pick);
    if (list.length === 0) return [];
    return [
      html`<section aria-labelledby="${id}-heading"><h2 id="${id}-heading">${title}</h2>
<ul>${list.map((r) => html`<li>${id === 'related' ? html`<span class="hint">${describeRelation(r)}</span> ` : ''}${relationTarget(r)}</li>`)}</ul></section>`,
    ];
  });
}

/** A competency's public page: what it is, where it sits, and who needs it. */
export function competencyPage(detail: CompetencyDetail): Html {
  const { competency: c, framework } = detail;
  const essential = detail.occupations.filter((o) => o.relation === 'essential');
  const optional = detail.occupations.filter((o) => o.relation !== 'essential');
  const occupationList = (title: string, list: typeof essential) =>
    list.length > 0
      ? html`<h3>${title} (${list.length})</h3><ul>${list.map((o) => html`<li><a href="${o.uri}" rel="noopener">${o.preferredLabel}</a>${o.code ? html` <span class="hint">${o.code}</span>` : ''}</li>`)}</ul>`
      : '';
  return html`<p><a href="/frameworks">Competency frameworks</a> › <a href="/frameworks/${framework.id}">${framework.title}</a></p>
<h1>${c.statement}</h1>
${attributionNote(detail.attribution)}
${c.description ? html`<p class="lead">${c.description}</p>` : ''}
<dl>
  ${c.code ? html`<dt>Code</dt><dd>${c.code}</dd>` : ''}
  ${c.type ? html`<dt>Type</dt><dd>${c.type}</dd>` : ''}
  ${c.level ? html`<dt>Level</dt><dd>${c.level}</dd>` : ''}
  ${c.educationLevel.length > 0 ? html`<dt>Education level</dt><dd>${c.educationLevel.join(', ')}</dd>` : ''}
  ${c.conceptKeywords.length > 0 ? html`<dt>Keywords</dt><dd>${c.conceptKeywords.join(', ')}</dd>` : ''}
  ${c.altLabels.length > 0 ? html`<dt>Also called</dt><dd><ul>${c.altLabels.map((l) => html`<li>${l}</li>`)}</ul></dd>` : ''}
  <dt>URI</dt><dd><code class="identifier">${c.uri}</code></dd>
  <dt>Machine-readable</dt><dd><a href="/api/v1/competencies/${c.id}">JSON</a></dd>
</dl>
${relationSections(detail.relations)}
${
  detail.occupations.length > 0
    ? html`<section aria-labelledby="occupations-heading"><h2 id="occupations-heading">Occupations that need it</h2>
${occupationList('Essential', essential)}${occupationList('Optional', optional)}</section>`
    : ''
}`;
}
