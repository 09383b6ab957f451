/** Topic slugs as readers see them, when the store does not name them. */

/** The store manifest's names for topic slugs, as a lookup (`ai` → "Artificial intelligence"). */
export function topicNames(topics: readonly { id: string; name: string }[] | undefined): Record<string, string> {
  return Object.fromEntries((topics ?? []).map((topic) => [topic.id, topic.name]));
}

// Short slugs are acronyms ("ai", "eu", "uk"); longer ones are words ("climate-policy").
export function topicLabel(slug: string, names: Record<string, string> = {}): string {
  // Own names only: `constructor`, `toString` and `__proto__` are valid slugs.
  const named = Object.hasOwn(names, slug) ? names[slug] : undefined;
  if (typeof named === 'string' && named) return named;
  if (/^[a-z]{1,3}$/.test(slug)) return slug.toUpperCase();
  const words = slug.split('-').filter(Boolean).join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
