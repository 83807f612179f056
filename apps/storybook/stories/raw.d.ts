// Vite's `?raw` imports: a file's source text, shown on the docs pages of the hook stories.
declare module '*?raw' {
  const source: string;
  export default source;
}
