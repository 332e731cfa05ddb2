// @embsweep/core/sweep-file: reading and validating a sweep file (zod schemas). A separate
// entry point from @embsweep/core because zod takes longer to load than the rest of core put
// together, and most commands never read a sweep file.
export { parseSweepJson, type ParsedJson } from './sweep-spec/parse-sweep-json.js';
export { validateSweep, SCHEMA_VERSION } from './sweep-spec/validate-sweep.js';
export { DISTRIBUTIONS } from './sweep-spec/parameter-schema.js';
export { parseSweepYaml } from './sweep-spec/parse-sweep-yaml.js';
export { parseSweepText, isYamlPath } from './sweep-spec/parse-sweep-text.js';
export type { SweepFile, ParameterInput } from './sweep-spec/sweep-file-input.js';
