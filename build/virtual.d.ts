declare module 'virtual:bundled-stories' {
  const stories: unknown[];
  export default stories;
}
