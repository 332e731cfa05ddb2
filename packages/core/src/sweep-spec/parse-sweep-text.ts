import { parseSweepJson, type ParsedJson } from './parse-sweep-json.js';
import { parseSweepYaml } from './parse-sweep-yaml.js';

/** Sweep files named *.yaml or *.yml are YAML (as W&B writes them); every other one is JSON. */
export function isYamlPath(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

/** Parses a sweep file's text by its name: YAML or JSON, to the same form for validateSweep. */
export function parseSweepText(text: string, path: string): ParsedJson {
  return isYamlPath(path) ? parseSweepYaml(text, path) : parseSweepJson(text, path);
}
