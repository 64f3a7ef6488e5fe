// Starts compiling the Wasm core the moment the page is parsed, while the
// page's own scripts are still on their way: a page lists this module before
// its entry (and preloads the Wasm file), and the entry hands what this
// compiles to the glue's init instead of letting init fetch and compile it
// once every script has arrived and run. The module compiles as it streams
// in (`WebAssembly.compileStreaming`).
const WASM = new URL('./pkg/workforce_ecosystem_bg.wasm', import.meta.url);

/**
 * The compiled core, or undefined when it could not be compiled here (say a
 * server that does not send `application/wasm`): init then fetches it
 * itself, with wasm-bindgen's fallbacks and errors.
 * @type {Promise<WebAssembly.Module | undefined>}
 */
export const compiling = WebAssembly.compileStreaming(fetch(WASM)).catch(() => undefined);

/**
 * The glue's init with the module compiled here (or without, see above).
 * @param {(input?: { module_or_path: WebAssembly.Module }) => Promise<unknown>} init
 */
export async function startCore(init) {
  const module = await compiling;
  return init(module ? { module_or_path: module } : undefined);
}
