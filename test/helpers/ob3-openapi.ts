import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';
import { parse } from 'yaml';
import { sharedDataPath } from './shared-data.ts';

const openApiPath = sharedDataPath('standards/schemas/ob_v3p0_openapi.yaml');

/** Whether the official OB 3.0 OpenAPI document is here (tests that need it skip otherwise). */
export const ob3OpenApiAvailable = openApiPath !== undefined;

// ajv-formats is CommonJS: its function is the default export under Node's ESM loader.
const addFormats = ((ajvFormats as { default?: unknown }).default ?? ajvFormats) as (
  ajv: Ajv,
) => Ajv;

let ajv: Ajv | undefined;

/**
 * A validator for one schema of the official OB 3.0 OpenAPI document (components/schemas/<name>).
 * OpenAPI 3.0 schemas are JSON Schema with extra keywords (x-*, example), so strict mode is off.
 */
export function ob3Schema(name: string): ValidateFunction {
  if (!openApiPath) throw new Error('ob_v3p0_openapi.yaml is absent');
  if (!ajv) {
    const document = parse(readFileSync(openApiPath, 'utf8'));
    ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    // int32 is an OpenAPI format, not JSON Schema's; the integer type already checks it.
    ajv.addFormat('int32', true);
    ajv.addSchema({ $id: 'ob3', components: document.components });
  }
  const validate = ajv.getSchema(`ob3#/components/schemas/${name}`);
  if (!validate) throw new Error(`no schema ${name} in the OB 3.0 OpenAPI document`);
  return validate;
}

/** The ajv errors as one readable string, for assertion messages. */
export function schemaErrors(validate: ValidateFunction): string {
  return JSON.stringify(validate.errors, null, 1);
}
