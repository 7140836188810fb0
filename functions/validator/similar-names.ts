/** Edit distance (insertions, deletions, substitutions; case-insensitive) between two names. */
export function editDistance(left: string, right: string): number {
  const a = left.toLowerCase();
  const b = right.toLowerCase();
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let row = 1; row <= a.length; row += 1) {
    const current = [row];
    for (let column = 1; column <= b.length; column += 1) {
      const substitution = (previous[column - 1] ?? 0) + (a[row - 1] === b[column - 1] ? 0 : 1);
      current.push(Math.min((previous[column] ?? 0) + 1, (current[column - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The candidates that look like a misspelling of `name`, best first: a small edit distance, or one name
 * containing the other (`MomentumAlpha` / `MomentumAlphaModel`).
 */
export function similarNames(name: string, candidates: Iterable<string>, limit = 3): string[] {
  const lower = name.toLowerCase();
  const scored: { candidate: string; score: number }[] = [];
  for (const candidate of new Set(candidates)) {
    if (candidate === name) continue;
    const distance = editDistance(name, candidate);
    const other = candidate.toLowerCase();
    const contains =
      lower.length >= 4 && other.length >= 4 && (other.includes(lower) || lower.includes(other));
    if (distance <= Math.max(2, Math.floor(name.length / 4)) || contains) {
      scored.push({ candidate, score: contains ? Math.min(distance, 2) : distance });
    }
  }
  scored.sort((left, right) => left.score - right.score || (left.candidate < right.candidate ? -1 : 1));
  return scored.slice(0, limit).map((entry) => entry.candidate);
}

/** ` (did you mean 'a' or 'b'?)`, or '' when there is no suggestion. */
export function didYouMean(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return '';
  const quoted = suggestions.map((suggestion) => `'${suggestion}'`);
  const last = quoted.pop();
  return ` (did you mean ${quoted.length > 0 ? `${quoted.join(', ')} or ${last}` : last}?)`;
}
