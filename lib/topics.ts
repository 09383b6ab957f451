/** Topic slugs as readers see them, when the store does not name them. */

// Short slugs are acronyms ("ai", "eu", "uk"); longer ones are words ("climate-policy").
export function topicLabel(slug: string, names: Record<string, string> = {}): string {
  const named = names[slug];
  if (named) return named;
  if (/^[a-z]{1,3}$/.test(slug)) return slug.toUpperCase();
  const words = slug.split('-').filter(Boolean).join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
