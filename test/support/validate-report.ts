// Validates a Report against the shipped JSON Schema, as every --json test must.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { repoRoot } from './paths.js';

const schema = JSON.parse(
  readFileSync(path.join(repoRoot, 'schema', 'report-v1.schema.json'), 'utf8'),
) as object;
const ajv = new Ajv2020.default({ allErrors: true, strict: true });
const validate = ajv.compile(schema);

export function assertValidReport(report: unknown): void {
  if (!validate(report)) {
    throw new Error(
      `Report does not match schema/report-v1.schema.json: ${ajv.errorsText(validate.errors)}`,
    );
  }
}

const comparisonSchema = JSON.parse(
  readFileSync(path.join(repoRoot, 'schema', 'comparison-v1.schema.json'), 'utf8'),
) as object;
const validateComparison = ajv.compile(comparisonSchema);

export function assertValidComparison(comparison: unknown): void {
  if (!validateComparison(comparison)) {
    throw new Error(
      `Comparison does not match schema/comparison-v1.schema.json: ${ajv.errorsText(validateComparison.errors)}`,
    );
  }
}
