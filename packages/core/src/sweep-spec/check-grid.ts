import type { ConfigIssue } from '../errors.js';
import { formatJsonPath } from '../json-path.js';
import type { FlatParameter } from './parameter-spec.js';

/**
 * W&B's grid rule (wandb/sweeps grid_search.py): every parameter must be categorical (without
 * probabilities), constant, int_uniform or q_uniform, because only those have a finite set
 * of values to enumerate.
 */
export function checkGridCompatible(params: readonly FlatParameter[]): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const { path, spec } of params) {
    const at = ['parameters', ...path.flatMap((p, i) => (i === 0 ? [p] : ['parameters', p]))];
    if (spec.distribution === 'categorical' && spec.probabilities !== undefined) {
      issues.push({
        path: formatJsonPath([...at, 'probabilities']),
        message: 'grid search tries every value; probabilities are for random search',
      });
    } else if (!['categorical', 'constant', 'int_uniform', 'q_uniform'].includes(spec.distribution)) {
      issues.push({
        path: formatJsonPath(at),
        message: `grid search needs a finite set of values, but \`${spec.distribution}\` is continuous; use values, int_uniform or q_uniform, or method "random"`,
      });
    }
  }
  return issues;
}
