// The shipped sample organization. It is served beside the page as
// models/sample.json instead of being compiled into the Wasm module, so a
// visit that opens saved work or an embedded model never downloads it.
const SAMPLE = new URL('./models/sample.json', import.meta.url);

/** The sample's JSON text; throws an Error naming the file when it cannot be read. */
export async function sampleText() {
  let res;
  try {
    res = await fetch(SAMPLE);
  } catch {
    throw new Error(`could not load the sample organization from ${SAMPLE.href}`);
  }
  if (!res.ok) throw new Error(`could not load the sample organization from ${SAMPLE.href}: HTTP ${res.status}`);
  return res.text();
}
