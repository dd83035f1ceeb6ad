/** Keeps the k best items seen so far in a binary min-heap (O(n log k) over n items). */
export class TopK {
  private readonly labels: number[] = [];
  private readonly scores: number[] = [];

  constructor(private readonly k: number) {}

  push(label: number, score: number): void {
    if (this.k <= 0) return;
    if (this.labels.length < this.k) {
      this.labels.push(label);
      this.scores.push(score);
      this.siftUp(this.labels.length - 1);
    } else if (isWorse(this.scores[0]!, this.labels[0]!, score, label)) {
      this.labels[0] = label;
      this.scores[0] = score;
      this.siftDown(0);
    }
  }

  /** Best first. */
  sorted(): { label: number; score: number }[] {
    return this.labels
      .map((label, i) => ({ label, score: this.scores[i]! }))
      .sort((a, b) => (isWorse(a.score, a.label, b.score, b.label) ? 1 : -1));
  }

  private worse(a: number, b: number): boolean {
    return isWorse(this.scores[a]!, this.labels[a]!, this.scores[b]!, this.labels[b]!);
  }

  private siftUp(start: number): void {
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(start: number): void {
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < this.scores.length && this.worse(left, worst)) worst = left;
      if (right < this.scores.length && this.worse(right, worst)) worst = right;
      if (worst === i) return;
      this.swap(i, worst);
      i = worst;
    }
  }

  private swap(a: number, b: number): void {
    [this.labels[a], this.labels[b]] = [this.labels[b]!, this.labels[a]!];
    [this.scores[a], this.scores[b]] = [this.scores[b]!, this.scores[a]!];
  }
}

/** Lower score is worse; on equal scores the higher label is worse, so results do not depend on insertion order. */
function isWorse(scoreA: number, labelA: number, scoreB: number, labelB: number): boolean {
  return scoreA < scoreB || (scoreA === scoreB && labelA > labelB);
}
