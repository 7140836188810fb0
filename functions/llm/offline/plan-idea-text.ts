interface Span {
  start: number;
  end: number;
}

/** Words that carry no trading meaning on their own; a leftover made only of these is not reported. */
const FILLER_WORDS = new Set(
  `a an the on of in into at for to with using use used and or by per each every buy sell buying selling bought
  trade trades trading traded strategy strategies algorithm algo system model based that which when whenever if it its
  is are be should would could can will i we you want like please make create build write me my our simple basic
  classic stock stocks equity equities share shares name names security securities ticker tickers portfolio universe
  signal signals rule rules only then go going also do backtest backtesting test run from over approach just some all
  any position positions enter entering exit exiting entry long hold holding holdings them they this these those
  winners losers laggards leaders market markets us u.s. american as between than instead rather switch change set
  add remove start now keep new get let's lets let strong weak weakest strongest best worst performers performing
  bottom top most cross crosses crossing above below over under day days daily`
    .split(/\s+/)
    .filter((word) => word.length > 0),
);

/**
 * The idea being parsed: a lower-cased copy (same length, so indices match the original) and the spans
 * recognisers have claimed. What no recogniser claims is reported back as not understood.
 */
export class IdeaText {
  readonly original: string;
  /** ASCII lower case, typographic dashes and quotes made plain; index-aligned with `original`. */
  readonly text: string;
  private readonly consumed: Span[] = [];

  constructor(idea: string) {
    this.original = idea;
    this.text = idea
      .replace(/[A-Z]/g, (letter) => letter.toLowerCase())
      .replace(/[\u2010-\u2015\u2212]/g, '-')
      .replace(/[\u2018\u2019]/g, "'");
  }

  private overlaps(start: number, end: number): boolean {
    return this.consumed.some((span) => start < span.end && end > span.start);
  }

  /** Every match of `pattern` in the lower-cased text that claims nothing already claimed; claims nothing. */
  findAll(pattern: RegExp): RegExpExecArray[] {
    const global = new RegExp(
      pattern.source,
      pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`,
    );
    const matches: RegExpExecArray[] = [];
    for (let match = global.exec(this.text); match !== null; match = global.exec(this.text)) {
      if (match[0].length === 0) {
        global.lastIndex += 1;
        continue;
      }
      if (this.overlaps(match.index, match.index + match[0].length)) {
        // A shorter or later match may still fit around the claimed text.
        global.lastIndex = match.index + 1;
      } else {
        matches.push(match);
      }
    }
    return matches;
  }

  /** The first unclaimed match of `pattern`, without claiming it. */
  find(pattern: RegExp): RegExpExecArray | undefined {
    return this.findAll(pattern)[0];
  }

  /** Marks a match's text as understood. */
  claim(match: RegExpExecArray): void {
    this.consumed.push({ start: match.index, end: match.index + match[0].length });
  }

  /** The first unclaimed match of `pattern`, claimed. */
  take(pattern: RegExp): RegExpExecArray | undefined {
    const match = this.find(pattern);
    if (match) this.claim(match);
    return match;
  }

  /** Every unclaimed match of `pattern`, claimed; matches are found before any is claimed. */
  takeAll(pattern: RegExp): RegExpExecArray[] {
    const matches = this.findAll(pattern);
    for (const match of matches) this.claim(match);
    return matches;
  }

  /** True when some unclaimed text matches `pattern`. */
  has(pattern: RegExp): boolean {
    return this.find(pattern) !== undefined;
  }

  /** True when `pattern` matches anywhere, claimed or not. */
  mentions(pattern: RegExp): boolean {
    return new RegExp(pattern.source, pattern.flags.replace('g', '')).test(this.text);
  }

  /** The stretches of the original text no recogniser claimed, in order. */
  private unclaimedSegments(): string[] {
    const spans = [...this.consumed].sort((left, right) => left.start - right.start);
    const segments: string[] = [];
    let position = 0;
    for (const span of spans) {
      if (span.start > position) segments.push(this.original.slice(position, span.start));
      position = Math.max(position, span.end);
    }
    segments.push(this.original.slice(position));
    return segments;
  }

  /** The unclaimed clauses that hold a meaningful word, close to how the user wrote them. */
  leftovers(extraFiller: ReadonlySet<string> = new Set()): string[] {
    const pieces = this.unclaimedSegments().flatMap((segment) =>
      segment.split(/[,;:!?()[\]\n]+|\.(?=\s|$)|\s+(?:and|but|then|plus|while|with)\s+/i),
    );
    const leftovers: string[] = [];
    for (const piece of pieces) {
      const words = piece.toLowerCase().match(/[a-z0-9%$&'.-]+/g) ?? [];
      const meaningful = words.filter((word) => {
        const bare = word.replace(/^[^a-z0-9$%&]+|[^a-z0-9%]+$/g, '');
        return (
          bare.length > 0 && !FILLER_WORDS.has(bare) && !extraFiller.has(bare) && !/^[-'.&]+$/.test(bare)
        );
      });
      if (meaningful.length > 0) leftovers.push(piece.trim().replace(/\s+/g, ' '));
    }
    return leftovers;
  }
}
