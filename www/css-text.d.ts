// A stylesheet imported `with { type: 'text' }` is its text (esbuild's text
// loader; scripts/build-page.mjs minifies it).
declare module '*.css' {
  const text: string;
  export default text;
}
