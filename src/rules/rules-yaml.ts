// The rule groups as a Prometheus rule file (YAML), through the `yaml` library: quoting
// PromQL by hand is where rule files break.

import { stringify } from 'yaml';
import type { RuleGroup } from './leak-rules.js';

export function rulesYaml(groups: readonly RuleGroup[]): string {
  return stringify({ groups }, { lineWidth: 0 });
}
