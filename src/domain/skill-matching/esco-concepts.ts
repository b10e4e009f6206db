/**
 * What of an ESCO skill or occupation the matcher indexes. One mapping for the product (rows of
 * the database) and the evaluation (rows of the ESCO CSV), so the benchmark measures the
 * product's matcher and not a copy of it.
 */
import type { ConceptInput } from './concept-index.ts';

export type EscoSkillLike = {
  uri: string;
  statement: string;
  altLabels: readonly string[];
  description: string | null;
};

export function escoSkillConcept(id: string, skill: EscoSkillLike): ConceptInput {
  return {
    id,
    uri: skill.uri,
    label: skill.statement,
    altLabels: skill.altLabels,
    description: skill.description,
  };
}

export type EscoOccupationLike = {
  uri: string;
  preferredLabel: string;
  altLabels: readonly string[];
  description: string | null;
};

export function escoOccupationConcept(id: string, occupation: EscoOccupationLike): ConceptInput {
  return {
    id,
    uri: occupation.uri,
    label: occupation.preferredLabel,
    altLabels: occupation.altLabels,
    description: occupation.description,
  };
}
