/**
 * Finds the known name closest to a misspelt one, for "did you mean" hints.
 * Returns undefined when nothing is close enough to be a plausible typo.
 */
export function closestName(input: string, known: Iterable<string>): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const hay = candidate.toLowerCase();
    // A candidate that contains the input (or the reverse) is a likely intent: "dim" -> "embedding_dim".
    const distance =
      hay.includes(needle) || needle.includes(hay)
        ? Math.abs(hay.length - needle.length) / 4
        : levenshtein(needle, hay);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = candidate;
    }
  }
  const tolerance = Math.max(2, Math.floor(needle.length / 3));
  return bestDistance <= tolerance ? best : undefined;
}

/** Formats `unknown key "x"` with a hint, and the full list when no candidate is close. */
export function unknownNameMessage(kind: string, name: string, known: readonly string[]): string {
  const near = closestName(name, known);
  if (near !== undefined) return `unknown ${kind} \`${name}\`; did you mean \`${near}\`?`;
  return `unknown ${kind} \`${name}\`; expected one of: ${known.join(', ')}`;
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
