import type { ConfigIssue } from '../errors.js';
import { formatJsonPath } from '../json-path.js';
import { gridAxis } from '../search/grid-search.js';
import type { FlatParameter } from './parameter-spec.js';

/**
 * W&B's grid rule (wandb/sweeps grid_search.py): every parameter must be categorical (without
 * probabilities), constant, int_uniform or q_uniform, because only those have a finite set
 * of values to enumerate.
 */
export function checkGridCompatible(params: readonly FlatParameter[]): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  let cells = 1;
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
      continue;
    }
    const problem =
      spec.distribution === 'q_uniform' ? quantizedAxisProblem(spec.min, spec.max, spec.q) : undefined;
    if (problem !== undefined) issues.push({ path: formatJsonPath([...at, 'q']), message: problem });
    cells *= gridAxis(spec).length; // arithmetic: the axis is never enumerated
  }
  if (issues.length === 0 && cells > Number.MAX_SAFE_INTEGER) {
    issues.push({
      path: 'parameters',
      message: `the grid has about ${cells.toPrecision(3)} cells, more than can be counted exactly (2^53); narrow the ranges, or use method "random" with run_cap`,
    });
  }
  return issues;
}

/**
 * Why a q_uniform grid axis cannot be enumerated exactly, if it cannot: more steps than 2^53,
 * or a q so small beside the bounds that neighbouring values are the same number in float64.
 */
function quantizedAxisProblem(min: number, max: number, q: number): string | undefined {
  const steps = (max - min) / q;
  if (steps > Number.MAX_SAFE_INTEGER)
    return `q ${q} cuts [${min}, ${max}) into about ${steps.toPrecision(3)} values, more than can be counted exactly (2^53); raise q`;
  const magnitude = Math.max(Math.abs(min), Math.abs(max));
  if (q < magnitude * Number.EPSILON * 16)
    return `q ${q} is too small for values near ${magnitude}: neighbouring values could not be told apart in 64-bit floating point; raise q`;
  return undefined;
}
