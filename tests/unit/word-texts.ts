/** Texts that exercise what a word is (word-cursor.ts): possessives, curly apostrophes, scripts, astral letters. Shared by the tokenizer tests. */
export const WORD_TEXTS = [
  'On Thursday officials in Ridgecrest met Lucy Jones. Residents cheered.',
  "Mayo's board and Mayo Clinic's chief said the deal, worth $160m, closes Monday's session at 9:30.",
  "The Mayo’s curly possessive, don’t and O’Brien, O'Brien and rock'n'roll; AT&T and U.S. officials.",
  'Łódź and Zürich mayors met in São Paulo; Ελλάδα and Москва named. 東京都 officials said 2019年.',
  'An emoji 😀 between words, a math letter 𝐀𝐁𝐂 and 𝒶 script, then Trona residents.',
];
