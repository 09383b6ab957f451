// What of each visited page must never leave the browser, in either browser's privacy test:
// its address, its title and a phrase of its text.
export const PAGE_MARKS: Record<string, string[]> = {
  '/fortune-morgan-stanley.html': ['fortune-morgan-stanley', 'Morgan Stanley warns an AI breakthrough', 'accumulation of computing power'],
  '/healthtech-mayo-microsoft.html': [
    'healthtech-mayo-microsoft',
    'team up on a frontier AI model the clinic will own',
    'synthesise long patient histories',
  ],
  '/local-sports.html': ['local-sports', 'Eagles rally late to beat Wildcats', 'Jordan Pike threw a 34-yard touchdown'],
  '/harbor-seawall.html': ['harbor-seawall', 'Seawall', 'Eastport'],
};

/** The first mark of a visited page that `sent` (an address, headers) carries, or null. */
export function pageMarkIn(sent: string): string | null {
  const text = sent.toLowerCase();
  for (const [path, marks] of Object.entries(PAGE_MARKS)) {
    for (const mark of marks) if (text.includes(mark.toLowerCase())) return `"${mark}" of ${path}`;
  }
  return null;
}
