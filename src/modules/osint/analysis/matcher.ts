/**
 * Multi-word phrase matching over tokens with a trie keyed by folded words.
 *
 * Hundreds of phrases in five languages are matched in one pass: at each token the trie is walked with the token's
 * variant keys (exact, de-elongated, de-leeted, clitic-stripped), so the cost grows with the text, not with the
 * lexicon. One big alternation regex would instead retry every alternative at every position. All phrases that end
 * on the walk are reported (both "copie" and "copie originale"); callers decide which overlap wins.
 */
import { normalizeText, type Token, tokenize } from './normalize.ts';

/** Longest phrase, in words, that a lexicon may hold (longer ones are refused by `add`). */
export const MAX_PHRASE_TOKENS = 12;

interface TrieNode<T> {
  children: Map<string, TrieNode<T>>;
  payloads: T[];
}

export interface PhraseMatch<T> {
  payload: T;
  /** Index of the first and last token of the match. */
  first: number;
  last: number;
}

export class PhraseTrie<T> {
  private readonly root: TrieNode<T> = { children: new Map(), payloads: [] };
  private maxDepth = 0;
  size = 0;

  /** Adds a phrase written naturally; it is folded and tokenised like post text. Empty phrases are ignored. */
  add(phrase: string, payload: T): void {
    const keys = phraseKeysOf(phrase);
    if (keys.length === 0) return;
    if (keys.length > MAX_PHRASE_TOKENS)
      throw new Error(`phrase of more than ${MAX_PHRASE_TOKENS} words: ${phrase}`);
    let node = this.root;
    for (const key of keys) {
      let child = node.children.get(key);
      if (!child) {
        child = { children: new Map(), payloads: [] };
        node.children.set(key, child);
      }
      node = child;
    }
    node.payloads.push(payload);
    this.maxDepth = Math.max(this.maxDepth, keys.length);
    this.size++;
  }

  /** Every phrase occurrence in `tokens`, in order of first token. */
  match(tokens: readonly Token[]): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      let node: TrieNode<T> | undefined = this.root;
      for (let j = i; j < tokens.length && j - i < this.maxDepth; j++) {
        node = step(node, tokens[j]!);
        if (!node) break;
        for (const payload of node.payloads) out.push({ payload, first: i, last: j });
      }
    }
    return out;
  }
}

function step<T>(node: TrieNode<T>, token: Token): TrieNode<T> | undefined {
  for (const key of token.keys) {
    const child = node.children.get(key);
    if (child) return child;
  }
  return undefined;
}

/**
 * Keeps, among matches of the same group, only those not strictly inside a longer one: "copie originale" wins over
 * "copie", while a brand and a counterfeit term on the same words both stay (different groups).
 */
export function dropContained<T>(matches: PhraseMatch<T>[], group: (payload: T) => string): PhraseMatch<T>[] {
  const groups = matches.map((m) => group(m.payload));
  // Matches come sorted by first token and phrases are short: only near neighbours can contain each other.
  const contains = (o: PhraseMatch<T>, m: PhraseMatch<T>) =>
    o.first <= m.first && o.last >= m.last && o.last - o.first > m.last - m.first;
  return matches.filter((m, i) => {
    for (let j = i - 1; j >= 0 && matches[j]!.first >= m.first - MAX_PHRASE_TOKENS; j--) {
      if (groups[j] === groups[i] && contains(matches[j]!, m)) return false;
    }
    for (let j = i + 1; j < matches.length && matches[j]!.first === m.first; j++) {
      if (groups[j] === groups[i] && contains(matches[j]!, m)) return false;
    }
    return true;
  });
}

/** The folded token keys of a phrase, as the trie stores them. */
export function phraseKeysOf(phrase: string): string[] {
  return tokenize(normalizeText(phrase)).map((t) => t.key);
}
