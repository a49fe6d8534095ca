/**
 * Outcome counts per key ([labelled, frauds, critical]) in one growable Float64Array beside a key → slot map:
 * a model's feature state holds ~150,000 keys, and loading it must not allocate an array per key.
 */
export class CountTable {
  private readonly slots = new Map<string, number>();
  private data = new Float64Array(3 * 64);

  get size(): number {
    return this.slots.size;
  }

  /** [labelled, frauds, critical], or undefined for a key never seen. */
  get(key: string): [number, number, number] | undefined {
    const i = this.slots.get(key);
    if (i === undefined) return undefined;
    const d = this.data;
    return [d[3 * i]!, d[3 * i + 1]!, d[3 * i + 2]!];
  }

  add(key: string, fraud: number, critical: number): void {
    let i = this.slots.get(key);
    if (i === undefined) {
      i = this.slots.size;
      if (3 * (i + 1) > this.data.length) {
        const bigger = new Float64Array(this.data.length * 2);
        bigger.set(this.data);
        this.data = bigger;
      }
      this.slots.set(key, i);
    }
    this.data[3 * i]!++;
    this.data[3 * i + 1]! += fraud;
    this.data[3 * i + 2]! += critical;
  }

  toJSON(): { keys: string[]; counts: number[] } {
    return { keys: [...this.slots.keys()], counts: Array.from(this.data.subarray(0, 3 * this.slots.size)) };
  }

  static fromJSON(json: { keys: string[]; counts: number[] }, what: string): CountTable {
    if (!Array.isArray(json.keys) || json.counts?.length !== 3 * json.keys.length) {
      throw new Error(`invalid feature state: ${what} counts`);
    }
    const t = new CountTable();
    t.data = Float64Array.from(json.counts);
    // Keys were written in slot order, so slot i is key i.
    for (let i = 0; i < json.keys.length; i++) t.slots.set(json.keys[i]!, i);
    if (t.slots.size !== json.keys.length) throw new Error(`invalid feature state: duplicate ${what} keys`);
    return t;
  }
}
