import { describe, expect, it } from 'vitest';
import type { Alert } from '../../lib/alerts/decide.ts';
import { notifiedStory, planNotifications } from '../../lib/alerts/notify.ts';
import { topicLabel } from '../../lib/story/topics.ts';
import { t, tn } from '../../platform/i18n.ts';

const newStory = (id: string, topic = 'ai'): Alert => ({
  kind: 'new-story',
  storyId: id,
  topic,
  title: `Story ${id}`,
  outlets: 7,
  viewpoints: 3,
});
const update: Alert = {
  kind: 'story-update',
  storyId: 'mayo',
  topic: 'ai',
  title: 'Mayo model',
  newViewpoints: ['Patients'],
  nowRepresented: ['Patient Advocacy Groups'],
  newOutlets: 3,
};
const name = (slug: string) => topicLabel(slug);
const words = { t, tn };

describe('planNotifications', () => {
  it('words a new story with its topic, outlets and viewpoints', () => {
    expect(planNotifications([newStory('a')], words, name)).toEqual([
      { id: 'story:a', title: 'New in AI: Story a', message: '7 outlets · 3 viewpoints' },
    ]);
  });

  it('words every change to a followed story in one notification', () => {
    expect(planNotifications([update], words, name)).toEqual([
      {
        id: 'story:mayo',
        title: 'Update: Mayo model',
        message: '3 new outlets · New viewpoint: Patients · Now represented: Patient Advocacy Groups',
      },
    ]);
  });

  it('raises at most three, updates first, then one summary of the rest in one topic', () => {
    const alerts = [newStory('a'), newStory('b'), update, newStory('c'), newStory('d'), newStory('e'), newStory('f')];
    const plan = planNotifications(alerts, words, name);
    expect(plan.map((n) => n.id)).toEqual(['story:mayo', 'story:a', 'story:b', 'summary']);
    expect(plan[3]!.message).toBe('4 more new stories in AI');
  });

  it('says how many of the rest the alert list kept when it could not keep them all', () => {
    const alerts = Array.from({ length: 200 }, (_, i) => newStory(`s${i}`));
    expect(planNotifications(alerts, words, name, 3, 50).at(-1)!.message).toBe(
      '197 more new stories in AI. The alert list keeps 47 of them.',
    );
    // A list that kept them all needs no word of it.
    expect(planNotifications(alerts.slice(0, 50), words, name, 3, 50).at(-1)!.message).toBe('47 more new stories in AI');
  });

  it('summarises mixed leftovers as updates on what the reader follows', () => {
    const plan = planNotifications([newStory('a'), newStory('b'), newStory('c'), newStory('d', 'cities'), newStory('e')], words, name, 3);
    expect(plan.at(-1)!.message).toBe('2 more updates on what you follow');
  });

  it('honours a smaller limit', () => {
    expect(planNotifications([newStory('a'), newStory('b')], words, name, 1).map((n) => n.message)).toEqual([
      '7 outlets · 3 viewpoints',
      '1 more new story in AI',
    ]);
  });
});

describe('topicLabel', () => {
  it.each([
    ['ai', 'AI'],
    ['eu', 'EU'],
    ['climate-policy', 'Climate policy'],
    ['health', 'Health'],
  ])('names %s as %s', (slug, label) => {
    expect(topicLabel(slug)).toBe(label);
  });
  it('prefers the name the store gives', () => expect(topicLabel('ai', { ai: 'Artificial Intelligence' })).toBe('Artificial Intelligence'));
});

describe('notifiedStory', () => {
  it('reads back the story of each notification planNotifications names, and none of the summary', () => {
    const alert = (storyId: string): Alert => ({ kind: 'new-story', storyId, topic: 'ai', title: storyId, outlets: 5, viewpoints: 3 });
    const plan = planNotifications([alert('a'), alert('story:b'), alert('c')], { t, tn }, (s) => s, 2);
    expect(plan.map((n) => notifiedStory(n.id))).toEqual(['a', 'story:b', null]);
  });
});
