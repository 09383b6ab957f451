/** Every topic of a story set, named and counted, for the reader to follow. */
import type { Story } from './story.ts';
import { topicLabel } from './topics.ts';

/** A topic of the store as the options page lists it. */
export interface TopicSummary {
  id: string;
  name: string;
  stories: number;
}

/** Topics sorted by name; `names` are the store manifest's names, when it gives them. */
export function listTopics(stories: Iterable<Story>, names: Record<string, string> = {}): TopicSummary[] {
  const counts = new Map<string, number>();
  for (const s of stories) counts.set(s.topic, (counts.get(s.topic) ?? 0) + 1);
  return [...counts].map(([id, n]) => ({ id, name: topicLabel(id, names), stories: n })).sort((a, b) => a.name.localeCompare(b.name));
}
