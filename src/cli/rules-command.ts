// `rssdoctor rules`: prints the Prometheus alerting rules.

import { RssdoctorError } from '../errors.js';
import { leakRuleGroups } from '../rules/leak-rules.js';
import { limitRuleGroup } from '../rules/limit-rules.js';
import { rulesYaml } from '../rules/rules-yaml.js';
import { EXIT_REPORT } from './exit-codes.js';
import type { RulesArgs } from './program.js';

export function rulesCommand(args: RulesArgs): number {
  let groups;
  try {
    groups = [...leakRuleGroups(args.window), limitRuleGroup()];
  } catch (error) {
    throw new RssdoctorError('usage.invalidOption', `--${(error as Error).message}`);
  }
  process.stdout.write(rulesYaml(groups));
  return EXIT_REPORT;
}
