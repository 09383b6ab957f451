/**
 * Names of more than one word, which tell two events of one kind apart: a single word ("Saints",
 * "Turkmenistan", "T-Mobile") is shared by every event of its kind, a full name tells one
 * player, ship or phone from another.
 */
import type { Name } from './tokenize.ts';

/** Names of two words or more ("Pierre Thomas", "INS Sukanya"), as their tokens joined by a space. */
export interface FullNames {
  title: string[];
  lede: string[];
  all: Set<string>;
}

/** The names of more than one word in `found`, each once. */
export function fullNames(found: Name[]): string[] {
  const out = new Set<string>();
  for (const n of found) if (n.tokens.length > 1) out.add(n.tokens.join(' '));
  return [...out];
}
