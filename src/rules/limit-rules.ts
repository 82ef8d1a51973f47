// Alerting rules on rssdoctor's own projection (`--metrics`: rssdoctor_seconds_to_limit,
// report/projection.ts). Unlike predict_linear on RSS, the series already knows which
// limit applies (the V8 heap's, the cgroup's, GOMEMLIMIT) and grows by the verdict's own
// rate, with its interval: the bound="high" series is the latest time the interval allows.
//
//   seconds ─┐
//   to limit  ╲╲          high < 1 h for 5 m   → critical: even the slow end is within the hour
//              ╲╲╲        point < 24 h for 30 m → warning
//   ────────────╲╲╲─────

import { SECONDS_TO_LIMIT } from '../metrics/metric-names.js';
import type { RuleGroup } from './leak-rules.js';

export const LIMIT_CRITICAL_SECONDS = 3600;
export const LIMIT_WARNING_SECONDS = 86_400;

export function limitRuleGroup(): RuleGroup {
  const description = (bound: string, within: string): string =>
    `At the verdict's own growth rate, {{ $labels.name }} (pid {{ $labels.pid }}) meets its ` +
    `{{ $labels.limit }} limit in {{ $value | humanizeDuration }} (${bound} of rssdoctor's ` +
    `interval), within ${within}. The limit and the rate are in rssdoctor's report ("projection").`;
  return {
    name: 'rssdoctor-limit',
    rules: [
      {
        alert: 'RssdoctorLimitWithinHour',
        expr: `${SECONDS_TO_LIMIT}{bound="high"} < ${LIMIT_CRITICAL_SECONDS}`,
        for: '5m',
        labels: { severity: 'critical' },
        annotations: {
          summary: 'A leak meets its memory limit within the hour',
          description: description('the slow end', 'the hour'),
        },
      },
      {
        alert: 'RssdoctorLimitWithinDay',
        expr: `${SECONDS_TO_LIMIT}{bound="point"} < ${LIMIT_WARNING_SECONDS}`,
        for: '30m',
        labels: { severity: 'warning' },
        annotations: {
          summary: 'A leak meets its memory limit within a day',
          description: description('the estimate', 'a day'),
        },
      },
    ],
  };
}
