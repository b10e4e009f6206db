import {
  ACHIEVEMENT_TYPES,
  ALIGNMENT_TARGET_TYPES,
  PARTICIPATION_FORMS,
} from '../../domain/achievement-vocabulary.ts';
import { csrfInput, errorSummary, type FieldErrors } from '../forms.ts';
import { alignmentRowCount, fieldLabels } from '../handlers/achievement-form-input.ts';
import { type Html, html } from '../html.ts';
import { supervisionLabels } from './achievement-labels.ts';
import { choice, textArea, textInput } from './form-controls.ts';

/** "MasterDegree" → "Master degree": the OB 3.0 terms, readable. */
export function termLabel(term: string): string {
  const words = term.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words[0]!.toUpperCase() + words.slice(1);
}

const typeChoices = ACHIEVEMENT_TYPES.map((type) => [type, termLabel(type)] as const);
const participationChoices = PARTICIPATION_FORMS.map((form) => [form, termLabel(form)] as const);
const supervisionChoices = Object.entries(supervisionLabels);
const eqfChoices = [1, 2, 3, 4, 5, 6, 7, 8].map(
  (level) => [String(level), `Level ${level}`] as const,
);
const targetTypeChoices = ALIGNMENT_TARGET_TYPES.map((type) => [type, type] as const);

export type AchievementFormState = {
  values: Record<string, string>;
  errors?: FieldErrors;
  message?: string;
};

function alignmentRow(row: number, state: AchievementFormState): Html {
  const name = (key: string) => `alignments.${row}.${key}`;
  const common = {
    values: state.values,
    errors: state.errors,
    labelSuffix: `(alignment ${row + 1})`,
  };
  return html`<fieldset class="alignment">
  <legend>Alignment ${row + 1}</legend>
  ${textInput({ ...common, name: name('targetName'), label: fieldLabels.targetName!, markOptional: false })}
  ${textInput({ ...common, name: name('targetUrl'), label: fieldLabels.targetUrl!, type: 'url', inputMode: 'url', markOptional: false })}
  ${textInput({ ...common, name: name('targetFramework'), label: fieldLabels.targetFramework!, hint: 'For example ESCO or your own framework.' })}
  ${choice({ ...common, name: name('targetType'), label: fieldLabels.targetType!, choices: targetTypeChoices, blank: 'Not stated' })}
  ${textInput({ ...common, name: name('targetCode'), label: fieldLabels.targetCode! })}
  ${textInput({ ...common, name: name('targetDescription'), label: fieldLabels.targetDescription! })}
</fieldset>`;
}

/**
 * The definition of an achievement: OB 3.0 fields and the EU micro-credential elements
 * (Council Recommendation 2022/C 243/02, Annex I). Works without JavaScript: alignments are a
 * fixed number of rows, and empty rows are ignored.
 */
export function achievementForm(
  organization: { slug: string; name: string },
  target: { action: string; heading: string; submit: string },
  csrfToken: string | undefined,
  state: AchievementFormState,
): Html {
  const v = { values: state.values, errors: state.errors };
  const label = (name: string) => fieldLabels[name]!;
  const rows = Array.from({ length: alignmentRowCount(state.values) }, (_, row) => row);
  return html`<p><a href="/organizations/${organization.slug}/achievements">Achievements of ${organization.name}</a></p>
<h1 id="form-heading">${target.heading}</h1>
${errorSummary(state.message, state.errors)}
<form class="stack wide" method="post" action="${target.action}" aria-labelledby="form-heading" novalidate>
  ${csrfInput(csrfToken)}
  <fieldset>
    <legend>The achievement</legend>
    ${textInput({ ...v, name: 'name', label: label('name'), required: true })}
    ${textArea({ ...v, name: 'description', label: label('description'), required: true })}
    ${choice({ ...v, name: 'achievementType', label: label('achievementType'), choices: typeChoices, fallback: 'MicroCredential', required: true })}
    ${textArea({ ...v, name: 'criteria.narrative', label: label('criteria.narrative'), required: true, hint: 'What a learner must do to earn it.' })}
    ${textInput({ ...v, name: 'criteria.id', label: label('criteria.id'), type: 'url', inputMode: 'url', hint: 'A page that describes the criteria in full.' })}
    ${textInput({ ...v, name: 'tags', label: label('tags'), hint: 'Separate tags with commas.' })}
    ${textInput({ ...v, name: 'image.id', label: label('image.id'), type: 'url', inputMode: 'url' })}
    ${textInput({ ...v, name: 'image.caption', label: label('image.caption') })}
  </fieldset>
  <fieldset>
    <legend>Size, level and validity</legend>
    ${textInput({ ...v, name: 'creditsAvailable', label: label('creditsAvailable'), inputMode: 'decimal', hint: 'Give the workload in ECTS credits, in hours below, or both.' })}
    ${textInput({ ...v, name: 'euElements.notionalWorkloadHours', label: label('euElements.notionalWorkloadHours'), inputMode: 'decimal' })}
    ${choice({ ...v, name: 'euElements.eqfLevel', label: label('euElements.eqfLevel'), choices: eqfChoices, blank: 'Not stated', hint: 'European Qualifications Framework level, 1 to 8.' })}
    ${textInput({ ...v, name: 'fieldOfStudy', label: label('fieldOfStudy') })}
    ${textInput({ ...v, name: 'inLanguage', label: label('inLanguage'), hint: 'A language code such as en or de-AT.' })}
    ${textInput({ ...v, name: 'validityDays', label: label('validityDays'), inputMode: 'numeric', hint: 'Leave empty if credentials never expire.' })}
  </fieldset>
  <fieldset>
    <legend>EU micro-credential elements</legend>
    ${textArea({ ...v, name: 'euElements.learningOutcomes', label: label('euElements.learningOutcomes'), required: true, rows: 5, hint: 'One learning outcome per line.' })}
    ${textInput({ ...v, name: 'euElements.assessmentType', label: label('euElements.assessmentType'), required: true, hint: 'For example: written exam, portfolio, project.' })}
    ${choice({ ...v, name: 'euElements.participationForm', label: label('euElements.participationForm'), choices: participationChoices, blank: 'Choose one', required: true })}
    ${textArea({ ...v, name: 'euElements.qualityAssurance', label: label('euElements.qualityAssurance'), required: true, rows: 3 })}
    ${textInput({ ...v, name: 'euElements.awardingBodyCountry', label: label('euElements.awardingBodyCountry'), required: true, hint: 'Two-letter country code, such as DE or IE.' })}
    ${textArea({ ...v, name: 'euElements.prerequisites', label: label('euElements.prerequisites'), rows: 3 })}
    ${choice({ ...v, name: 'euElements.supervisionAndIdentityVerification', label: label('euElements.supervisionAndIdentityVerification'), choices: supervisionChoices, blank: 'Not stated' })}
    ${textArea({ ...v, name: 'euElements.gradingScheme', label: label('euElements.gradingScheme'), rows: 3 })}
    ${textArea({ ...v, name: 'euElements.stackability', label: label('euElements.stackability'), rows: 3, hint: 'How it combines with other credentials towards a larger one.' })}
    ${textInput({ ...v, name: 'euElements.furtherInformation', label: label('euElements.furtherInformation'), type: 'url', inputMode: 'url' })}
  </fieldset>
  <fieldset>
    <legend>Skills and competencies</legend>
    <p class="hint">Align the achievement with skills in a framework such as ESCO. Each row you fill in needs a skill or competency and its link; empty rows are skipped. Save and edit again for more rows.</p>
    ${rows.map((row) => alignmentRow(row, state))}
  </fieldset>
  <div><button type="submit">${target.submit}</button></div>
</form>`;
}
